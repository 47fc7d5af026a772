import { AXES, type Axis } from '@/lib/claims/types';
import { escapeHtml } from '@/lib/html/escape';
import { decodeCursor, encodeCursor } from '@/lib/search/cursor';
import { forEachWord, termOf } from '@/lib/search/words';
import { effectiveSort, type SearchParams, type SearchSort } from '@/lib/search/search-params';
import { type ClaimRow, FLAG } from './claim-table';
import type { SearchIndexData } from './index-feed';
import type { SearchHit, SearchResult } from './search-engine';
import { badRequest } from '../http/errors';

/** What one search asks of the claims, found or not by words (`matched`, ranked by `scores` when the order is relevance). */
export interface PageRequest {
  params: SearchParams;
  matched: Int32Array | null;
  scores: Float64Array | null;
  viewerId: string | null;
  /** The terms to mark in snippets. */
  terms: Set<string>;
}

export type PageAnswer = Pick<SearchResult, 'items' | 'nextCursor' | 'facets'>;

/**
 * The best `size` claims offered so far, best first: key descending, then id descending. Offered newest first (ids are
 * time-ordered), a claim that does not make the page costs one comparison.
 */
class TopK {
  readonly slots: Int32Array;
  readonly keys: Float64Array;
  length = 0;

  constructor(
    private readonly size: number,
    private readonly ids: string[],
  ) {
    this.slots = new Int32Array(size);
    this.keys = new Float64Array(size);
  }

  offer(slot: number, key: number) {
    const { slots, keys, ids } = this;
    let at = this.length;
    while (at > 0 && (key > keys[at - 1] || (key === keys[at - 1] && ids[slot] > ids[slots[at - 1]]))) at--;
    if (at >= this.size) return;
    const end = Math.min(this.length, this.size - 1);
    slots.copyWithin(at + 1, at, end);
    keys.copyWithin(at + 1, at, end);
    slots[at] = slot;
    keys[at] = key;
    this.length = end + 1;
  }
}

/** The text, HTML-escaped, with every word whose term is one of `terms` in <mark>. */
export function snippetHtml(text: string, terms: Set<string>): string {
  let html = '';
  let at = 0;
  if (terms.size) {
    forEachWord(text, (word, start, end) => {
      if (!terms.has(termOf(word) ?? '')) return;
      html += `${escapeHtml(text.slice(at, start))}<mark>${escapeHtml(text.slice(start, end))}</mark>`;
      at = end;
    });
  }
  return html + escapeHtml(text.slice(at));
}

export function toHit(
  row: ClaimRow,
  thread: { slug: string; title: string },
  rank: number,
  terms: Set<string>,
): SearchHit {
  return {
    id: row.id,
    text: row.exact,
    snippet: snippetHtml(row.exact, terms),
    thread: { slug: thread.slug, title: thread.title },
    passageId: row.passageId,
    passageOrdinal: row.ordinal,
    href: `/threads/${thread.slug}?claim=${row.id}#p-${row.ordinal + 1}`,
    orphan: row.orphan,
    createdAt: new Date(row.createdAt).toISOString(),
    rank,
    replyCount: row.replyCount,
    aggregates: {
      taggers: row.tagCount,
      confidenceMean: row.confMean,
      disagreement: row.disagreement,
      cruxScore: row.cruxScore,
      consensusScore: row.consensusScore,
      crux: row.cruxCount,
      concreteStoryNeeded: row.storyCount,
      axes: { outer: row.axisOuter, inner: row.axisInner, both: row.axisBoth, other: row.axisOther },
      labels: row.labels,
    },
  };
}

const NUMBER = /^-?\d+(\.\d+)?(e[-+]?\d+)?$/;

/**
 * A page cursor: the sort key of the last item (its rank, disagreement, number of taggers, or creation time in ms) and
 * its id; 400 when it was made for another order or tampered with.
 */
export function readCursor(sort: SearchSort, cursor: string | undefined): { key: number; id: string } | null {
  if (!cursor) return null;
  const decoded = decodeCursor(cursor);
  const key = Number(decoded?.key);
  const whole = sort === 'tagged' || sort === 'newest';
  if (!decoded || decoded.sort !== sort || !NUMBER.test(decoded.key) || (whole && !Number.isSafeInteger(key)))
    throw badRequest('cursor is malformed or belongs to another sort; start again without it.', 'cursor');
  return { key, id: decoded.id };
}

const SORT_COLUMN = { tagged: 'tagCount', newest: 'createdAt', disagreement: 'disagreement' } as const;

/** Scratch for the claims that pass a search's filters: a search runs start to end without a pause, so one serves all. */
let passing = new Int32Array(1024);

/**
 * One page of a search and its facet counts, in one pass over the claims found by words (or all claims): each is
 * checked against the filters — the flags first, the wider columns only when a filter reads them — counted by flags and
 * thread, and offered to the page if it sorts after the cursor.
 */
