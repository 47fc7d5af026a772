/**
 * A claim is disputed when its confidence disagreement (the shrunk spread, docs/formats/scores.md)
 * reaches 0.25: two taggers at 10 % and 90 % (0.27) or six split 20 / 80 (0.36) dispute it; two
 * at 30 % and 70 % (0.13), or a lone tagger, do not. The bar sits just under the smallest hard split
 * the prior lets through, so one pair of readers at opposite ends is enough to show it.
 */
export const DISPUTED_AT = 0.25;

export function isDisputed(disagreement: number): boolean {
  return disagreement >= DISPUTED_AT;
}
