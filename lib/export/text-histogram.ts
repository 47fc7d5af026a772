import { bucketLabel } from '@/lib/cruxes';

const LEVELS = '▁▂▃▄▅▆▇█';
const EMPTY = '·';

/**
 * Ten confidence buckets as ten characters, "·" for none and ▁…█ for the count relative to the
 * fullest bucket: `·█······█·` is a split between 10–19 and 90–100.
 */
export function histogramBar(histogram: readonly number[]): string {
  const most = Math.max(0, ...histogram);
  return histogram
    .map((count) => (count === 0 ? EMPTY : LEVELS[Math.ceil((count / most) * LEVELS.length) - 1]))
    .join('');
}

/** The non-empty buckets in words: "10 at 10–19, 10 at 90–100". */
export function histogramWords(histogram: readonly number[]): string {
  return histogram.flatMap((count, bucket) => (count ? [`${count} at ${bucketLabel(bucket)}`] : [])).join(', ');
}
