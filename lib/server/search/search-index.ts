import { setImmediate as yieldToRequests } from 'node:timers/promises';
import { getHeapStatistics } from 'node:v8';
import type pg from 'pg';
import type { SearchParams, SearchSort } from '@/lib/search/search-params';
import { inSnapshot } from '../db/pg-pool';
import { log } from '../log';
import { formatDataVersion } from './data-version';
import type { FacetRow } from './facets';
import type { HitRow } from './hits';
import { keyNumber } from './sort-cursor';
import {
  type FoundPositions,
  foundPositions,
  isEvaluable,
  matchQuery,
  type Position,
  type Postings,
  parseTsquery,
  parseTsvector,
  type QueryNode,
  type RankPlan,
  rankOf,
  rankPlan,
  singleLexemeRank,
} from './text-query';

/**
 * Searches answered in memory: every tagged claim's facet columns and its words (the lexemes and
 * positions of its "searchVector"), held by each app instance and kept current from the thread
 * event log.
 *
 * In Postgres, a common word's 13,000 matches are ranked one by one and the facet filters read
 * one index entry per claim they let through: 20–60 ms a search at 100,000 claims, and 16 such
 * searches at once queue on two cores. Here a word's claims are a sorted array (postings), the
 * ranking is `ts_rank` recomputed to the bit (text-query.ts), filters and facet counts are one
 * pass over typed arrays, and the page is the top of a bounded heap: a millisecond or two. What a
 * hit shows is held too; Postgres only marks the matched words of the page's headlines.
 *
 * Loaded once (in the background when the server starts, while Postgres answers), then kept current: every change to a
 * claim's tags records a 'tag' event naming the claim, in the same transaction, numbered per
 * thread without gaps. On a new data version the index reads the events after the numbers it
 * has seen and reloads just those claims — their words go to an overlay beside the postings
 * built at load; anything else (an import, a new revision, a thread added or removed, too many
 * changes) reloads everything. Searches by tagger or by "my confidence", and query shapes the
 * evaluator does not handle, stay with Postgres (`search` returns null).
 */

const OUTER = 1;
const INNER = 2;
const BOTH = 4;
const OTHER = 8;
const CRUX = 16;
const STORY = 32;
/** Someone has tagged the claim (tagCount > 0): the one filter every search has, read from the flags with the others. */
const TAGGED = 64;
const AXIS_BIT = { outer: OUTER, inner: INNER, both: BOTH, other: OTHER } as const;

/** Past this many changed claims in one catch-up, one full load is cheaper than reloading them one by one. */
const MAX_INCREMENTAL = 5_000;
/** Past this many claims in the overlay, the postings are rebuilt (a full load). */
const MAX_OVERLAY = 20_000;
/** The wait before loading again after a failed load, doubling each time up to the maximum. */
const FIRST_RETRY_MS = 5_000;
const MAX_RETRY_MS = 5 * 60_000;
/** Rows parsed between yields to waiting requests while loading. */
const LOAD_CHUNK = 5_000;

interface ThreadInfo {
  id: string;
  slug: string;
  title: string;
  seq: number;
}

/**
 * What a hit shows of a claim (a search row without its thread, rank and headline), held for every
 * claim so a page needs no query, its headline aside. Times as milliseconds since 1970.
 */
export type ClaimShown = Omit<HitRow, 'createdAt' | 'slug' | 'title' | 'rank' | 'headline'> & {
  threadId: string;
  createdAt: number;
};

type ClaimRow = ClaimShown & { flags: number; vector: string };

/** A claim as the index loads it: its columns, what a hit shows, and its words (searchVector as text). */
const CLAIM_SELECT = `SELECT c."id", c."threadId", c."exact", c."passageId", p."ordinal",
  (extract(epoch FROM c."createdAt") * 1000)::float8 AS "createdAt", c."tagCount", c."confMean", c."disagreement", c."cruxScore",
  c."consensusScore", c."cruxCount", c."storyCount", c."axisOuter", c."axisInner", c."axisBoth", c."axisOther", c."labels", c."orphan",
  (CASE WHEN c."axisOuter" > 0 THEN ${OUTER} ELSE 0 END | CASE WHEN c."axisInner" > 0 THEN ${INNER} ELSE 0 END |
   CASE WHEN c."axisBoth" > 0 THEN ${BOTH} ELSE 0 END | CASE WHEN c."axisOther" > 0 THEN ${OTHER} ELSE 0 END |
   CASE WHEN c."cruxCount" > 0 THEN ${CRUX} ELSE 0 END | CASE WHEN c."storyCount" > 0 THEN ${STORY} ELSE 0 END |
   CASE WHEN c."tagCount" > 0 THEN ${TAGGED} ELSE 0 END) AS "flags",
  coalesce(c."searchVector"::text, '') AS "vector"
  FROM "Claim" c JOIN "Passage" p ON p."id" = c."passageId"`;

function grown<T extends Int32Array | Float64Array | Uint8Array>(a: T, length: number): T {
  if (length <= a.length) return a;
  const bigger = new (a.constructor as new (n: number) => T)(Math.max(length, a.length * 2));
  bigger.set(a);
  return bigger;
}

