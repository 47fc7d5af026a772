import { db } from '../db/client';
import { isUniqueViolation } from '../db/errors';
import { uuidv7 } from '../db/uuid';
import { inTransaction, pgPool } from '../db/pg-pool';
import { recordEvents } from '../events/publish';
import { type IngestInput, type PreparedThread, prepareThread } from './prepare-thread';
import { reanchorThread } from './reanchor-revision';
import { type NewRevision, saveRevisions } from './save-revision';
import { slugify } from './slug';

export type { IngestInput } from './prepare-thread';

export interface IngestOutcome {
  slug: string;
  title: string;
  revision: number;
  /** False when exactly this content was ingested before: nothing was written. */
  created: boolean;
  passages: number;
  repeats: number;
  lines: number;
  /** For a new revision of a thread with claims: how many found their text again, how many are orphans. */
  reanchored?: { anchored: number; orphaned: number };
}

const repeatsOf = (t: PreparedThread) =>
  t.dedup.occurrences.filter((o) => o.kind !== 'original' && o.kind !== 'blank').length;

/**
 * Slugs for new threads, unique among the stored ones and within the batch. The slugs in use are
 * read with one bound statement (`^@`: starts with): the query builder compiled a new query for
 * each number of titles, which cost more than the rest of the lookups.
 */
async function newSlugs(titles: string[]): Promise<string[]> {
  const bases = titles.map(slugify);
  const { rows } = bases.length
    ? await pgPool().query<{ slug: string }>('SELECT "slug" FROM "Thread" WHERE "slug" ^@ ANY($1::text[])', [
        [...new Set(bases)],
      ])
    : { rows: [] };
  const taken = new Set(rows.map((t) => t.slug));
  return bases.map((base) => {
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    taken.add(slug);
    return slug;
  });
}

/**
 * Stores threads (already decoded, parsed and deduplicated by prepareThread) in one transaction.
 * Same content (hash of the exact bytes) -> the revision that exists, nothing written; a changed
 * version of a known thread (same slug, else same source name) -> its next revision, with its
 * claims re-anchored onto the new text; anything else -> a new thread.
 */
export async function storeThreads(prepared: PreparedThread[]): Promise<IngestOutcome[]> {
  try {
    return await storeOnce(prepared);
  } catch (error) {
    // Someone stored the same content (or took the same new slug) meanwhile: look again, once.
    if (isUniqueViolation(error)) return storeOnce(prepared);
    throw error;
  }
}

