import { endsAtBreak, startsAtBreak } from './breaks';
import type { PassageIndex } from './passage-index';
import { isWordCode, type Words } from './shingles';

/** Where the word starting at `start` ends. */
export function wordEnd(text: string, start: number): number {
  let end = start;
  while (isWordCode(text.charCodeAt(end))) end++;
  return end;
}

/** Are words i to i + 2 a sentence of their own (so, quoted, too short to share two shingles with their source)? */
const threeWordSentence = (text: string, words: Words, i: number) =>
  startsAtBreak(text, words.starts[i]) && endsAtBreak(text, wordEnd(text, words.starts[i + 2]));

/** The ordinals in both lists (each ascending: passages are indexed in order). */
function intersect(a: readonly number[], b: readonly number[]): number[] {
  const both: number[] = [];
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      both.push(a[i]);
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return both;
}

const NONE: readonly number[] = [];

/**
 * Passages that may hold a quote starting at word i: those sharing its shingle and the next one
 * (a quote long enough to count has four words or more, and one shared shingle alone is mostly a
 * stock phrase: "in order to"); its shingle alone at the end of the text, or when the three words
 * are a sentence of their own. A common shingle names no candidates: a quote of real content has
 * rarer ones, and is found from them.
 */
export function candidates(text: string, words: Words, i: number, index: PassageIndex): readonly number[] {
  const first = index.sharing(words.shingles[i]) ?? NONE;
  if (first.length === 0 || i + 1 >= words.shingles.length || threeWordSentence(text, words, i)) return first;
  return intersect(first, index.sharing(words.shingles[i + 1]) ?? NONE);
}
