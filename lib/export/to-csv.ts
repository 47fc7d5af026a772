import { bucketLabel, HISTOGRAM_BUCKETS, type ScoredClaim } from '@/lib/cruxes';
import { csvTable } from './csv';
import { claimContextUrl } from './links';

/** Fractions to 4 decimals, confidences to 2: enough for any reader, stable across platforms. */
const fixed = (value: number | null, digits: number) => (value === null ? null : Number(value.toFixed(digits)));

type Column = [name: string, cell: (row: ScoredClaim, baseUrl: string) => string | number | boolean | null];

const COLUMNS: Column[] = [
  ['claim_id', ({ claim }) => claim.id],
  ['thread_slug', ({ claim }) => claim.threadSlug],
  ['thread_title', ({ claim }) => claim.threadTitle],
  ['paragraph', ({ claim }) => claim.passageOrdinal + 1],
  ['start', ({ claim }) => claim.start],
  ['end', ({ claim }) => claim.end],
  ['exact', ({ claim }) => claim.exact],
  ['url', ({ claim }, baseUrl) => claimContextUrl(baseUrl, claim)],
  ['orphan', ({ claim }) => claim.orphan],
  ['axis', (row) => row.axis],
  ['taggers', (row) => row.aggregates.taggers],
  ['confidence_count', (row) => row.aggregates.confidence.count],
  ['confidence_mean', (row) => fixed(row.aggregates.confidence.mean, 2)],
  ['confidence_median', (row) => fixed(row.aggregates.confidence.median, 2)],
  ['confidence_stddev', (row) => fixed(row.aggregates.confidence.stddev, 2)],
  ...Array.from(
    { length: HISTOGRAM_BUCKETS },
    (_, bucket): Column => [
      `confidence_${bucketLabel(bucket).replace('–', '_')}`,
      (row) => row.aggregates.confidence.histogram[bucket],
    ],
  ),
  ['axis_outer', (row) => row.aggregates.axes.outer],
  ['axis_inner', (row) => row.aggregates.axes.inner],
  ['axis_both', (row) => row.aggregates.axes.both],
  ['axis_other', (row) => row.aggregates.axes.other],
  ['concrete_story_needed', (row) => row.aggregates.concreteStoryNeeded],
  ['crux_marks', (row) => row.aggregates.crux],
  ['labels', (row) => row.aggregates.labels.map(({ label, count }) => `${label} (${count})`).join('; ')],
  ['spread', (row) => fixed(row.scores.spread, 4)],
  ['disagreement', (row) => fixed(row.scores.disagreement, 4)],
  ['axis_split', (row) => fixed(row.scores.axisSplit, 4)],
  ['axis_disagreement', (row) => fixed(row.scores.axisDisagreement, 4)],
  ['crux_share', (row) => fixed(row.scores.cruxShare, 4)],
  ['story_share', (row) => fixed(row.scores.storyShare, 4)],
  ['crux_score', (row) => fixed(row.scores.cruxScore, 4)],
  ['consensus_score', (row) => fixed(row.scores.consensusScore, 4)],
];

/** The header row, for documentation and tests. */
export const CSV_COLUMNS = COLUMNS.map(([name]) => name);

/**
 * One row per claim with its aggregates and scores (RFC 4180, CRLF, header row first), in the
 * order given — `ranking.scored` for every counted claim, or `ranking.cruxes` for the top list.
 */
export function toCsv(rows: readonly ScoredClaim[], options: { baseUrl: string }): string {
  return csvTable([CSV_COLUMNS, ...rows.map((row) => COLUMNS.map(([, cell]) => cell(row, options.baseUrl)))]);
}
