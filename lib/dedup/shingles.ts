/**
 * The words of a normalised text and their 3-word shingles, as 30-bit hashes (FNV-1a per word,
 * mixed per triple). A word is a run of letters and digits: punctuation separates words, so
 * "approach." and "approach" agree, an ellipsis or a dash is no word, and two paragraphs glued at
 * "…§2.4.Next" still show their own words. A hash collision only proposes a candidate, which is
 * then checked against the text itself: hashes never decide a match.
 */
const SHINGLE_WORDS = 3;

/**
 * Is this character code part of a word in normalised text (lower-case ASCII letters, digits, any
 * non-ASCII letter)? Normalised text has no capitals, quotes or unusual white space left.
 */
export const isWordCode = (code: number) => (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code >= 128;

/** Is offset q inside a word (a word character on both sides)? */
export const insideWord = (text: string, q: number) =>
  isWordCode(text.charCodeAt(q - 1)) && isWordCode(text.charCodeAt(q));

export interface Words {
  count: number;
  /** Offset of each word in the normalised text. */
  starts: number[];
  /** The shingle of words i, i + 1, i + 2, for each i that has two words after it. */
  shingles: number[];
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
/** Hashes are kept to 30 bits so they stay small integers in the engine (no boxed numbers). */
const HASH_BITS = 0x3fffffff;

export function wordsOf(text: string): Words {
  const starts: number[] = [];
  const shingles: number[] = [];
  let previous = 0;
  let beforeThat = 0;
  let i = 0;
  while (i < text.length) {
    while (i < text.length && !isWordCode(text.charCodeAt(i))) i++;
    if (i >= text.length) break;
    const start = i;
    let hash = FNV_OFFSET;
    for (; i < text.length && isWordCode(text.charCodeAt(i)); i++)
      hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
    hash &= HASH_BITS;
    starts.push(start);
    if (starts.length >= SHINGLE_WORDS)
      shingles.push((Math.imul(beforeThat, 0x9e3779b1) ^ Math.imul(previous, 0x85ebca77) ^ hash) & HASH_BITS);
    beforeThat = previous;
    previous = hash;
  }
  return { count: starts.length, starts, shingles };
}