async function storeOnce(prepared: PreparedThread[]): Promise<IngestOutcome[]> {
  const existing = new Map(
    (
      await db.threadRevision.findMany({
        where: { contentHash: { in: prepared.map((t) => t.contentHash) } },
        select: {
          contentHash: true,
          number: true,
          passageCount: true,
          repeatCount: true,
          lineCount: true,
          thread: { select: { slug: true, title: true } },
        },
      })
    ).map((r) => [r.contentHash, r]),
  );
  const seen = new Set<string>();
  const fresh = prepared.filter(
    (t) => !existing.has(t.contentHash) && !seen.has(t.contentHash) && seen.add(t.contentHash),
  );
  const bySlug = new Map(
    (
      await db.thread.findMany({
        where: { slug: { in: fresh.flatMap((t) => (t.input.slug ? [t.input.slug] : [])) } },
        select: { id: true, slug: true },
      })
    ).map((t) => [t.slug, t]),
  );
  const bySource = new Map<string, { id: string; slug: string }>();
  for (const revision of await db.threadRevision.findMany({
    where: {
      sourceName: { in: fresh.flatMap((t) => (t.input.sourceName && !t.input.slug ? [t.input.sourceName] : [])) },
    },
    select: { sourceName: true, thread: { select: { id: true, slug: true } } },
    orderBy: { createdAt: 'asc' },
  })) {
    if (revision.sourceName && !bySource.has(revision.sourceName)) bySource.set(revision.sourceName, revision.thread);
  }
  const targets = fresh.map(
    (t) =>
      (t.input.slug ? bySlug.get(t.input.slug) : t.input.sourceName ? bySource.get(t.input.sourceName) : undefined) ??
      null,
  );
  const creating = fresh.filter((_, i) => !targets[i]);
  const slugs = await newSlugs(creating.map((t) => (t.input.slug ? t.input.slug : t.title)));

  const results = await inTransaction(async (client) => {
    const created = creating.map((t, i) => ({
      id: uuidv7(),
      slug: t.input.slug ?? slugs[i],
      title: t.title,
      createdById: t.input.createdById ?? null,
    }));
    if (created.length) {
      await client.query(
        `INSERT INTO "Thread" ("id", "slug", "title", "createdById", "updatedAt")
         SELECT v.id, v.slug, v.title, v.creator, now() FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[]) AS v(id, slug, title, creator)`,
        [
          created.map((c) => c.id),
          created.map((c) => c.slug),
          created.map((c) => c.title),
          created.map((c) => c.createdById),
        ],
      );
    }
    let createdIndex = 0;
    const threads = fresh.map((_, i) => {
      const target = targets[i];
      if (target) return { id: target.id, slug: target.slug, isNew: false };
      const { id, slug } = created[createdIndex++];
      return { id, slug, isNew: true };
    });
    const { rows: latestRows } = await client.query<{ threadId: string; number: number }>(
      `SELECT "threadId", max("number") AS "number" FROM "ThreadRevision" WHERE "threadId" = ANY($1::uuid[]) GROUP BY "threadId"`,
      [threads.filter((t) => !t.isNew).map((t) => t.id)],
    );
    const latest = new Map(latestRows.map((r) => [r.threadId, r.number]));
    const revisions: NewRevision[] = fresh.map((t, i) => ({
      thread: t,
      threadId: threads[i].id,
      number: (latest.get(threads[i].id) ?? 0) + 1,
    }));
    const saved = await saveRevisions(client, revisions);
    await client.query(
      `UPDATE "Thread" t SET "currentRevisionId" = v.revision, "updatedAt" = now()
       FROM unnest($1::uuid[], $2::uuid[]) AS v(thread, revision) WHERE t."id" = v.thread`,
      [saved.map((s) => s.threadId), saved.map((s) => s.id)],
    );
    const reanchored = new Map<string, IngestOutcome['reanchored']>();
    for (const [i, thread] of threads.entries()) {
      if (thread.isNew) continue;
      await client.query(`UPDATE "Thread" SET "title" = $2 WHERE "id" = $1`, [thread.id, fresh[i].title]);
      const summary = await reanchorThread(client, thread.id, fresh[i].dedup.passages, saved[i].passageIds);
      reanchored.set(thread.id, summary);
      await client.query(
        recordEvents(thread.id, [{ type: 'revision', payload: { revision: revisions[i].number, ...summary } }]),
      );
    }
    return threads.map((thread, i) => ({ thread, number: revisions[i].number, reanchored: reanchored.get(thread.id) }));
  });

  const stored = new Map(fresh.map((t, i) => [t.contentHash, results[i]]));
  return prepared.map((t) => {
    const before = existing.get(t.contentHash);
    if (before) {
      return {
        slug: before.thread.slug,
        title: before.thread.title,
        revision: before.number,
        created: false,
        passages: before.passageCount,
        repeats: before.repeatCount,
        lines: before.lineCount,
      };
    }
    const result = stored.get(t.contentHash)!;
    const first = fresh.find((f) => f.contentHash === t.contentHash) === t;
    return {
      slug: result.thread.slug,
      title: t.title,
      revision: result.number,
      created: first,
      passages: t.dedup.passages.length,
      repeats: repeatsOf(t),
      lines: t.parsed.paragraphs.at(-1)?.line ?? 0,
      ...(result.reanchored ? { reanchored: result.reanchored } : {}),
    };
  });
}

/** Decodes, parses and deduplicates one thread, then stores it (see storeThreads). Bad input throws IngestError, before any write. */
export async function ingestThread(input: IngestInput): Promise<IngestOutcome> {
  const [outcome] = await storeThreads([prepareThread(input)]);
  return outcome;
}
