/** The fewest edits that turn `expected` into the best-fitting start of `actual`, and how much of `actual` that start is. */
export interface AnchoredDistance {
  errors: number;
  /** Code points of `actual` used; among equally good fits, the one closest to `expected.length`. */
  length: number;
}

/** Larger than any distance, yet safe to add 1 to in an Int32Array. */
const FAR = 1 << 29;

/**
 * Levenshtein distance between `expected` and a prefix of `actual` of any length (the end of
 * `actual` is free): run on reversed strings, it finds where a match starts once its end is known.
 * An alignment with e edits never strays more than e cells from the diagonal, so with `band` = the
 * known edits only that band is computed: O(|expected| · band) rather than O(|expected| · |actual|).
 */
export function anchoredDistance(
  expected: readonly number[],
  actual: readonly number[],
  band = Math.max(expected.length, actual.length),
): AnchoredDistance {
  const n = actual.length;
  let previous = new Int32Array(n + 2).fill(FAR);
  let current = new Int32Array(n + 2).fill(FAR);
  for (let j = 0; j <= Math.min(n, band); j++) previous[j] = j;
  for (let i = 1; i <= expected.length; i++) {
    const low = Math.max(1, i - band);
    const high = Math.min(n, i + band);
    current[0] = i <= band ? i : FAR;
    current[low - 1] = low - 1 === 0 ? current[0] : FAR;
    current[high + 1] = FAR;
    for (let j = low; j <= high; j++) {
      const substitution = previous[j - 1] + (expected[i - 1] === actual[j - 1] ? 0 : 1);
      current[j] = Math.min(substitution, previous[j] + 1, current[j - 1] + 1);
    }
    [previous, current] = [current, previous];
  }
  let best: AnchoredDistance = { errors: FAR, length: 0 };
  const m = expected.length;
  for (let j = Math.max(0, m - band); j <= Math.min(n, m + band); j++) {
    const errors = previous[j];
    const closer = Math.abs(j - m) < Math.abs(best.length - m);
    if (errors < best.errors || (errors === best.errors && closer)) best = { errors, length: j };
  }
  return best;
}