/** Growable typed columns, one slot per claim ever seen (a claim whose tags are all gone keeps its slot with tagCount 0). */
class Columns {
  size = 0;
  ids: string[] = [];
  slot = new Map<string, number>();
  thread = new Int32Array(1024);
  createdAt = new Float64Array(1024);
  /** A float column like the other sort keys, so one loop reads any of them (see `topByColumn`). */
  tagCount = new Float64Array(1024);
  confMean = new Float64Array(1024);
  disagreement = new Float64Array(1024);
  flags = new Uint8Array(1024);
  /** What a hit shows (labels included, which the label filter reads). */
  shown: ClaimShown[] = [];
  /**
   * Where each claim's id stands among all ids (ascending, not necessarily whole numbers): ties
   * of a sort key are broken by id, and comparing these is cheaper than comparing the strings.
   * Claims are loaded in id order; a claim added later takes a rank between its neighbours'.
   */
  idRank = new Float64Array(1024);
  private sortedIds: string[] = [];
  /**
   * How many claims hold each (thread, flags) pair: counts[(thread + 1) * 128 + flags]. A search
   * without words filtering on flags and thread alone counts its facets from these.
   */
  counts = new Int32Array(128);
  /** The search orders built so far (see SortedOrder), kept in step with every change. */
  private readonly orders = new Map<ColumnSort, SortedOrder>();
  /** Each thread's slots, ascending (a claim never moves to another thread; new claims take new, higher slots). */
  private threadSlots: number[][] = [];
  private threadSlotArrays: (Int32Array | undefined)[] = [];

  /** Stores a claim's columns; returns its slot. */
  set(row: ClaimRow, threadSlot: number): number {
    let at = this.slot.get(row.id);
    // A claim seen before is taken out of the counts and orders, then put back as it is now.
    const known = at !== undefined;
    if (at === undefined) {
      at = this.size++;
      this.thread = grown(this.thread, this.size);
      this.createdAt = grown(this.createdAt, this.size);
      this.tagCount = grown(this.tagCount, this.size);
      this.confMean = grown(this.confMean, this.size);
      this.disagreement = grown(this.disagreement, this.size);
      this.flags = grown(this.flags, this.size);
      this.idRank = grown(this.idRank, this.size);
      this.slot.set(row.id, at);
      this.ids[at] = row.id;
      this.placeId(at, row.id);
      if (threadSlot >= 0) {
        this.threadSlots[threadSlot] ??= [];
        this.threadSlots[threadSlot].push(at);
        this.threadSlotArrays[threadSlot] = undefined;
      }
    }
    if (known) {
      this.count(at, -1);
      for (const order of this.orders.values()) order.remove(at);
    }
    this.thread[at] = threadSlot;
    this.createdAt[at] = Math.round(row.createdAt);
    this.tagCount[at] = row.tagCount;
    this.confMean[at] = row.confMean ?? Number.NaN;
    this.disagreement[at] = row.disagreement;
    this.flags[at] = row.flags;
    const { flags: _flags, vector: _vector, ...shown } = row;
    this.shown[at] = shown;
    this.count(at, 1);
    for (const order of this.orders.values()) order.insert(at);
    return at;
  }

  private count(slot: number, by: number) {
    const cell = (this.thread[slot] + 1) * 128 + this.flags[slot];
    this.counts = grown(this.counts, cell + 1);
    this.counts[cell] += by;
  }

  /** The column a search order sorts by. */
  keyColumn(sort: ColumnSort): Float64Array {
    return sort === 'tagged' ? this.tagCount : sort === 'newest' ? this.createdAt : this.disagreement;
  }

  /** Every slot in a search order, built on first use. */
  order(sort: ColumnSort): SortedOrder {
    let order = this.orders.get(sort);
    if (!order) {
      order = new SortedOrder(this, sort);
      this.orders.set(sort, order);
    }
    return order;
  }

  /**
   * About to change `changes` claims at once: past ORDER_MOVES_MAX, moving each in the orders
   * costs more than sorting again, so the orders are dropped (and built again when next used).
   */
  expectChanges(changes: number) {
    if (changes > ORDER_MOVES_MAX) this.orders.clear();
  }

  /** The slots of one thread's claims, ascending. */
  slotsInThread(threadSlot: number): Int32Array {
    this.threadSlotArrays[threadSlot] ??= Int32Array.from(this.threadSlots[threadSlot] ?? []);
    return this.threadSlotArrays[threadSlot];
  }

  private placeId(slot: number, id: string) {
    const sorted = this.sortedIds;
    const last = sorted.at(-1);
    if (last === undefined || last < id) {
      // The usual case: ids are time-ordered (UUIDv7), and loading reads them in order.
      this.idRank[slot] = last === undefined ? 0 : this.rankOfId(last) + 1;
      sorted.push(id);
      return;
    }
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (sorted[mid] < id) low = mid + 1;
      else high = mid;
    }
    const before = low > 0 ? this.rankOfId(sorted[low - 1]) : this.rankOfId(sorted[0]) - 2;
    const after = this.rankOfId(sorted[low]);
    sorted.splice(low, 0, id);
    const middle = (before + after) / 2;
    if (middle > before && middle < after) {
      this.idRank[slot] = middle;
    } else {
      for (let k = 0; k < sorted.length; k++) this.idRank[this.slot.get(sorted[k]) as number] = k;
    }
  }

  private rankOfId(id: string): number {
    return this.idRank[this.slot.get(id) as number];
  }
}

/** The orders of a search without words, by the columns that hold their keys. */
type ColumnSort = 'disagreement' | 'tagged' | 'newest';

