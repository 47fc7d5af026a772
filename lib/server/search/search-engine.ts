import type { SearchParams, SearchSort } from '@/lib/search/search-params';
import type { Axis } from '@/lib/claims/types';

/** fulltext: the words matched; fuzzy: they matched nothing and were corrected; browse: no words, filters only. */
export type SearchMode = 'fulltext' | 'fuzzy' | 'browse';

export interface SearchHit {
  id: string;
  text: string;
  /** The claim text as HTML-escaped markup with matched words in <mark>. */
  snippet: string;
  thread: { slug: string; title: string };
  passageId: string;
  passageOrdinal: number;
  /** Where the claim stands in its thread: the reader scrolls there and flashes it. */
  href: string;
  orphan: boolean;
  createdAt: string;
  /** Relevance (BM25, see word-index.ts) when the results are ordered by it; 0 in the other orders (not computed). */
  rank: number;
  /** Live replies on the claim. */
  replyCount: number;
  aggregates: {
    taggers: number;
    confidenceMean: number | null;
    disagreement: number;
    cruxScore: number;
    consensusScore: number;
    crux: number;
    concreteStoryNeeded: number;
    axes: Record<Axis, number>;
    labels: string[];
  };
}

export interface SearchFacets {
  total: number;
  axis: Record<Axis, number>;
  crux: number;
  concreteStory: number;
  /** The 20 threads with the most results (ties by slug). */
  threads: { slug: string; title: string; count: number }[];
}

export interface SearchResult {
  items: SearchHit[];
  nextCursor: string | null;
  facets: SearchFacets;
  mode: SearchMode;
  /** In fuzzy mode: the query as corrected and searched (a cursor of this search pages it further). */
  correctedQuery: string | null;
  sort: SearchSort;
}

/** loading: searches answer 503 until ready; failed: the last load failed (`error`), tried again later. `claims`: tagged claims held. */
export interface SearchEngineStatus {
  state: 'loading' | 'ready' | 'failed';
  claims: number;
  error?: string;
}

/**
 * What answers searches (docs/decisions/017-search-one-engine.md). Postgres stores the claims and their tags and
 * numbers every change in the thread event log; an engine is fed from that log and answers every search, filter, facet
 * count and page.
 */
export interface SearchEngine {
  status(): SearchEngineStatus;
  /** One page at data version `version` or later (read after every write the caller saw); 503 while not ready. */
  search(params: SearchParams, viewerId: string | null, version: string): Promise<SearchResult>;
}
