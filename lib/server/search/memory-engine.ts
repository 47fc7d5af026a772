import type pg from 'pg';
import { parseQuery, wantedTerms } from '@/lib/search/query';
import { effectiveSort, type SearchParams } from '@/lib/search/search-params';
import { freshRead } from '../fresh-read';
import { ApiError } from '../http/errors';
import { log } from '../log';
import { answerPage, type PageAnswer, readCursor } from './answer';
import { catchUp, heapBudget, loadIndex, type SearchIndexData } from './index-feed';
import type { SearchEngine, SearchEngineStatus, SearchResult } from './search-engine';

/** The wait before loading again after a failed load, doubling each time up to the maximum. */
const FIRST_RETRY_MS = 5_000;
const MAX_RETRY_MS = 5 * 60_000;

/**
 * The search engine of one app instance: every tagged claim held in memory (index-feed.ts), loaded in the background
 * when the instance starts and kept current from the thread event log. Until the first load has finished, searches
 * answer 503 with Retry-After.
 */
export class MemorySearchEngine implements SearchEngine {
  private index: SearchIndexData | null = null;
  private loading: Promise<void> | null = null;
  /** After a failed load, none is tried again before this time (ms since 1970). */
  private retryAt = 0;
  private retryMs = FIRST_RETRY_MS;
  private lastError: string | null = null;
  /** A catch-up that starts after the call (so it sees every write the caller has seen), shared by the callers waiting for it. */
  private readonly caughtUp = freshRead(async () => {
    if (this.index) await catchUp(this.pool(), this.index);
  });

  /** `budget`: the heap a load may use, in bytes (by default half of what is left under the heap limit). */
  constructor(
    private readonly pool: () => pg.Pool,
    private readonly budget: () => number = heapBudget,
  ) {}

  /** Starts loading in the background unless loaded, loading, or waiting to try again. */
  start() {
    if (this.index || this.loading || Date.now() < this.retryAt) return;
    const started = Date.now();
    this.loading = loadIndex(this.pool(), this.budget())
      .then((index) => {
        this.index = index;
        this.retryMs = FIRST_RETRY_MS;
        this.lastError = null;
        log.info({ claims: index.table.size, ms: Date.now() - started }, 'search index loaded');
      })
      .catch((error) => {
        // Not again at the next search (a load costs seconds of CPU), but by itself once the wait is
        // over, so /api/health does not report a failure that has passed until someone searches.
        const wait = this.retryMs;
        this.retryAt = Date.now() + wait;
        this.lastError = (error as Error).message;
        log.warn({ err: this.lastError, retryInMs: wait }, 'search index could not load');
        this.retryMs = Math.min(wait * 2, MAX_RETRY_MS);
        setTimeout(() => this.start(), wait).unref();
      })
      .finally(() => {
        this.loading = null;
      });
  }

  /** Resolves once a load under way has finished (tests, benchmarks). */
  async loaded(): Promise<void> {
    await this.loading;
  }

  status(): SearchEngineStatus {
    if (this.index) return { state: 'ready', claims: this.index.words.claimCount };
    if (this.lastError && !this.loading) return { state: 'failed', claims: 0, error: this.lastError };
    return { state: 'loading', claims: 0 };
  }

  async search(params: SearchParams, viewerId: string | null, version: string): Promise<SearchResult> {
    const sort = effectiveSort(params);
    readCursor(sort, params.cursor); // a bad cursor is a 400 even before the index is ready
    if (!this.index) {
      this.start();
      throw this.notReady();
    }
    if (this.index.version !== version) await this.caughtUp();
    const index = this.index;
    const page = (q: string | undefined): PageAnswer => {
      const query = q ? parseQuery(q) : null;
      const matched = query ? index.words.match(query) : null;
      const terms = query ? wantedTerms(query) : new Set<string>();
      const scores = matched && sort === 'relevance' ? index.words.rank(matched, terms) : null;
      return answerPage(index, { params, matched, scores, viewerId, terms });
    };
    const answer = page(params.q);
    // Words that found nothing (unless asked for as typed): each unknown one is replaced by the closest word of the claims and notes.
    const correctedQuery =
      params.q && !params.verbatim && answer.items.length === 0 ? index.words.vocabulary.correct(params.q) : null;
    // The words come from every layer: a correction is offered only when it finds something on the one
    // searched, so no word of a group the reader may not see shows through "showing results for".
    const corrected = correctedQuery ? page(correctedQuery) : null;
    if (corrected && corrected.items.length > 0) return { ...corrected, mode: 'fuzzy', correctedQuery, sort };
    return { ...answer, mode: params.q ? 'fulltext' : 'browse', correctedQuery: null, sort };
  }

  private notReady(): ApiError {
    const retryIn = Math.max(1, Math.ceil((this.retryAt - Date.now()) / 1000));
    const message =
      this.lastError && !this.loading
        ? `Search is unavailable on this server: its index could not load (${this.lastError}); it tries again in ${retryIn} s.`
        : 'Search is starting on this server: its index is still loading. Try again in a few seconds.';
    return new ApiError('unavailable', message, undefined, { 'Retry-After': String(this.loading ? 5 : retryIn) });
  }
}