/** Past this many claims changed at once, the search orders are sorted again rather than mended claim by claim. */
const ORDER_MOVES_MAX = 256;

/**
 * Every slot in one search order — key descending, then id descending — so that a search without
 * words filtering on flags and thread alone takes its page from the top (and after its cursor)
 * instead of weighing every claim. Sorted on first use; then each changed claim is taken out
 * before its key changes and put back after, each a binary search and a block move.
 */
class SortedOrder {
  slots: Int32Array;
  length: number;

  constructor(
    private readonly columns: Columns,
    readonly sort: ColumnSort,
  ) {
    const key = columns.keyColumn(sort);
    const { idRank } = columns;
    const all = new Int32Array(columns.size);
    for (let i = 0; i < all.length; i++) all[i] = i;
    all.sort((a, b) => key[b] - key[a] || idRank[b] - idRank[a]);
    this.slots = all;
    this.length = all.length;
  }

  /** The first position whose slot comes after `slot` in the order, as its columns stand now. */
  private after(slot: number): number {
    const key = this.columns.keyColumn(this.sort);
    const { idRank } = this.columns;
    const k = key[slot];
    const r = idRank[slot];
    let low = 0;
    let high = this.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const s = this.slots[mid];
      if (key[s] > k || (key[s] === k && idRank[s] >= r)) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** Takes a slot out (before its key changes). */
  remove(slot: number) {
    const at = this.after(slot) - 1;
    if (this.slots[at] !== slot) throw new Error(`search order ${this.sort} lost claim slot ${slot}`);
    this.slots.copyWithin(at, at + 1, this.length);
    this.length--;
  }

  /** Puts a slot in its place (a new claim, or one whose key has changed). */
  insert(slot: number) {
    const at = this.after(slot);
    this.slots = grown(this.slots, this.length + 1);
    this.slots.copyWithin(at + 1, at, this.length);
    this.slots[at] = slot;
    this.length++;
  }

  /** The first position after a keyset cursor: a key below it, or the same key and a lower id. */
  start(cursor: { key: number; id: string } | null): number {
    if (!cursor) return 0;
    const key = this.columns.keyColumn(this.sort);
    const { ids } = this.columns;
    let low = 0;
    let high = this.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const s = this.slots[mid];
      if (key[s] > cursor.key || (key[s] === cursor.key && ids[s] >= cursor.id)) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}

/**
 * One lexeme's postings as loaded: ascending slots, and for slot i its positions at
 * offsets[i]…offsets[i+1] and the rank a search for this lexeme alone gives it (`singleLexemeRank`).
 */
interface PostingList {
  slots: Int32Array;
  offsets: Int32Array;
  positions: Uint16Array;
  ranks: Float32Array;
}

class PostingBuilder {
  slots: number[] = [];
  offsets: number[] = [0];
  positions: number[] = [];

  add(slot: number, positions: Position[]) {
    this.slots.push(slot);
    for (const p of positions) this.positions.push(p);
    this.offsets.push(this.positions.length);
  }

  build(): PostingList {
    const offsets = Int32Array.from(this.offsets);
    const positions = Uint16Array.from(this.positions);
    const ranks = new Float32Array(this.slots.length);
    for (let i = 0; i < ranks.length; i++) ranks[i] = singleLexemeRank(positions, offsets[i], offsets[i + 1]);
    return { slots: Int32Array.from(this.slots), offsets, positions, ranks };
  }
}

const NO_SLOTS = new Int32Array(0);

/**
 * The words of every claim: postings built at load, and an overlay holding the words of claims
 * changed (or first tagged) since, whose entries in the postings are then ignored.
 */
class Words implements Postings {
  private dirty = new Uint8Array(1024);
  private lexemeCount = new Int32Array(1024);
  private readonly overlay = new Map<number, Map<string, Uint16Array>>();

  constructor(
    private readonly columns: Columns,
    private readonly base: Map<string, PostingList>,
    counts: Int32Array,
  ) {
    this.lexemeCount = grown(this.lexemeCount, counts.length);
    this.lexemeCount.set(counts);
  }

  static async build(columns: Columns, vectors: string[]): Promise<Words> {
    const builders = new Map<string, PostingBuilder>();
    const counts = new Int32Array(vectors.length);
    for (let slot = 0; slot < vectors.length; slot++) {
      const entries = parseTsvector(vectors[slot]);
      counts[slot] = entries.length;
      for (const [lexeme, positions] of entries) {
        let builder = builders.get(lexeme);
        if (!builder) {
          builder = new PostingBuilder();
          builders.set(lexeme, builder);
        }
        builder.add(slot, positions);
      }
      if (slot % LOAD_CHUNK === LOAD_CHUNK - 1) await yieldToRequests();
    }
    const base = new Map<string, PostingList>();
    for (const [lexeme, builder] of builders) base.set(lexeme, builder.build());
    return new Words(columns, base, counts);
  }

  get size(): number {
    return this.columns.size;
  }

  get overlaid(): number {
    return this.overlay.size;
  }

  /** A claim's words changed (or it is new): they are held in the overlay from now on. */
  replace(slot: number, vector: string) {
    this.dirty = grown(this.dirty, slot + 1);
    this.lexemeCount = grown(this.lexemeCount, slot + 1);
    this.dirty[slot] = 1;
    const entries = parseTsvector(vector);
    this.lexemeCount[slot] = entries.length;
    this.overlay.set(slot, new Map(entries.map(([lexeme, positions]) => [lexeme, Uint16Array.from(positions)])));
  }

  vectorSize(slot: number): number {
    return this.lexemeCount[slot] ?? 0;
  }

  slotsOf(lexeme: string): Int32Array {
    const list = this.base.get(lexeme);
    const loaded = list?.slots ?? NO_SLOTS;
    if (this.overlay.size === 0) return loaded;
    const kept: number[] = [];
    for (let i = 0; i < loaded.length; i++) if (!this.dirty[loaded[i]]) kept.push(loaded[i]);
    for (const [slot, words] of this.overlay) if (words.has(lexeme)) kept.push(slot);
    return Int32Array.from(kept).sort();
  }

  /**
   * The rank of a search for one lexeme, claim by claim (0 where the claim lacks it), asked for in
   * ascending slot order like `cursor`: read from the postings, worked out for a changed claim.
   */
  singleRankCursor(lexeme: string): (slot: number) => number {
    const list = this.base.get(lexeme);
    let at = 0;
    return (slot) => {
      if (this.dirty[slot]) {
        const positions = this.overlay.get(slot)?.get(lexeme);
        return positions ? singleLexemeRank(positions, 0, positions.length) : 0;
      }
      if (!list) return 0;
      const { slots } = list;
      while (at < slots.length && slots[at] < slot) at++;
      return at < slots.length && slots[at] === slot ? list.ranks[at] : 0;
    };
  }

  /**
   * A lexeme's positions claim by claim, asked for in ascending slot order (as matches are
   * visited): a pointer moving forward through the postings instead of a search each time.
   */
  cursor(lexeme: string, found: FoundPositions, k: number): (slot: number) => void {
    const list = this.base.get(lexeme);
    let at = 0;
    return (slot) => {
      if (this.dirty[slot]) {
        const positions = this.overlay.get(slot)?.get(lexeme) ?? null;
        found.data[k] = positions;
        found.start[k] = 0;
        found.end[k] = positions?.length ?? 0;
        return;
      }
      found.data[k] = null;
      if (!list) return;
      const { slots } = list;
      while (at < slots.length && slots[at] < slot) at++;
      if (at < slots.length && slots[at] === slot) {
        found.data[k] = list.positions;
        found.start[k] = list.offsets[at];
        found.end[k] = list.offsets[at + 1];
      }
    };
  }
}

interface Snapshot {
  version: string;
  threads: ThreadInfo[];
  threadSlot: Map<string, number>;
  slugSlot: Map<string, number>;
  columns: Columns;
  words: Words;
}

async function readThreads(client: pg.PoolClient): Promise<{ threads: ThreadInfo[]; version: string }> {
  const { rows } = await client.query<ThreadInfo>(
    `SELECT "id", "slug", "title", "eventSeq" AS "seq" FROM "Thread" ORDER BY "id"`,
  );
  return {
    threads: rows,
    version: formatDataVersion(
      rows.length,
      rows.reduce((sum, t) => sum + t.seq, 0),
    ),
  };
}

function threadMaps(threads: ThreadInfo[]) {
  return {
    threadSlot: new Map(threads.map((t, i) => [t.id, i])),
    slugSlot: new Map(threads.map((t, i) => [t.slug, i])),
  };
}

/**
 * Heap a claim may take while the index loads: measured at 100,000 claims, ~1.8 kB each once
 * loaded (~240 MB of heap in all with the process' own), about twice that at the peak of a load.
 */
const LOAD_BYTES_PER_CLAIM = 4_000;

/** The heap a load may use: half of what is left under the process' limit. */
export function heapBudget(): number {
  const { heap_size_limit: limit, used_heap_size: used } = getHeapStatistics();
  return Math.max(0, (limit - used) / 2);
}

async function loadAll(pool: pg.Pool, budget: number): Promise<Snapshot> {
  const { threads, version, rows } = await inSnapshot(async (client) => {
    const read = await readThreads(client);
    const { rows: counted } = await client.query<{ claims: number }>(
      `SELECT count(*)::int AS "claims" FROM "Claim" WHERE "tagCount" > 0`,
    );
    const needed = counted[0].claims * LOAD_BYTES_PER_CLAIM;
    if (needed > budget) {
      throw new Error(
        `${counted[0].claims.toLocaleString('en')} tagged claims would need about ${Math.round(needed / 1e6)} MB of heap to index, ` +
          `and ${Math.round(budget / 1e6)} MB can be spared; Postgres answers searches (raise the heap with NODE_OPTIONS=--max-old-space-size, or set SEARCH_INDEX=0).`,
      );
    }
    const { rows } = await client.query<ClaimRow>(`${CLAIM_SELECT} WHERE c."tagCount" > 0 ORDER BY c."id"`);
    return { ...read, rows };
  }, pool);
  const maps = threadMaps(threads);
  const columns = new Columns();
  for (const row of rows) columns.set(row, maps.threadSlot.get(row.threadId) ?? -1);
  const words = await Words.build(
    columns,
    rows.map((row) => row.vector),
  );
  return { version, threads, ...maps, columns, words };
}

/** The snapshot brought up to date with the events since it was taken, or null when only a full load will do. */
async function catchUp(pool: pg.Pool, old: Snapshot): Promise<Snapshot | null> {
  return inSnapshot(async (client) => {
    const { threads, version } = await readThreads(client);
    if (threads.length !== old.threads.length || threads.some((t, i) => t.id !== old.threads[i].id)) return null;
    // Same threads in the same order (by id): each one's events since the number last seen.
    const advanced = threads.flatMap((t, i) =>
      t.seq === old.threads[i].seq ? [] : [{ id: t.id, after: old.threads[i].seq, seq: t.seq }],
    );
    if (advanced.some((t) => t.seq < t.after)) return null;
    const { rows: events } = await client.query<{ type: string; claimId: string | null }>(
      `SELECT e."type", e."payload"->>'claimId' AS "claimId"
       FROM "ThreadEvent" e JOIN unnest($1::uuid[], $2::int[]) AS k("threadId", "after") ON e."threadId" = k."threadId" AND e."seq" > k."after"`,
      [advanced.map((t) => t.id), advanced.map((t) => t.after)],
    );
    const expected = advanced.reduce((sum, t) => sum + t.seq - t.after, 0);
    // Every numbered event must be there and be a change to one claim's tags; anything else reloads all.
    if (events.length !== expected || events.some((e) => e.type !== 'tag' || !e.claimId)) return null;
    const changed = [...new Set(events.map((e) => e.claimId as string))];
    if (changed.length > MAX_INCREMENTAL || old.words.overlaid + changed.length > MAX_OVERLAY) return null;
    const maps = threadMaps(threads);
    if (changed.length) {
      const { rows } = await client.query<ClaimRow>(`${CLAIM_SELECT} WHERE c."id" = ANY($1::uuid[])`, [changed]);
      old.columns.expectChanges(rows.length);
      for (const row of rows) {
        const slot = old.columns.set(row, maps.threadSlot.get(row.threadId) ?? -1);
        old.words.replace(slot, row.vector);
      }
    }
    return { version, threads, ...maps, columns: old.columns, words: old.words };
  }, pool);
}

/** Can the index answer these parameters? A tagger and "my confidence" need the tags themselves: Postgres. */
export function answerableInMemory(params: SearchParams): boolean {
  const confidenceBounds = params.minConfidence !== undefined || params.maxConfidence !== undefined;
  return !params.tagger && !(confidenceBounds && params.confidenceOf === 'mine');
}

export interface SearchIndexStatus {
  /** idle: not loaded (it loads when the server starts, or on the first search); loading: Postgres answers meanwhile; failed: the last load failed and is retried later; ready. */
  state: 'idle' | 'loading' | 'failed' | 'ready';
  claims: number;
  overlay: number;
  /** Why the last load failed (state 'failed'). */
  error?: string;
}

export interface IndexHit {
  id: string;
  rank: number;
  claim: ClaimShown;
  thread: { slug: string; title: string };
}

export interface IndexAnswer {
  /** Up to `limit + 1` hits in the order asked for (one more than the page shows: there is a next page). */
  hits: IndexHit[];
  facets: FacetRow;
}

/** The facet filters of filters.ts as the bounds and masks the scan over the columns checks (see `filterInto`). */
interface FacetFilter {
  minTaggers: number;
  axisMask: number;
  flagsSet: number;
  flagsClear: number;
  bounded: boolean;
  low: number;
  high: number;
  onlyThread: number;
  minDisagreement: number;
  labels: string[] | null;
}

function facetFilter(snapshot: Snapshot, params: SearchParams): FacetFilter {
  return {
    minTaggers: Math.max(1, params.minTaggers ?? 1),
    axisMask: (params.axis ?? []).reduce((mask, axis) => mask | AXIS_BIT[axis], 0),
    // The two flags asked for as masks: bits that must be set, bits that must be clear.
    flagsSet: TAGGED | (params.concreteStory === true ? STORY : 0) | (params.crux === true ? CRUX : 0),
    flagsClear: (params.concreteStory === false ? STORY : 0) | (params.crux === false ? CRUX : 0),
    bounded: params.minConfidence !== undefined || params.maxConfidence !== undefined,
    low: params.minConfidence ?? 0,
    high: params.maxConfidence ?? 100,
    onlyThread: params.thread === undefined ? -2 : (snapshot.slugSlot.get(params.thread) ?? -3),
    minDisagreement: params.minDisagreement ?? Number.NEGATIVE_INFINITY,
    labels: params.label?.length ? params.label : null,
  };
}

function hasLabels(has: string[], wanted: string[]): boolean {
  return wanted.every((label) => has.includes(label));
}

/**
 * The best `size` of the slots offered, by key descending and then id descending (Postgres'
 * `ORDER BY key DESC, id DESC`; ids compared through their ranks): a min-heap holding the best
 * so far, its root the weakest.
 */
class TopK {
  private readonly slots: Int32Array;
  private readonly keys: Float64Array;
  private readonly ranks: Float64Array;
  length = 0;

  constructor(private readonly size: number) {
    this.slots = new Int32Array(size);
    this.keys = new Float64Array(size);
    this.ranks = new Float64Array(size);
  }

  /** Holds as many as it keeps. */
  get full(): boolean {
    return this.length === this.size;
  }

  /** Would (key, rank) make the list? */
  admits(key: number, rank: number): boolean {
    return this.length < this.size || key > this.keys[0] || (key === this.keys[0] && rank > this.ranks[0]);
  }

  /** Adds a slot that `admits` let through. */
  add(slot: number, key: number, rank: number) {
    let i = 0;
    if (this.length < this.size) {
      i = this.length++;
      this.put(i, slot, key, rank);
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!this.below(i, parent)) break;
        this.swap(i, parent);
        i = parent;
      }
      return;
    }
    this.put(0, slot, key, rank);
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let least = i;
      if (left < this.length && this.below(left, least)) least = left;
      if (right < this.length && this.below(right, least)) least = right;
      if (least === i) return;
      this.swap(i, least);
      i = least;
    }
  }

  private put(i: number, slot: number, key: number, rank: number) {
    this.slots[i] = slot;
    this.keys[i] = key;
    this.ranks[i] = rank;
  }

  private below(a: number, b: number): boolean {
    return this.keys[a] < this.keys[b] || (this.keys[a] === this.keys[b] && this.ranks[a] < this.ranks[b]);
  }

  private swap(a: number, b: number) {
    const { slots, keys, ranks } = this;
    const s = slots[a];
    slots[a] = slots[b];
    slots[b] = s;
    const k = keys[a];
    keys[a] = keys[b];
    keys[b] = k;
    const r = ranks[a];
    ranks[a] = ranks[b];
    ranks[b] = r;
  }

  /** Best first. */
  sorted(): { slot: number; key: number }[] {
    return Array.from({ length: this.length }, (_, i) => i)
      .sort((a, b) => this.keys[b] - this.keys[a] || this.ranks[b] - this.ranks[a])
      .map((i) => ({ slot: this.slots[i], key: this.keys[i] }));
  }
}

