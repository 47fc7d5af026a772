import { canonicalSpelling } from './spelling';

/** How a quoted word stands to the source word it is aligned with; null when they are different words. */
export type WordMatch = 'same' | 'spelling' | 'typo';

const hasDigit = /\d/;

/**
 * Characters a typo may change in a word of this length: none under three and, in three letters,
 * only two neighbours swapped ("teh"; one letter off in "the"/"she" is another word as often as a
 * slip); one up to seven, two from eight.
 */
const typoBudget = (length: number) => (length < 3 ? 0 : length < 8 ? 1 : 2);

/** Are two words of three letters the same letters with two neighbours swapped? */
const swapped = (a: string, b: string) =>
  (a[0] === b[1] && a[1] === b[0] && a[2] === b[2]) || (a[0] === b[0] && a[1] === b[2] && a[2] === b[1]);

/** Rows of the edit distance table, reused: words are short, and a fresh table per pair is garbage. */
let rows = [new Int32Array(32), new Int32Array(32), new Int32Array(32)];

/**
 * Edits (insertions, deletions, substitutions, swaps of two neighbours) between two words, or
 * `limit + 1` as soon as it is clear there are more than `limit` (optimal string alignment distance).
 */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (rows[0].length <= b.length) rows = rows.map(() => new Int32Array(b.length + 1));
  let [before, previous, current] = rows;
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
      current[j] = d;
      if (d < best) best = d;
    }
    if (best > limit) return limit + 1;
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length];
}

/**
 * Compares two words in matching form (lower case, accents and apostrophes gone): the same word,
 * the same word in the other spelling, the same word with a typo (a bounded edit distance; never
 * in a number, where one digit off is another number), or not the same word.
 */
export function matchWords(quoted: string, source: string): WordMatch | null {
  if (quoted === source) return 'same';
  // Both spellings of a word share its first three letters and differ in length by two at most; so do most typos.
  if (Math.abs(quoted.length - source.length) > 2) return null;
  if (quoted.length >= 5 && quoted.slice(0, 3) === source.slice(0, 3)) {
    if (canonicalSpelling(quoted) === canonicalSpelling(source)) return 'spelling';
  }
  const budget = typoBudget(Math.min(quoted.length, source.length));
  if (budget === 0 || hasDigit.test(quoted) || hasDigit.test(source)) return null;
  if (quoted.length === 3 && source.length === 3) return swapped(quoted, source) ? 'typo' : null;
  if (Math.min(quoted.length, source.length) === 3) return null;
  // A slip keeps a word's first letter, or swaps it with the second.
  if (quoted[0] !== source[0] && !(quoted[0] === source[1] && quoted[1] === source[0])) return null;
  return editDistance(quoted, source, budget) <= budget ? 'typo' : null;
}
