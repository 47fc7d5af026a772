import type { Span } from './types';

/** Words after which a full stop does not end a sentence. */
const ABBREVIATIONS = new Set([
  'e.g', 'i.e', 'etc', 'vs', 'cf', 'al', 'approx', 'ca', 'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'fig', 'figs', 'no', 'nos',
  'sec', 'ch', 'eq', 'eqs', 'vol', 'pp', 'p', 'ed', 'eds', 'resp', 'viz', 'incl', 'esp', 'jr', 'sr', 'inc', 'ltd', 'co',
  'u.s', 'u.k', 'e.u', 'ph.d', 'a.i', 'n.b', 'p.s',
]);

const CLOSERS = '"\'”’»)]';
const OPENERS = '"\'“‘«([';

function wordBefore(text: string, dot: number): string {
  let start = dot;
  while (start > 0 && /[\p{L}\p{N}.]/u.test(text[start - 1])) start--;
  return text.slice(start, dot).toLowerCase();
}

/** Is the full stop (or ! or ?) at `at` the end of a sentence, given what follows it? */
function endsSentence(text: string, at: number, next: number, spaced: boolean): boolean {
  if (text[at] !== '.') return true;
  const word = wordBefore(text, at);
  if (ABBREVIATIONS.has(word) || ABBREVIATIONS.has(word.replace(/^.*\./, ''))) return false;
  // A single letter ("J. Smith", "U.S.") or a number with a dot ("§2.4.", "1.") is not an end.
  if (/^(\p{L}|\p{L}\.\p{L}|\d+(\.\d+)*)$/u.test(word)) return spaced && /^\p{Lu}\p{Ll}/u.test(text.slice(next, next + 2)) && word.length > 1;
  if (!spaced) {
    // Glued: "struck it.(IE the" or "done.Next" — a word of two or more letters, then an opener or a capital.
    return /\p{Ll}{2}$/u.test(word) && (OPENERS.includes(text[next]) || /^\p{Lu}/u.test(text[next] ?? ''));
  }
  return true;
}

/**
 * Sentence spans of a paragraph (UTF-16 offsets; the spaces between sentences belong to neither).
 * Copes with abbreviations ("e.g.", "i.e."), section numbers ("§2.4.2"), decimals, ellipses,
 * closing quotes and brackets after the stop, and sentences glued without a space.
 */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  while (start < text.length && /\s/.test(text[start])) start++;
  let i = start;
  while (i < text.length) {
    const char = text[i];
    if (char === '.' || char === '!' || char === '?' || char === '…') {
      let end = i + 1;
      while (end < text.length && (text[end] === '.' || text[end] === '!' || text[end] === '?' || text[end] === '…')) end++;
      for (;;) {
        while (end < text.length && CLOSERS.includes(text[end])) end++;
        // A footnote marker right after the stop ("post![1] I") belongs to the sentence it ends.
        const footnote = /^\[\d{1,3}\]/.exec(text.slice(end, end + 5));
        if (!footnote) break;
        end += footnote[0].length;
      }
      let next = end;
      while (next < text.length && /\s/.test(text[next])) next++;
      const spaced = next > end;
      // An ellipsis without spaces ("…motivations....most promising") joins an elided quote, never two sentences.
      const ellipsis = char === '…' || text.slice(i, i + 2) === '..';
      const atEnd = next >= text.length;
      const startsNew = atEnd || /[\p{Lu}\p{N}]/u.test(text[next]) || OPENERS.includes(text[next]) || text[next] === '§';
      if (!atEnd && startsNew && (spaced || !ellipsis) && endsSentence(text, i, next, spaced)) {
        spans.push({ start, end });
        start = next;
        i = next;
        continue;
      }
      i = end;
      continue;
    }
    if (char === '\n') {
      let end = i;
      while (end > start && /\s/.test(text[end - 1])) end--;
      if (end > start) spans.push({ start, end });
      start = i + 1;
      while (start < text.length && /\s/.test(text[start])) start++;
      i = start;
      continue;
    }
    i++;
  }
  let end = text.length;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (end > start) spans.push({ start, end });
  return spans;
}

/** Offsets where a paragraph holds two glued together: a sentence end directly followed by the next. */
export function gluePoints(text: string): number[] {
  const points: number[] = [];
  const spans = splitSentences(text);
  for (let k = 1; k < spans.length; k++) if (spans[k].start === spans[k - 1].end) points.push(spans[k].start);
  return points;
}
