import { setImmediate as yieldToRequests } from 'node:timers/promises';
import { getHeapStatistics } from 'node:v8';
import type pg from 'pg';
import { inSnapshot, pgPool } from '../db/pg-pool';
import { freshRead } from '../fresh-read';
import { type ClaimRow, ClaimTable, NO_CONFIDENCE } from './claim-table';
import { WordIndex } from './word-index';

/**
 * How the in-memory index is fed from Postgres: loaded whole once, then kept current from the thread event log. Every
 * change to what search shows records an event in the writer's transaction, numbered per thread without gaps: a 'tag'
 * event names its claim, and just that claim is read again; any other event (an import, a new revision) has its whole
 * thread read again; a thread gone takes its claims with it.
 */
/** A thread as the index holds it; `seq`: the number of its last event seen (-1: the thread is gone). */
export type ThreadInfo = { id: string; slug: string; title: string; seq: number };

export interface SearchIndexData {
  /** The data version held (see formatDataVersion). */
  version: string;
  table: ClaimTable;
  words: WordIndex;
  threads: ThreadInfo[];
  threadSlot: Map<string, number>;
  slugSlot: Map<string, number>;
}

/**
 * A claim with what a hit shows, and its live tags as one string of author ids and three-digit confidences (a million
 * array items cost 2.2 s of CPU to parse at load, and much of 3.4 s of garbage collection).
 */
const CLAIM_SELECT = `SELECT c."id", c."threadId", c."exact", c."notesText", c."passageId", p."ordinal",
  round(extract(epoch FROM c."createdAt") * 1000)::float8 AS "createdAt", c."tagCount", c."confMean", c."disagreement",
  c."cruxScore", c."consensusScore", c."cruxCount", c."storyCount", c."axisOuter", c."axisInner", c."axisBoth", c."axisOther",
  c."labels", c."orphan", c."groupId", c."replyCount",
  (SELECT string_agg(t."userId"::text || lpad(coalesce(t."confidence", ${NO_CONFIDENCE})::text, 3, '0'), '')
   FROM "Tag" t WHERE t."claimId" = c."id" AND t."deletedAt" IS NULL) AS "tags"
  FROM "Claim" c JOIN "Passage" p ON p."id" = c."passageId"`;

/**
 * The version of everything search reads: the number of threads and the sum of their event numbers. Every change search
 * shows records a thread event in its transaction; a thread added or removed moves the count.
 */
const formatDataVersion = (threads: number, eventSum: number | string) => `${threads}:${eventSum}`;

/** The data version now: read after the call (never older than a write the caller saw); calls meanwhile share one read. */
export const dataVersion: () => Promise<string> = freshRead(async () => {
  const { rows } = await pgPool().query<{ threads: number; events: string }>({
    name: 'search-data-version', // named: each connection plans it once
    text: `SELECT count(*)::int AS "threads", coalesce(sum("eventSeq"), 0)::bigint::text AS "events" FROM "Thread"`,
  });
  return formatDataVersion(rows[0].threads, rows[0].events);
});

/** Rows built between yields to waiting requests while loading. */
const LOAD_CHUNK = 5_000;
/** Heap a claim may take while loading: ~1.6 kB once loaded (100,000 claims, 1,000,000 tags), more at the peak. */
const LOAD_BYTES_PER_CLAIM = 3_000;

async function readThreads(client: pg.PoolClient): Promise<ThreadInfo[]> {
  const { rows } = await client.query<ThreadInfo>(`SELECT "id", "slug", "title", "eventSeq" AS "seq" FROM "Thread"`);
  return rows;
}

/** Takes in the threads as they are now; a thread gone keeps its slot, marked (seq -1) by catchUp, which drops its claims. */
function applyThreads(index: SearchIndexData, threads: ThreadInfo[]) {
  for (const thread of threads) {
    const slot = index.threadSlot.get(thread.id) ?? index.threads.length;
    index.threadSlot.set(thread.id, slot);
    index.threads[slot] = thread;
  }
  index.slugSlot = new Map(threads.map((t) => [t.slug, index.threadSlot.get(t.id) as number]));
  const events = threads.reduce((sum, t) => sum + t.seq, 0);
  index.version = formatDataVersion(threads.length, events);
}

function applyClaim(index: SearchIndexData, row: ClaimRow) {
  const slot = index.table.put(row, index.threadSlot.get(row.threadId) ?? -1);
  index.words.update(slot, index.table.rows[slot]);
}

