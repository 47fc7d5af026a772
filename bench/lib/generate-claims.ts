import pg from 'pg';
import type { Axis, TagView } from '../../lib/claims/types';
import { claimAggregates } from '../../lib/cruxes/aggregates';
import { scoreClaim } from '../../lib/cruxes/crux-score';
import { renderNote } from '../../lib/markdown/render-note';
import { uuidv7 } from '../../lib/server/db/uuid';
import { prng } from './stats';

export interface GeneratedUser {
  id: string;
  name: string;
}

/** Users with a name and an email each, inserted in one statement. */
export async function insertUsers(url: string, count: number, prefix: string): Promise<GeneratedUser[]> {
  const users = Array.from({ length: count }, (_, i) => ({ id: uuidv7(), name: `${prefix} ${i + 1}` }));
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(
    `INSERT INTO "User" ("id", "email", "name", "updatedAt") SELECT id, email, name, now() FROM unnest($1::uuid[], $2::text[], $3::text[]) AS u(id, email, name)`,
    [
      users.map((u) => u.id),
      users.map((_, i) => `${prefix.toLowerCase().replace(/\W/g, '')}${i + 1}@bench.example`),
      users.map((u) => u.name),
    ],
  );
  await client.end();
  return users;
}

const AXES: Axis[] = ['outer', 'inner', 'both', 'other'];

/**
 * Claims on the first sentence of passages of a thread and `tagsPerClaim` tags each from
 * distinct users, with the claims' aggregates computed by lib/cruxes, as the app would store them.
 */
export async function tagThread(
  url: string,
  threadSlug: string,
  users: GeneratedUser[],
  claims: number,
  tagsPerClaim: number,
  seed = 5,
) {
  const random = prng(seed);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows: passages } = await client.query<{
    id: string;
    threadId: string;
    text: string;
    sentences: [number, number][];
  }>(
    `SELECT p."id", t."id" AS "threadId", p."text", p."sentences" FROM "Passage" p JOIN "Thread" t ON t."currentRevisionId" = p."revisionId"
     WHERE t."slug" = $1 ORDER BY p."ordinal" LIMIT $2`,
    [threadSlug, claims],
  );
  const now = new Date().toISOString();
  const claimRows: unknown[][] = [];
  const tagRows: unknown[][] = [];
  for (const passage of passages) {
    const [start, end] = passage.sentences[0] ?? [0, passage.text.length];
    const exact = passage.text.slice(start, end);
    if (!exact.trim() || [...exact].length !== exact.length) continue;
    const claimId = uuidv7();
    const split = random() < 0.3;
    const tags: TagView[] = [];
    const first = Math.floor(random() * users.length);
    for (let k = 0; k < tagsPerClaim; k++) {
      const user = users[(first + k * 7) % users.length];
      const confidence = Math.round(split ? (k % 2 ? 15 : 85) + (random() - 0.5) * 10 : 40 + random() * 50);
      const tag = {
        id: uuidv7(),
        claimId,
        userId: user.id,
        userName: user.name,
        axis: AXES[Math.floor(random() * 4)],
        confidence,
        concreteStoryNeeded: random() < 0.1,
        crux: random() < 0.1,
        note: random() < 0.2 ? 'A *short* note.' : '',
        labels: [],
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      tags.push(tag);
      tagRows.push([
        tag.id,
        claimId,
        user.id,
        tag.axis,
        confidence,
        tag.concreteStoryNeeded,
        tag.crux,
        tag.note,
        tag.note ? renderNote(tag.note) : '',
      ]);
    }
    const aggregates = claimAggregates({ tags });
    const scores = scoreClaim({ tags }, aggregates);
    claimRows.push([
      claimId,
      passage.threadId,
      passage.id,
      start,
      end,
      exact,
      passage.text.slice(Math.max(0, start - 32), start),
      passage.text.slice(end, end + 32),
      aggregates.taggers,
      aggregates.confidence.count,
      aggregates.confidence.mean,
      scores.disagreement,
      scores.cruxScore,
      scores.consensusScore,
      aggregates.crux,
      aggregates.concreteStoryNeeded,
      aggregates.axes.outer,
      aggregates.axes.inner,
      aggregates.axes.both,
      aggregates.axes.other,
      tags
        .map((t) => t.note)
        .filter(Boolean)
        .join('\n\n'),
    ]);
  }
  const column = (rows: unknown[][], i: number) => rows.map((r) => r[i]);
  await client.query(
    `INSERT INTO "Claim" ("id","threadId","passageId","start","end","exact","prefix","suffix","tagCount","confCount","confMean","disagreement","cruxScore","consensusScore","cruxCount","storyCount","axisOuter","axisInner","axisBoth","axisOther","notesText","updatedAt","lastTaggedAt")
     SELECT *, now(), now() FROM unnest($1::uuid[],$2::uuid[],$3::uuid[],$4::int[],$5::int[],$6::text[],$7::text[],$8::text[],$9::int[],$10::int[],$11::float8[],$12::float8[],$13::float8[],$14::float8[],$15::int[],$16::int[],$17::int[],$18::int[],$19::int[],$20::int[],$21::text[])`,
    Array.from({ length: 21 }, (_, i) => column(claimRows, i)),
  );
  await client.query(
    `INSERT INTO "Tag" ("id","claimId","userId","axis","confidence","concreteStoryNeeded","crux","note","noteHtml","updatedAt")
     SELECT t.id, t.claim, t.usr, t.axis::"Axis", t.conf, t.story, t.crux, t.note, t.html, now()
     FROM unnest($1::uuid[],$2::uuid[],$3::uuid[],$4::text[],$5::int[],$6::bool[],$7::bool[],$8::text[],$9::text[]) AS t(id, claim, usr, axis, conf, story, crux, note, html)`,
    Array.from({ length: 9 }, (_, i) => column(tagRows, i)),
  );
  await client.query('ANALYZE');
  await client.end();
  return { claims: claimRows.length, tags: tagRows.length, claimIds: claimRows.map((r) => r[0] as string) };
}