export function answerPage(index: SearchIndexData, request: PageRequest): PageAnswer {
  const { table, threads, slugSlot } = index;
  const { params, matched, scores } = request;
  const sort = effectiveSort(params);
  const cursor = readCursor(sort, params.cursor);
  const axisMask = (params.axis ?? []).reduce((mask, axis) => mask | FLAG[axis], 0);
  const flagsSet = FLAG.tagged | (params.concreteStory ? FLAG.story : 0) | (params.crux ? FLAG.crux : 0);
  const flagsClear = (params.concreteStory === false ? FLAG.story : 0) | (params.crux === false ? FLAG.crux : 0);
  const onlyThread = params.thread === undefined ? -1 : (slugSlot.get(params.thread) ?? -2);
  // Every search is of one layer (public unless `group`, checked by the caller): results, facets and pages alike.
  const onlyLayer = table.layerNumber(params.group);
  const minTaggers = params.minTaggers ?? 0;
  const minDisagreement = params.minDisagreement ?? Number.NEGATIVE_INFINITY;
  // Filters most searches leave out are not read at all; the flags (axis, crux, story) always are.
  const byColumns = minTaggers > 1 || params.minDisagreement !== undefined;
  const bounded = params.minConfidence !== undefined || params.maxConfidence !== undefined;
  const low = params.minConfidence ?? 0;
  const high = params.maxConfidence ?? 100;
  // "My confidence": the viewer's own tag within the bounds, instead of the mean.
  const mine =
    bounded && params.confidenceOf === 'mine' && request.viewerId ? table.userNumber(request.viewerId) : null;
  const tagger = params.tagger ? table.userNumber(params.tagger) : null;
  const labels = params.label?.length ? params.label : null;
  const key = sort === 'relevance' ? null : table[SORT_COLUMN[sort]];
  const afterKey = cursor?.key ?? Number.POSITIVE_INFINITY;
  const afterId = cursor?.id ?? '';

  const { flags, thread, tagCount, confMean, disagreement, tags, rows, ids, layer } = table;
  // Filters on the tags themselves, read for a claim only once the columns have let it through.
  const byTags = (i: number) =>
    (mine === null || tags[i]?.some((t) => t >> 7 === mine && (t & 127) >= low && (t & 127) <= high)) &&
    (tagger === null || tags[i]?.some((t) => t >> 7 === tagger)) &&
    (labels === null || labels.every((label) => rows[i]?.labels.includes(label)));
  const tagFilters = mine !== null || tagger !== null || labels !== null;
  const byMean = bounded && mine === null;
  // 1 where a filter is not asked for, so that it passes every claim.
  const anyAxis = axisMask === 0 ? 1 : 0;
  const anyThread = onlyThread === -1 ? 1 : 0;
  const byFlags = new Int32Array(128);
  const perThread = new Int32Array(threads.length + 1);
  const count = matched ? matched.length : table.size;
  if (passing.length < count) passing = new Int32Array(Math.max(count, passing.length * 2));
  const out = passing;

  // First the filters and the counts, without a branch on the flags: a filter that lets half the
  // claims through is a branch the processor cannot predict. Wider columns are read only when asked for.
  let n = 0;
  for (let m = 0; m < count; m++) {
    const i = matched ? matched[m] : m;
    const f = flags[i];
    let pass =
      +((f & flagsSet) === flagsSet) &
      +((f & flagsClear) === 0) &
      (anyAxis | +((f & axisMask) !== 0)) &
      (anyThread | +(thread[i] === onlyThread)) &
      +(layer[i] === onlyLayer);
    if (byColumns) pass &= +(tagCount[i] >= minTaggers) & +(disagreement[i] >= minDisagreement);
    if (byMean) pass &= +(confMean[i] >= low) & +(confMean[i] <= high);
    if (tagFilters && pass && !byTags(i)) pass = 0;
    byFlags[f] += pass;
    perThread[thread[i] + 1] += pass;
    out[n] = m;
    n += pass;
  }
  // Then the page: the best after the cursor, newest claims (highest slots) first, so that the heap
  // fills with likely winners at once.
  const top = new TopK(params.limit + 1, ids);
  for (let p = n - 1; p >= 0; p--) {
    const m = out[p];
    const i = matched ? matched[m] : m;
    const k = key ? key[i] : scores ? scores[m] : 0;
    if (k < afterKey || (k === afterKey && ids[i] < afterId)) top.offer(i, k);
  }

  const shown = Math.min(top.length, params.limit);
  const last = shown - 1;
  const counted = (bit: number) => byFlags.reduce((sum, n, f) => (f & bit ? sum + n : sum), 0);
  return {
    items: Array.from({ length: shown }, (_, at) => {
      const slot = top.slots[at];
      return toHit(rows[slot] as ClaimRow, threads[thread[slot]], scores ? top.keys[at] : 0, request.terms);
    }),
    nextCursor:
      top.length > params.limit ? encodeCursor({ sort, key: String(top.keys[last]), id: ids[top.slots[last]] }) : null,
    facets: {
      total: byFlags.reduce((sum, n) => sum + n, 0),
      axis: Object.fromEntries(AXES.map((axis) => [axis, counted(FLAG[axis])])) as Record<Axis, number>,
      crux: counted(FLAG.crux),
      concreteStory: counted(FLAG.story),
      threads: threads
        .map((t, slot) => ({ slug: t.slug, title: t.title, count: perThread[slot + 1] }))
        .filter((t) => t.count > 0)
        .sort((a, b) => b.count - a.count || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0))
        .slice(0, 20),
    },
  };
}