/** The heap a load may use: half of what is left under the process' limit. */
export function heapBudget(): number {
  const { heap_size_limit: limit, used_heap_size: used } = getHeapStatistics();
  return Math.max(0, (limit - used) / 2);
}

/** Every tagged claim, read in one snapshot, built into a new index (yielding to requests as it goes). */
export async function loadIndex(pool: pg.Pool, budget: number): Promise<SearchIndexData> {
  const { threads, rows } = await inSnapshot(async (client) => {
    const read = await readThreads(client);
    const { rows: counted } = await client.query<{ claims: number }>(
      `SELECT count(*)::int AS "claims" FROM "Claim" WHERE "tagCount" > 0`,
    );
    const needed = counted[0].claims * LOAD_BYTES_PER_CLAIM;
    if (needed > budget) {
      throw new Error(
        `${counted[0].claims.toLocaleString('en')} tagged claims would need about ${Math.round(needed / 1e6)} MB of heap to index, ` +
          `and ${Math.round(budget / 1e6)} MB can be spared: raise the heap (NODE_OPTIONS=--max-old-space-size) or move search to a search server.`,
      );
    }
    const { rows } = await client.query<ClaimRow>(`${CLAIM_SELECT} WHERE c."tagCount" > 0 ORDER BY c."id"`);
    return { threads: read, rows };
  }, pool);
  const index: SearchIndexData = {
    version: '',
    table: new ClaimTable(),
    words: new WordIndex(),
    threads: [],
    threadSlot: new Map(),
    slugSlot: new Map(),
  };
  applyThreads(index, threads);
  for (const [n, row] of rows.entries()) {
    applyClaim(index, row);
    if (n % LOAD_CHUNK === LOAD_CHUNK - 1) await yieldToRequests();
  }
  return index;
}

/** Brings the index up to the data as it is now: the claims the events since the last catch-up name, and the threads they do not. */
export async function catchUp(pool: pg.Pool, index: SearchIndexData): Promise<void> {
  const { threads, rows, reloaded } = await inSnapshot(async (client) => {
    const threads = await readThreads(client);
    // Each thread's events since the last number seen; a thread new to the index (or renumbered) is read whole.
    const reloaded = new Set<string>();
    const advanced = threads.flatMap((t) => {
      const known = index.threads[index.threadSlot.get(t.id) ?? -1]?.seq;
      if (known === undefined || t.seq < known) reloaded.add(t.id);
      return known === undefined || t.seq <= known ? [] : [{ id: t.id, after: known }];
    });
    const { rows: events } = await client.query<{ threadId: string; type: string; claimId: string | null }>(
      `SELECT e."threadId", e."type", e."payload"->>'claimId' AS "claimId"
       FROM "ThreadEvent" e JOIN unnest($1::uuid[], $2::int[]) AS k("threadId", "after") ON e."threadId" = k."threadId" AND e."seq" > k."after"`,
      [advanced.map((t) => t.id), advanced.map((t) => t.after)],
    );
    // Any event but one claim's tags or replies (an import, a new revision) has its thread read again whole.
    for (const e of events) if ((e.type !== 'tag' && e.type !== 'reply') || !e.claimId) reloaded.add(e.threadId);
    const claims = [...new Set(events.flatMap((e) => (e.claimId && !reloaded.has(e.threadId) ? [e.claimId] : [])))];
    if (!claims.length && !reloaded.size) return { threads, rows: [], reloaded };
    const { rows } = await client.query<ClaimRow>(
      `${CLAIM_SELECT} WHERE c."id" = ANY($1::uuid[]) OR (c."threadId" = ANY($2::uuid[]) AND c."tagCount" > 0)`,
      [claims, [...reloaded]],
    );
    return { threads, rows, reloaded };
  }, pool);
  // Applied in one go, with no await in between: a search sees the index before or after, never half-way.
  const current = new Set(threads.map((t) => t.id));
  for (const gone of index.threads.filter((t) => t.seq >= 0 && !current.has(t.id))) {
    reloaded.add(gone.id);
    index.threads[index.threadSlot.get(gone.id) as number] = { ...gone, seq: -1 };
  }
  applyThreads(index, threads);
  const read = new Set(rows.map((row) => row.id));
  const slots = new Set([...reloaded].map((id) => index.threadSlot.get(id)));
  for (let slot = 0; slot < index.table.size; slot++) {
    if (index.table.rows[slot] && slots.has(index.table.thread[slot]) && !read.has(index.table.ids[slot])) {
      index.table.drop(slot);
      index.words.update(slot, null);
    }
  }
  for (const row of rows) applyClaim(index, row);
}