/**
 * The claims of `slots` (all claims when null) that pass the filters, into `out` in ascending
 * order; returns how many. Counts them by flag bits and by thread on the way: the facet counts.
 *
 * One tight loop over typed columns, the sort left to `topByColumn` and `topByRank`. The filters
 * most searches use (tagged at all, axis, crux, story, thread) are read from two narrow columns
 * and combined without a branch: a filter that lets half the claims through is a branch the
 * processor cannot predict. The other columns are read only by a search that filters on them
 * (those branches go the same way for every claim). A thread's claims alone come from its own list
 * (see `answer`).
 */
function filterInto(
  columns: Columns,
  filter: FacetFilter,
  slots: Int32Array | null,
  out: Int32Array,
  byFlags: Int32Array,
  perThread: Int32Array,
): number {
  const { tagCount, flags, confMean, thread, disagreement, shown } = columns;
  const { minTaggers, axisMask, flagsSet, flagsClear, bounded, low, high, onlyThread, minDisagreement, labels } =
    filter;
  const count = slots ? slots.length : columns.size;
  // 1 where a filter is not asked for, so that it passes every claim.
  const anyAxis = axisMask === 0 ? 1 : 0;
  const anyThread = onlyThread === -2 ? 1 : 0;
  const byTagCount = minTaggers > 1;
  const byDisagreement = minDisagreement > Number.NEGATIVE_INFINITY;
  let n = 0;
  for (let m = 0; m < count; m++) {
    const i = slots ? slots[m] : m;
    const f = flags[i];
    const t = thread[i];
    let pass =
      (anyAxis | +((f & axisMask) !== 0)) &
      +((f & flagsSet) === flagsSet) &
      +((f & flagsClear) === 0) &
      (anyThread | +(t === onlyThread));
    if (byTagCount) pass &= +(tagCount[i] >= minTaggers);
    if (bounded) pass &= +(confMean[i] >= low) & +(confMean[i] <= high);
    if (byDisagreement) pass &= +(disagreement[i] >= minDisagreement);
    if (labels !== null && pass === 1 && !hasLabels(shown[i].labels, labels)) pass = 0;
    byFlags[f] += pass;
    perThread[t + 1] += pass;
    out[n] = i;
    n += pass;
  }
  return n;
}

