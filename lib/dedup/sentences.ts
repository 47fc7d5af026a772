import type { Span } from './types';

/** Words after which a full stop does not end a sentence. */
const ABBREVIATIONS = new Set([
  'e.g',
  'i.e',
  'etc',
  'vs',
  'cf',
  'al',
  'approx',
  'ca',
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'st',
  'ed',
  'eds',
  'resp',
  'viz',
  'incl',
  'esp',
  'jr',
  'sr',
  'inc',
  'ltd',
  'co',
  'u.s',
  'u.k',
  'e.u',
  'ph.d',
  'a.i',
  'n.b',
  'p.s',
]);

/** Words that are abbreviations only before a number ("No. 5", "p. 12"); elsewhere ("the answer is no.") they end sentences. */
const BEFORE_NUMBERS = new Set(['no', 'nos', 'fig', 'figs', 'sec', 'ch', 'eq', 'eqs', 'vol', 'pp', 'p']);

const CLOSERS = new Set('"\'”’»)]'.split('').map((c) => c.charCodeAt(0)));
const OPENERS = new Set('"\'“‘«([§'.split('').map((c) => c.charCodeAt(0)));
const isStop = (code: number) => code === 46 || code === 33 || code === 63 || code === 0x2026;
const isDigit = (code: number) => code >= 48 && code <= 57;
const isSpace = (code: number) =>
  code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0 || code === 0x2009 || code === 0x202f;
/** Everything up to the next line break or stop (see isStop). */
const TO_NEXT_BREAK = /[^\n.!?\u2026]*/y;
const WORD_CHAR = /[\p{L}\p{N}.]/u;
const UPPER = /^\p{Lu}/u;

const isWordChar = (text: string, at: number) => {
  const code = text.charCodeAt(at);
  if (code < 128)
    return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 46;
  return WORD_CHAR.test(text[at]);
};

function wordBefore(text: string, dot: number): string {
  let start = dot;
  while (start > 0 && isWordChar(text, start - 1)) start--;
  return text.slice(start, dot).toLowerCase();
}

/** Does a new sentence look like it starts at `next` (a capital, a digit, an opening quote or bracket, "§")? */
function startsSentence(text: string, next: number): boolean {
  const code = text.charCodeAt(next);
  if (code < 128) return isDigit(code) || (code >= 65 && code <= 90) || OPENERS.has(code);
  return OPENERS.has(code) || UPPER.test(text.slice(next, next + 2));
}

/** Is the full stop at `at` the end of a sentence, given what follows it? (! and ? always are.) */
function fullStopEnds(text: string, at: number, next: number, spaced: boolean): boolean {
  const word = wordBefore(text, at);
  if (ABBREVIATIONS.has(word)) return false;
  const dot = word.lastIndexOf('.');
  if (dot !== -1 && ABBREVIATIONS.has(word.slice(dot + 1))) return false;
  if (BEFORE_NUMBERS.has(word) && isDigit(text.charCodeAt(next))) return false;
  // A single letter ("J. Smith", "U.S.") never ends one; a number with a dot ("§2.4.", "1.") only before a capitalised word.
  // (The length and first digit only spare the regexes the many words that cannot match.)
  if (word.length <= 5 && /^(\p{L}|\p{L}\.\p{L})$/u.test(word)) return false;
  if (isDigit(word.charCodeAt(0)) && /^\d+(\.\d+)*$/u.test(word))
    return word.length > 1 && /^\p{Lu}\p{Ll}/u.test(text.slice(next, next + 2));
  // Glued without a space ("struck it.(IE the", "done.Next"): only after a word of two or more lower-case letters.
  return spaced || /\p{Ll}{2}$/u.test(word);
}

/** Ends the sentence at `start` before `end`, less trailing white space (nothing when it is empty). */
function close(spans: Span[], text: string, start: number, end: number) {
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (end > start) spans.push({ start, end });
}

/**
 * Sentence spans of a paragraph (UTF-16 offsets; the white space between sentences belongs to
 * neither). Copes with abbreviations ("e.g.", "i.e.", "Mr."), section numbers ("§2.4.2"), decimals
 * ("3.5"), closing quotes, brackets and footnote markers after the stop, ellipses, line breaks, and
 * sentences glued without a space ("struck it.(IE the reasoning").
 */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  const length = text.length;
  let start = 0;
  while (start < length && isSpace(text.charCodeAt(start))) start++;
  let i = start;
  while (i < length) {
    const code = text.charCodeAt(i);
    if (code === 10) {
      close(spans, text, start, i);
      start = i + 1;
      while (start < length && isSpace(text.charCodeAt(start))) start++;
      i = start;
      continue;
    }
    if (!isStop(code)) {
      // Most characters end nothing: jump to the next line break or stop (a regex scans faster than a loop here).
      TO_NEXT_BREAK.lastIndex = i + 1;
      TO_NEXT_BREAK.test(text);
      i = TO_NEXT_BREAK.lastIndex;
      continue;
    }
    let end = i + 1;
    while (end < length && isStop(text.charCodeAt(end))) end++;
    // Without a space, an ellipsis ("…motivations....most promising") joins an elided quote and a digit a number.
    const ellipsis = code === 0x2026 || end - i > 1;
    for (;;) {
      while (end < length && CLOSERS.has(text.charCodeAt(end))) end++;
      // A footnote marker right after the stop ("post![1] I") belongs to the sentence it ends.
      const footnote = text.charCodeAt(end) === 91 ? /^\[\d{1,4}\]/.exec(text.slice(end, end + 6)) : null;
      if (!footnote) break;
      end += footnote[0].length;
    }
    let next = end;
    while (next < length && isSpace(text.charCodeAt(next))) next++;
    const spaced = next > end;
    const glued = !spaced && !ellipsis && !isDigit(text.charCodeAt(next));
    const ends =
      next < length &&
      (spaced || glued) &&
      startsSentence(text, next) &&
      (code !== 46 || ellipsis || fullStopEnds(text, i, next, spaced));
    if (ends) {
      close(spans, text, start, end);
      start = next;
    }
    i = ends ? next : end;
  }
  close(spans, text, start, length);
  return spans;
}

/** Offsets where a paragraph holds two glued together: a sentence end directly followed by the next. */
export function gluePoints(text: string, sentences: Span[] = splitSentences(text)): number[] {
  const points: number[] = [];
  for (let k = 1; k < sentences.length; k++)
    if (sentences[k].start === sentences[k - 1].end) points.push(sentences[k].start);
  return points;
}
