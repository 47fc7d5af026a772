import {
  bucketLabel,
  CRUX_WEIGHTS,
  type CruxRanking,
  HISTOGRAM_BUCKETS,
  PRIOR_TAGGERS,
  type RankedClaim,
  SIDE_THRESHOLDS,
} from '@/lib/cruxes';
import { claimContextUrl, threadUrl } from './links';
import { type CruxSummary, SUMMARY_SCHEMA_VERSION, type SummaryClaim } from './summary-schema';

/** What every crux export is made from. Everything is passed in, so the same input gives the same bytes. */
export interface CruxSummaryInput {
  ranking: CruxRanking;
  /** The thread summarised; null for a summary across threads. */
  thread: { slug: string; title: string } | null;
  /** When the summary was made, ISO 8601 (e.g. new Date().toISOString() at the route). */
  generatedAt: string;
  /** The site's origin, for links (e.g. "https://cruxreader.example.org"). */
  baseUrl: string;
}

function summaryClaim(entry: RankedClaim, baseUrl: string): SummaryClaim {
  const { claim } = entry;
  return {
    rank: entry.rank,
    axis: entry.axis,
    claim: {
      id: claim.id,
      threadSlug: claim.threadSlug,
      threadTitle: claim.threadTitle,
      passageId: claim.passageId,
      passageOrdinal: claim.passageOrdinal,
      exact: claim.exact,
      prefix: claim.prefix,
      suffix: claim.suffix,
      start: claim.start,
      end: claim.end,
      orphan: claim.orphan,
      url: claimContextUrl(baseUrl, claim),
    },
    aggregates: entry.aggregates,
    scores: entry.scores,
    tags: claim.tags.map((tag) => ({
      userId: tag.userId,
      userName: tag.userName,
      axis: tag.axis,
      confidence: tag.confidence,
      concreteStoryNeeded: tag.concreteStoryNeeded,
      crux: tag.crux,
      labels: tag.labels,
      note: tag.note,
      updatedAt: tag.updatedAt,
    })),
    ...(claim.replies ? { replies: claim.replies } : {}),
  };
}

/** The crux summary as one plain object: what toJson writes and toMarkdown lays out. */
export function summarise(input: CruxSummaryInput): CruxSummary {
  const { ranking, thread, generatedAt, baseUrl } = input;
  return {
    schemaVersion: SUMMARY_SCHEMA_VERSION,
    generator: 'Crux Reader',
    generatedAt,
    thread: thread && { slug: thread.slug, title: thread.title, url: threadUrl(baseUrl, thread.slug) },
    filters: ranking.options,
    method: {
      priorTaggers: PRIOR_TAGGERS,
      cruxWeights: { ...CRUX_WEIGHTS },
      sideThresholds: { ...SIDE_THRESHOLDS },
      histogramBuckets: Array.from({ length: HISTOGRAM_BUCKETS }, (_, bucket) => bucketLabel(bucket)),
    },
    cruxes: ranking.cruxes.map((entry) => summaryClaim(entry, baseUrl)),
    consensus: ranking.consensus.map((entry) => summaryClaim(entry, baseUrl)),
    grid: ranking.grid,
  };
}