/** Are the search's filters all flags (axis, crux, story) and thread? Then counts and orders answer it without a scan. */
function flagsAndThreadOnly(filter: FacetFilter): boolean {
  return (
    filter.minTaggers <= 1 &&
    !filter.bounded &&
    filter.minDisagreement === Number.NEGATIVE_INFINITY &&
    filter.labels === null
  );
}

/** Does a claim with these flags pass a flags-only filter? */
function flagsPass(filter: FacetFilter, f: number): boolean {
  return (
    (filter.axisMask === 0 || (f & filter.axisMask) !== 0) &&
    (f & filter.flagsSet) === filter.flagsSet &&
    (f & filter.flagsClear) === 0
  );
}

/** The facet counts of a flags-and-thread search, from the claims counted by (thread, flags). */
function fromCounts(columns: Columns, filter: FacetFilter, byFlags: Int32Array, perThread: Int32Array) {
  const { counts } = columns;
  const passes = new Uint8Array(128);
  for (let f = 0; f < 128; f++) passes[f] = flagsPass(filter, f) ? 1 : 0;
  for (let row = 0; row < counts.length / 128 && row < perThread.length; row++) {
    if (filter.onlyThread !== -2 && row - 1 !== filter.onlyThread) continue;
    for (let f = 0; f < 128; f++) {
      const n = passes[f] * counts[row * 128 + f];
      byFlags[f] += n;
      perThread[row] += n;
    }
  }
}

