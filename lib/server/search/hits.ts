import type { Axis } from '@/lib/claims/types';
import { escapeHtml } from '@/lib/html/escape';

export interface HitRow {
  id: string;
  exact: string;
  passageId: string;
  createdAt: Date;
  tagCount: number;
  confMean: number | null;
  disagreement: number;
  cruxScore: number;
  consensusScore: number;
  cruxCount: number;
  storyCount: number;
  axisOuter: number;
  axisInner: number;
  axisBoth: number;
  axisOther: number;
  labels: string[];
  orphan: boolean;
  slug: string;
  title: string;
  ordinal: number;
  rank: number;
  headline: string;
}

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
  /** Relevance, 0–1, when the results are ordered by it; 0 in the other orders (not computed). */
  rank: number;
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

/** What ts_headline puts around matched words (set in search-claims' HEADLINE_OPTIONS). */
const START_MARK = String.fromCharCode(1);
const STOP_MARK = String.fromCharCode(2);

/** Escapes everything, then turns the headline's \u0001…\u0002 markers into <mark>…</mark>. */
export function snippetHtml(headline: string): string {
  return escapeHtml(headline).replaceAll(START_MARK, '<mark>').replaceAll(STOP_MARK, '</mark>');
}

export function toHit(row: HitRow): SearchHit {
  return {
    id: row.id,
    text: row.exact,
    snippet: snippetHtml(row.headline),
    thread: { slug: row.slug, title: row.title },
    passageId: row.passageId,
    passageOrdinal: row.ordinal,
    href: `/threads/${row.slug}?claim=${row.id}#p-${row.ordinal + 1}`,
    orphan: row.orphan,
    createdAt: row.createdAt.toISOString(),
    rank: row.rank,
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
