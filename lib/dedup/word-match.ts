import { canonicalSpelling } from './spelling';

/** How a quoted word stands to the source word it is aligned with; null when they are different words. */
export type WordMatch = 'same' | 'spelling' | 'typo';

const hasDigit = /\d/;

/**
 * Characters a typo may change in a word of this length: none under three; one up to seven, two
 * from eight. Short words are another word one letter off as often as they are a slip ("most" and
 * "must", "the" and "she"), so in three letters only two neighbours may swap ("teh"), and up to
 * five letters a letter may be swapped, dropped or added but not replaced.
 */
const typoBudget = (length: number) => (length < 3 ? 0 : length < 8 ? 1 : 2);
const SHORT_WORD = 5;

/** Are two words of one length the same letters with two neighbours swapped? */
function swapped(a: string, b: string): boolean {
  let k = 0;
  while (k < a.length && a[k] === b[k]) k++;
  return k + 1 < a.length && a[k] === b[k + 1] && a[k + 1] === b[k] && a.slice(k + 2) === b.slice(k + 2);
}

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
  const shortest = Math.min(quoted.length, source.length);
  if (shortest <= SHORT_WORD && quoted.length === source.length) return swapped(quoted, source) ? 'typo' : null;
  if (shortest === 3) return null;
  // A slip keeps a word's first letter, or swaps it with the second.
  if (quoted[0] !== source[0] && !(quoted[0] === source[1] && quoted[1] === source[0])) return null;
  return editDistance(quoted, source, budget) <= budget ? 'typo' : null;
}