/** The page of a flags-and-thread search: the first claims after the cursor, in the order, that pass. */
function topFromOrder(
  top: TopK,
  order: SortedOrder,
  columns: Columns,
  filter: FacetFilter,
  cursor: { key: number; id: string } | null,
) {
  const key = columns.keyColumn(order.sort);
  const { flags, thread, idRank } = columns;
  const { onlyThread } = filter;
  if (onlyThread === -3) return; // a thread that does not exist
  for (let p = order.start(cursor); p < order.length && !top.full; p++) {
    const i = order.slots[p];
    if ((onlyThread === -2 || thread[i] === onlyThread) && flagsPass(filter, flags[i])) top.add(i, key[i], idRank[i]);
  }
}

/** Is (key, slot) past the cursor — after it in the order (key, then id, descending)? */
function pastCursor(key: number, id: string, afterKey: number, afterId: string): boolean {
  return key < afterKey || (key === afterKey && id < afterId);
}

/** The best of the first `n` slots by a column, past the cursor, into `top`. */
function topByColumn(
  top: TopK,
  column: Float64Array,
  columns: Columns,
  slots: Int32Array,
  n: number,
  afterKey: number,
  afterId: string,
) {
  const { ids, idRank } = columns;
  // Highest slots (newest claims) first: the heap fills with likely winners at once.
  for (let m = n - 1; m >= 0; m--) {
    const i = slots[m];
    const key = column[i];
    if (top.admits(key, idRank[i]) && pastCursor(key, ids[i], afterKey, afterId)) top.add(i, key, idRank[i]);
  }
}

