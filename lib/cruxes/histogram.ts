/** Ten buckets of confidence: 0–9, 10–19, …, 80–89, and 90–100 (100 joins the top bucket). */
export const HISTOGRAM_BUCKETS = 10;

export function bucketOf(confidence: number): number {
  return Math.min(HISTOGRAM_BUCKETS - 1, Math.max(0, Math.floor(confidence / 10)));
}

/** "0–9", …, "90–100". */
export function bucketLabel(bucket: number): string {
  return bucket === HISTOGRAM_BUCKETS - 1 ? '90–100' : `${bucket * 10}–${bucket * 10 + 9}`;
}

/** How many confidences fall in each bucket. */
export function confidenceHistogram(confidences: readonly number[]): number[] {
  const counts = new Array<number>(HISTOGRAM_BUCKETS).fill(0);
  for (const confidence of confidences) counts[bucketOf(confidence)]++;
  return counts;
}
