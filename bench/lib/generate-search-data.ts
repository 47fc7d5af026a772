/**
 * Generates and COPYs a search data set: users, threads of passages, claims (one sentence each)
 * and tags, with claim aggregates computed by the same lib/cruxes code the app uses.
 */
import { fork } from 'node:child_process';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Axis, TagView } from '../../lib/claims/types';
import { claimAggregates } from '../../lib/cruxes/aggregates';
import { scoreClaim } from '../../lib/cruxes/crux-score';
import { renderNote } from '../../lib/markdown/render-note';
import { uuidv7 } from '../../lib/server/db/uuid';
import { prng } from './stats';
import { ADJECTIVES, NOUNS, VERBS } from './vocabulary';

export interface SearchDataSize {
  users: number;
  claims: number;
  tags: number;
  threads: number;
  /** Reading circles: half the claims are public, the other half spread evenly over this many groups. */
  groups?: number;
}

const AXES: Axis[] = ['outer', 'inner', 'both', 'other'];

/** Escapes a value for COPY's text format. */
function cell(value: string | number | boolean | null): string {
  if (value === null) return '\\N';
  return String(value).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}
const row = (values: (string | number | boolean | null)[]) => `${values.map(cell).join('\t')}\n`;
const arrayLiteral = (values: string[]) => `{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;

async function copy(client: pg.Client, table: string, columns: string[], rows: Iterable<string>) {
  const stream = client.query(copyFrom(`COPY "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) FROM STDIN`));
  await pipeline(Readable.from(rows, { objectMode: false }), stream);
}