/** The best of the first `n` slots by relevance (`ts_rank`), past the cursor, into `top`; slots ascending, as the position readers need. */
function topByRank(
  top: TopK,
  plan: RankPlan,
  words: Words,
  columns: Columns,
  slots: Int32Array,
  n: number,
  afterKey: number,
  afterId: string,
) {
  const { ids, idRank } = columns;
  if (plan.lexemes.length === 1) {
    // One word (or a word against its absence): each claim's rank was worked out at load.
    const rankAt = words.singleRankCursor(plan.lexemes[0]);
    for (let m = 0; m < n; m++) {
      const i = slots[m];
      const key = words.vectorSize(i) === 0 ? 0 : rankAt(i);
      if (top.admits(key, idRank[i]) && pastCursor(key, ids[i], afterKey, afterId)) top.add(i, key, idRank[i]);
    }
    return;
  }
  const found = foundPositions(plan.lexemes.length);
  const positions = plan.lexemes.map((lexeme, k) => words.cursor(lexeme, found, k));
  for (let m = 0; m < n; m++) {
    const i = slots[m];
    for (let k = 0; k < positions.length; k++) positions[k](i);
    const key = rankOf(plan, found, words.vectorSize(i));
    if (top.admits(key, idRank[i]) && pastCursor(key, ids[i], afterKey, afterId)) top.add(i, key, idRank[i]);
  }
}

/** Scratch for the slots that pass a search's filters: answers run one at a time, start to end without a pause, so one buffer serves them all. */
let passing = new Int32Array(1024);
/** A key of 0 for every claim (never written to): the sort key of relevance without words. */
let noRanks = new Float64Array(1024);

/** Answers one search over a snapshot: matches, filters, facet counts, and the page after the cursor. */
function answer(
  snapshot: Snapshot,
  params: SearchParams,
  sort: SearchSort,
  query: QueryNode | null,
  cursor: { key: string; id: string } | null,
): IndexAnswer {
  const { columns, threads, words } = snapshot;
  const matches = params.q ? (query ? matchQuery(query, words) : NO_SLOTS) : null;
  const perThread = new Int32Array(threads.length + 1); // slot 0: claims of no known thread
  // Claims counted by their seven flag bits at once; the facet counts are summed from these after.
  const byFlags = new Int32Array(128);
  const filter = facetFilter(snapshot, params);
  // The cursor: only what sorts after it (key, then id, descending) is on this page.
  const afterKey = cursor ? keyNumber(sort, cursor.key) : Number.POSITIVE_INFINITY;
  const afterId = cursor?.id ?? '';
  const top = new TopK(params.limit + 1);
  const plan = query && sort === 'relevance' ? rankPlan(query) : null;
  if (!matches && sort !== 'relevance' && flagsAndThreadOnly(filter)) {
    fromCounts(columns, filter, byFlags, perThread);
    topFromOrder(top, columns.order(sort), columns, filter, cursor ? { key: afterKey, id: afterId } : null);
  } else {
    // Without words, one thread's claims are read from its own list rather than found among all.
    const candidates =
      matches ??
      (filter.onlyThread >= 0 ? columns.slotsInThread(filter.onlyThread) : filter.onlyThread === -3 ? NO_SLOTS : null);
    passing = grown(passing, candidates ? candidates.length : columns.size);
    const n = filterInto(columns, filter, candidates, passing, byFlags, perThread);
    if (plan) {
      topByRank(top, plan, words, columns, passing, n, afterKey, afterId);
    } else {
      // Relevance asked for without words: every key is 0, as Postgres' rank column is then.
      if (sort === 'relevance') noRanks = grown(noRanks, columns.size);
      topByColumn(
        top,
        sort === 'relevance' ? noRanks : columns.keyColumn(sort),
        columns,
        passing,
        n,
        afterKey,
        afterId,
      );
    }
  }
  const { thread, ids } = columns;
  const counted = (bit: number) => byFlags.reduce((sum, n, f) => (f & bit ? sum + n : sum), 0);
  const total = byFlags.reduce((sum, n) => sum + n, 0);
  const inThread = (slot: number) => perThread[slot + 1];
  const topThreads = threads
    .map((_, slot) => slot)
    .filter((slot) => inThread(slot) > 0)
    .sort(
      (a, b) =>
        inThread(b) - inThread(a) ||
        (threads[a].slug < threads[b].slug ? -1 : threads[a].slug > threads[b].slug ? 1 : 0),
    )
    .slice(0, 20)
    .map((slot) => ({ slug: threads[slot].slug, title: threads[slot].title, count: inThread(slot) }));
  return {
    hits: top.sorted().map(({ slot, key }) => ({
      id: ids[slot],
      rank: plan ? key : 0,
      claim: columns.shown[slot],
      thread: { slug: threads[thread[slot]]?.slug ?? '', title: threads[thread[slot]]?.title ?? '' },
    })),
    facets: {
      total,
      outer: counted(OUTER),
      inner: counted(INNER),
      both: counted(BOTH),
      other: counted(OTHER),
      crux: counted(CRUX),
      story: counted(STORY),
      threads: topThreads.length ? topThreads : null,
    },
  };
}

