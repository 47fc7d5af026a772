/**
 * Weight of the prior, in taggers: every share and spread is shrunk towards 0 as if K taggers who
 * show no disagreement had joined, value × n / (n + K). With K = 4 an extreme split between two
 * taggers scores at most 2/6 = 0.33 of its raw value, one between twenty 20/24 = 0.83; half the
 * raw value counts once a claim has as many taggers as the prior (4), which is the size of a
 * small reading group. A larger K would bury real splits in a group of five; a smaller one lets
 * a pair of readers top the list.
 */
export const PRIOR_TAGGERS = 4;

/** value × n / (n + K): a share or spread measured on n taggers, shrunk towards 0. */
export function shrink(value: number, n: number): number {
  return n === 0 ? 0 : (value * n) / (n + PRIOR_TAGGERS);
}
