import stem from 'wink-porter2-stemmer';

/**
 * Words as search sees them: runs of letters and digits, lower-cased (a hyphen or an apostrophe
 * splits, as in "world-model"), each reduced to its term — the Porter2 (Snowball English) stem, the
 * stemmer of Postgres' `english` configuration — unless it is a stop word.
 */

/** Postgres' English stop words (tsearch_data/english.stop): too common to say what a claim is about. */
const STOP_WORDS = new Set(
  `i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers herself it its
  itself they them their theirs themselves what which who whom this that these those am is are was were be been being
  have has had having do does did doing a an the and but if or because as until while of at by for with about against
  between into through during before after above below to from up down in out on off over under again further then
  once here there when where why how all any both each few more most other some such no nor not only own same so than
  too very s t can will just don should now`.split(/\s+/),
);

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Is the UTF-16 unit at `i` part of a word? ASCII decided by its code, anything else by Unicode class. */
function inWord(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  // A surrogate pair is one character: both halves belong to the word if the pair does.
  if (c >= 0xdc00 && c <= 0xdfff && i > 0) return LETTER_OR_DIGIT.test(text.slice(i - 1, i + 1));
  return LETTER_OR_DIGIT.test(String.fromCodePoint(text.codePointAt(i) ?? c));
}

/** Calls `each` with every word of a text, lower-cased, and where it starts and ends (UTF-16 offsets). */
export function forEachWord(text: string, each: (word: string, start: number, end: number) => void) {
  let i = 0;
  while (i < text.length) {
    while (i < text.length && !inWord(text, i)) i++;
    const start = i;
    while (i < text.length && inWord(text, i)) i++;
    if (i > start) each(text.slice(start, i).toLowerCase(), start, i);
  }
}

/** The stems of words seen so far: a claim's words are mostly the words of other claims. */
const stems = new Map<string, string>();

/** A lower-cased word's term, or null for a stop word. */
export function termOf(word: string): string | null {
  if (STOP_WORDS.has(word)) return null;
  let term = stems.get(word);
  if (term === undefined) {
    term = stem(word);
    if (stems.size < 200_000) stems.set(word, term);
  }
  return term;
}

/** A text's lower-cased words, in order. */
export function wordsOf(text: string): string[] {
  const words: string[] = [];
  forEachWord(text, (word) => words.push(word));
  return words;
}

/** A text's terms in order (stop words as null, so that positions still count them, as in a phrase). */
export function termsOf(text: string): (string | null)[] {
  const terms: (string | null)[] = [];
  forEachWord(text, (word) => terms.push(termOf(word)));
  return terms;
}