/**
 * One instance's index. `search` answers for the data version the caller read (or a newer one),
 * or returns null when Postgres must: a tagger or "my confidence" is asked for, the query has a
 * shape the evaluator does not take, or no snapshot is loaded yet — the first load (and any full
 * reload) runs in the background while Postgres answers.
 */
export class SearchIndex {
  private snapshot: Snapshot | null = null;
  private updating: Promise<void> | null = null;
  private loading: Promise<void> | null = null;
  /** After a failed load, none is tried again before this time (ms since 1970); the wait doubles up to MAX_RETRY_MS. */
  private retryAt = 0;
  private retryMs = FIRST_RETRY_MS;
  private lastError: string | null = null;

  /** `budget`: the heap a load may use, in bytes (by default half of what is left under the heap limit, read at each load). */
  constructor(
    private readonly pool: () => pg.Pool,
    private readonly budget: () => number = heapBudget,
  ) {}

  /**
   * `tsquery`: the text form of `websearch_to_tsquery('english', q)` when the search has words.
   * `sort`: the effective order; `cursor`: the decoded keyset cursor, if any.
   */
  async search(
    params: SearchParams,
    version: string,
    sort: SearchSort,
    tsquery: string | null,
    cursor: { key: string; id: string } | null,
  ): Promise<IndexAnswer | null> {
    if (!answerableInMemory(params)) return null;
    let query: QueryNode | null = null;
    if (params.q && tsquery) {
      try {
        query = parseTsquery(tsquery);
      } catch {
        return null; // a prefix or weight mark: not evaluated here
      }
      if (query && !isEvaluable(query)) return null;
    }
    if (this.snapshot && this.snapshot.version !== version) {
      this.updating ??= this.update().finally(() => {
        this.updating = null;
      });
      await this.updating;
    }
    if (!this.snapshot) {
      this.reloadInBackground();
      return null;
    }
    return answer(this.snapshot, params, sort, query, cursor);
  }

  /** Brings the snapshot up to date from the event log; a full reload is started instead when that will not do. */
  private async update() {
    const old = this.snapshot;
    if (!old) return;
    try {
      const next = await catchUp(this.pool(), old);
      if (next) {
        this.snapshot = next;
        return;
      }
    } catch (error) {
      log.warn({ err: (error as Error).message }, 'search index could not catch up; reloading');
    }
    this.snapshot = null;
    this.reloadInBackground();
  }

  private reloadInBackground() {
    if (this.loading || Date.now() < this.retryAt) return;
    this.loading = loadAll(this.pool(), this.budget())
      .then((snapshot) => {
        this.snapshot = snapshot;
        this.retryMs = FIRST_RETRY_MS;
        this.lastError = null;
      })
      .catch((error) => {
        // Not again at the next search: a load costs seconds of CPU, and Postgres answers meanwhile.
        this.retryAt = Date.now() + this.retryMs;
        this.lastError = (error as Error).message;
        log.warn(
          { err: (error as Error).message, retryInMs: this.retryMs },
          'search index could not load; Postgres answers meanwhile',
        );
        this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
      })
      .finally(() => {
        this.loading = null;
      });
  }

  /** Starts loading in the background, if nothing is loaded or loading (server start; otherwise the first search does). */
  load() {
    if (!this.snapshot) this.reloadInBackground();
  }

  /** For /api/health: whether searches are answered here yet, and how many claims are held (changed since loading: `overlay`). */
  status(): SearchIndexStatus {
    const snapshot = this.snapshot;
    if (!snapshot) {
      if (this.loading) return { state: 'loading', claims: 0, overlay: 0 };
      if (this.retryAt > Date.now())
        return { state: 'failed', claims: 0, overlay: 0, error: this.lastError ?? undefined };
      return { state: 'idle', claims: 0, overlay: 0 };
    }
    return { state: 'ready', claims: snapshot.columns.size, overlay: snapshot.words.overlaid };
  }

  /** Resolves once a load under way has finished (tests, benchmarks). */
  async settled(): Promise<void> {
    await this.loading;
    await this.updating;
  }
}
