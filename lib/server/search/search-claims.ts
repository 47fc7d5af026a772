import { LRUCache } from 'lru-cache';
import type { SearchParams } from '@/lib/search/search-params';
import { pgPool } from '../db/pg-pool';
import { env } from '../env';
import { layerOf } from '../groups/layer';
import { unauthorized } from '../http/errors';
import { PreparedJson } from '../http/prepared-json';
import { dataVersion } from './index-feed';
import { MemorySearchEngine } from './memory-engine';
import type { SearchResult } from './search-engine';

type Asked = { params: SearchParams; viewerId: string | null; version: string };
type Answers = LRUCache<string, { json: PreparedJson; rows: number }, Asked>;

const globalForSearch = globalThis as unknown as {
  cruxSearchEngine?: MemorySearchEngine;
  cruxAnswers?: Answers | null;
};

/** This instance's search engine; it starts loading on first use (the server asks at start, see instrumentation.ts). */
export function searchEngine(): MemorySearchEngine {
  if (!globalForSearch.cruxSearchEngine) {
    globalForSearch.cruxSearchEngine = new MemorySearchEngine(pgPool);
    globalForSearch.cruxSearchEngine.start();
  }
  return globalForSearch.cruxSearchEngine;
}

async function answer({ params, viewerId, version }: Asked) {
  const result = await searchEngine().search(params, viewerId, version);
  return { json: new PreparedJson(result), rows: result.items.length };
}

/**
 * Answers as the API sends them — serialised and gzipped once (PreparedJson) — kept per data version, least recently
 * used out first, up to SEARCH_CACHE_ROWS result rows (0: none kept). Requests for an answer not kept yet share one
 * search.
 */
function answers(): Answers | null {
  const rows = env().SEARCH_CACHE_ROWS;
  globalForSearch.cruxAnswers ??= rows
    ? new LRUCache({
        maxSize: rows,
        sizeCalculation: (a) => a.rows + 1,
        fetchMethod: (_k, _s, { context }) => answer(context),
      })
    : null;
  return globalForSearch.cruxAnswers;
}

/** Only "my confidence" depends on who asks (and needs a signed-in viewer: 401); every other answer is everyone's (null). */
function askingViewer(params: SearchParams, viewerId: string | null): string | null {
  const bounded = params.minConfidence !== undefined || params.maxConfidence !== undefined;
  if (params.confidenceOf !== 'mine' || !bounded) return null;
  if (!viewerId) throw unauthorized('Sign in to filter by your own confidence (confidenceOf=mine).');
  return viewerId;
}

/**
 * Searches tagged claims — full text over claim text and notes, ranked, typos corrected when the words find nothing;
 * every filter, facet and order — as of a data version read after the call, so newer than any write the caller has seen
 * acknowledged.
 */
export async function searchClaims(params: SearchParams, viewerId: string | null): Promise<SearchResult> {
  await layerOf(params.group, viewerId ? { id: viewerId } : null);
  const viewer = askingViewer(params, viewerId);
  return searchEngine().search(params, viewer, await dataVersion());
}

/** `searchClaims` as GET /api/claims sends it, from the answer cache when this version's answer is kept. */
export async function searchAnswer(params: SearchParams, viewerId: string | null): Promise<PreparedJson> {
  // A group's layer is searched only by its members (404 to others), before any cached answer is looked at; the
  // membership and the data version are read side by side, so a group's search waits for one round trip, as a public one.
  const [, version] = await Promise.all([layerOf(params.group, viewerId ? { id: viewerId } : null), dataVersion()]);
  const asked = { params, viewerId: askingViewer(params, viewerId), version };
  const cache = answers();
  const key = `${asked.version}\u0000${asked.viewerId ?? ''}\u0000${JSON.stringify(params)}`;
  return ((cache ? await cache.fetch(key, { context: asked }) : undefined) ?? (await answer(asked))).json;
}