export async function generateSearchData(url: string, size: SearchDataSize) {
  const random = prng(20261123);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() ** 1.6 * list.length)];
  const sentence = () =>
    `${pick(ADJECTIVES)[0].toUpperCase()}${pick(ADJECTIVES).slice(1)} ${pick(NOUNS)} ${pick(VERBS)} the ${pick(NOUNS)} because ${pick(NOUNS)} ${pick(VERBS)} ${pick(ADJECTIVES)} ${pick(NOUNS)}.`;

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const now = new Date().toISOString();
  const started = performance.now();

  const users = Array.from({ length: size.users }, (_, i) => ({ id: uuidv7(), name: `Reader ${i + 1}` }));
  await copy(
    client,
    'User',
    ['id', 'email', 'name', 'role', 'createdAt', 'updatedAt'],
    users.map((u, i) => row([u.id, `reader${i + 1}@bench.example`, u.name, 'USER', now, now])),
  );

  // Groups: each reader belongs to one (reader i to group i mod n), owned by its first member; a
  // group's claims are tagged by its members only, as the app allows.
  const groupCount = size.groups ?? 0;
  const groups = Array.from({ length: groupCount }, (_, g) => ({
    id: uuidv7(),
    members: users.filter((_, i) => i % groupCount === g),
  }));
  if (groups.some((g) => g.members.length === 0)) throw new Error('every group needs a member: more users than groups');
  await copy(
    client,
    'Group',
    ['id', 'name', 'description', 'ownerId', 'createdAt'],
    groups.map((g, n) => row([g.id, `Bench circle ${n + 1}`, '', g.members[0].id, now])),
  );
  await copy(
    client,
    'Membership',
    ['groupId', 'userId', 'role', 'createdAt'],
    groups.flatMap((g) => g.members.map((u, i) => row([g.id, u.id, i === 0 ? 'owner' : 'member', now]))),
  );
  /** Claim n's group: none for even n (public), else one of the groups in turn. */
  const groupOf = (n: number) => (groupCount === 0 || n % 2 === 0 ? null : groups[((n - 1) / 2) % groupCount]);

  const claimsPerPassage = 5;
  const passagesPerThread = Math.ceil(size.claims / claimsPerPassage / size.threads);
  const threadIds: string[] = [];
  const revisionIds: string[] = [];
  for (let t = 0; t < size.threads; t++) {
    threadIds.push(uuidv7());
    revisionIds.push(uuidv7());
  }
  await copy(
    client,
    'Thread',
    ['id', 'slug', 'title', 'createdAt', 'updatedAt'],
    threadIds.map((id, t) => row([id, `bench-thread-${t + 1}`, `Bench thread ${t + 1}`, now, now])),
  );
  await copy(
    client,
    'ThreadRevision',
    [
      'id',
      'threadId',
      'number',
      'contentHash',
      'format',
      'byteLength',
      'lineCount',
      'passageCount',
      'repeatCount',
      'createdAt',
    ],
    revisionIds.map((id, t) =>
      row([id, threadIds[t], 1, `bench-${t}`, 'text', 0, passagesPerThread, passagesPerThread, 0, now]),
    ),
  );
  await client.query(
    'UPDATE "Thread" t SET "currentRevisionId" = r."id" FROM "ThreadRevision" r WHERE r."threadId" = t."id"',
  );

  interface ClaimRow {
    id: string;
    threadId: string;
    passageId: string;
    start: number;
    end: number;
    exact: string;
    prefix: string;
    suffix: string;
  }
  const passages: string[] = [];
  const claims: ClaimRow[] = [];
  for (let t = 0; t < size.threads && claims.length < size.claims; t++) {
    for (let p = 0; p < passagesPerThread && claims.length < size.claims; p++) {
      const sentences = Array.from({ length: claimsPerPassage }, sentence);
      const text = sentences.join(' ');
      const passageId = uuidv7();
      passages.push(row([passageId, revisionIds[t], p, p + 1, text, JSON.stringify([]), null, null, null]));
      let offset = 0;
      for (const s of sentences) {
        if (claims.length >= size.claims) break;
        claims.push({
          id: uuidv7(),
          threadId: threadIds[t],
          passageId,
          start: offset,
          end: offset + s.length,
          exact: s,
          prefix: text.slice(Math.max(0, offset - 32), offset),
          suffix: text.slice(offset + s.length, offset + s.length + 32),
        });
        offset += s.length + 1;
      }
    }
  }
  await copy(
    client,
    'Passage',
    ['id', 'revisionId', 'ordinal', 'line', 'text', 'sentences', 'author', 'postedAt', 'commentId'],
    passages,
  );

  // Notes come from a pool of 500 sentences, each rendered once.
  const notePool = Array.from({ length: 500 }, sentence);
  const notesHtml = new Map(notePool.map((n) => [n, renderNote(n)]));
  // Tags: taggers per claim vary (1 to 2·mean − 1); a third of the claims split the taggers.
  const meanTags = size.tags / size.claims;
  const tagRows: string[] = [];
  const claimRows: string[] = [];
  let tagCount = 0;
  for (const [index, claim] of claims.entries()) {
    const remainingClaims = claims.length - index;
    const group = groupOf(index);
    const taggers = group ? group.members : users;
    const target = Math.max(
      1,
      Math.min(
        taggers.length,
        Math.round((size.tags - tagCount) / remainingClaims + (random() - 0.5) * (2 * meanTags - 2)),
      ),
    );
    const split = random() < 0.33;
    const lean = random() * 100;
    const first = Math.floor(random() * taggers.length);
    const tags: TagView[] = [];
    for (let k = 0; k < target; k++) {
      const user = taggers[(first + k * 7919) % taggers.length];
      const confidence =
        random() < 0.1
          ? null
          : Math.round(
              split
                ? random() < 0.5
                  ? 5 + random() * 25
                  : 70 + random() * 25
                : Math.min(100, Math.max(0, lean + (random() - 0.5) * 20)),
            );
      const note = random() < 0.1 ? notePool[Math.floor(random() * notePool.length)] : '';
      const labels =
        random() < 0.05 ? [pick(['empirical', 'conceptual', 'needs-source', 'reward modelling', 'mesa'])] : [];
      const tag = {
        id: uuidv7(),
        claimId: claim.id,
        userId: user.id,
        userName: user.name,
        axis: pick(AXES),
        confidence,
        concreteStoryNeeded: random() < 0.08,
        crux: random() < 0.06,
        note,
        labels,
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      tags.push(tag);
      tagRows.push(
        row([
          tag.id,
          claim.id,
          user.id,
          tag.axis,
          confidence,
          tag.concreteStoryNeeded,
          tag.crux,
          note,
          note ? (notesHtml.get(note) as string) : '',
          arrayLiteral(labels),
          1,
          null,
          now,
          now,
        ]),
      );
    }
    tagCount += tags.length;
    const aggregates = claimAggregates({ tags });
    const scores = scoreClaim({ tags }, aggregates);
    const created = new Date(Date.parse(now) - (claims.length - index) * 1000).toISOString();
    claimRows.push(
      row([
        claim.id,
        claim.threadId,
        claim.passageId,
        claim.start,
        claim.end,
        claim.exact,
        claim.prefix,
        claim.suffix,
        false,
        created,
        created,
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
        arrayLiteral(aggregates.labels.map((l) => l.label)),
        created,
        group?.id ?? null,
      ]),
    );
  }
  await copy(
    client,
    'Claim',
    [
      'id',
      'threadId',
      'passageId',
      'start',
      'end',
      'exact',
      'prefix',
      'suffix',
      'orphan',
      'createdAt',
      'updatedAt',
      'tagCount',
      'confCount',
      'confMean',
      'disagreement',
      'cruxScore',
      'consensusScore',
      'cruxCount',
      'storyCount',
      'axisOuter',
      'axisInner',
      'axisBoth',
      'axisOther',
      'notesText',
      'labels',
      'lastTaggedAt',
      'groupId',
    ],
    claimRows,
  );
  await copy(
    client,
    'Tag',
    [
      'id',
      'claimId',
      'userId',
      'axis',
      'confidence',
      'concreteStoryNeeded',
      'crux',
      'note',
      'noteHtml',
      'labels',
      'version',
      'deletedAt',
      'createdAt',
      'updatedAt',
    ],
    tagRows,
  );
  // As autovacuum would after a bulk load: statistics for the planner and the visibility map that
  // lets the facet counts read the covering index alone. Counted in the load time.
  await client.query('VACUUM (ANALYZE)');
  const seconds = (performance.now() - started) / 1000;
  // Not counted: the checkpoint the load has made due, taken now rather than in the background
  // while the first queries are measured (it writes out every page the load dirtied). Needs a
  // superuser or pg_checkpoint; without either, Postgres takes it when it will.
  await client.query('CHECKPOINT').catch(() => undefined);
  await client.end();
  const rows =
    users.length +
    groups.length +
    users.length * Math.min(1, groupCount) +
    threadIds.length * 2 +
    passages.length +
    claims.length +
    tagCount;
  return {
    users: users.length,
    threads: threadIds.length,
    passages: passages.length,
    claims: claims.length,
    tags: tagCount,
    groups: groups.map((g) => g.id),
    /** Each group's first member, who searches its layer in the benchmark. */
    groupReaders: groups.map((g) => ({ id: g.members[0].id, name: g.members[0].name })),
    groupClaims: claims.filter((_, n) => groupOf(n) !== null).length,
    seconds,
    rowsPerSecond: Math.round(rows / seconds),
  };
}

/** `generateSearchData` in a child process, which exits once the data is stored. */
export function generateSearchDataApart(
  url: string,
  size: SearchDataSize,
): Promise<Awaited<ReturnType<typeof generateSearchData>>> {
  const child = fork(path.join(import.meta.dirname, 'search-data-child.ts'), [], { execArgv: ['--import', 'tsx'] });
  child.send({ url, size });
  return new Promise((resolve, reject) => {
    child.once('message', (message: { result?: Awaited<ReturnType<typeof generateSearchData>>; error?: string }) =>
      message.result
        ? resolve(message.result)
        : reject(new Error(`generating the search data failed: ${message.error}`)),
    );
    child.once('exit', (code) => {
      if (code) reject(new Error(`the search data generator exited with ${code}`));
    });
  });
}
