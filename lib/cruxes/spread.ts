/**
 * How far apart values on a 0–1 line are: twice the mean absolute difference over all ordered
 * pairs, the pair of a value with itself included,
 *
 *   spread = 2 · Σᵢ Σⱼ |xᵢ − xⱼ| / n².
 *
 * 0 when all agree; 1 when half stand at 0 and half at 1; 0.8 for half at 10 % and half at 90 %,
 * where the mean (50 %) would wrongly suggest shared uncertainty. For values that are all 0 or 1
 * it is 4·p·(1 − p), p the share at 1. It never exceeds 1 for any n (the largest sum of distances
 * is the even split), so one scale serves every claim. Computed in O(n log n) from the gaps between
 * sorted values, each crossed by (k + 1)(n − k − 1) pairs: Σ_{i<j} |xᵢ − xⱼ| = Σₖ gapₖ (k + 1)(n − k − 1).
 * Equal values leave gaps of exactly 0, so a unanimous claim scores exactly 0, not 1e-17.
 */
export function spread(values: readonly number[]): number {
  const n = values.length;
  if (n < 2) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  let pairSum = 0;
  for (let k = 0; k < n - 1; k++) pairSum += (sorted[k + 1] - sorted[k]) * (k + 1) * (n - k - 1);
  return (4 * pairSum) / (n * n);
}
