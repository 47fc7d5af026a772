import { endsAtBreak, startsAtBreak } from './breaks';
import type { QuoteMatch } from './find-quotes';
import { ELLIPSIS } from './normalize';
import { isWordCode } from './shingles';
import { matchWords } from './word-match';

const isMarkup = (c: string | undefined) => c === '*' || c === '_' || c === '[' || c === ']';

/** Where the word of a normalised text next to offset q ends (dir 1) or starts (dir -1). */
function wordEdge(text: string, q: number, dir: 1 | -1): number {
  const look = dir === 1 ? 0 : -1;
  while (isWordCode(text.charCodeAt(q + look))) q += dir;
  return q;
}

/**
 * Does a word-for-word stretch stop at what may be an edit: a bracket, a note, an ellipsis or
 * emphasis in the quote, Markdown in the source, or the next words one typo or spelling apart?
 * `dir` 1 looks past the stretch's end (text offset q, source offset at), -1 before its start.
 */
function editAt(text: string, q: number, source: string, at: number, dir: 1 | -1): boolean {
  const look = dir === 1 ? 0 : -1;
  while (text.charCodeAt(q + look) === 32) q += dir;
  while (source.charCodeAt(at + look) === 32) at += dir;
  const mine = text[q + look];
  const theirs = source[at + look];
  // Brackets and parentheses: a bracket or a note in the quote, a link's text or target in the source.
  if (isMarkup(mine) || mine === '(' || mine === ')' || isMarkup(theirs) || theirs === '(' || theirs === ')')
    return true;
  if (mine === '.' && (dir === 1 ? text.startsWith(ELLIPSIS, q) : text.endsWith(ELLIPSIS, q))) return true;
  if (!isWordCode(text.charCodeAt(q + look)) || !isWordCode(source.charCodeAt(at + look))) return false;
  // Both spellings of a word, and a word and its typo, start alike (see matchWords).
  if (dir === 1 && text[q] !== source[at] && text[q] !== source[at + 1]) return false;
  const wordEnd = wordEdge(text, q, dir);
  const sourceEnd = wordEdge(source, at, dir);
  // "[T]he": the word before was bracketed to change its case.
  if (dir === -1 && text[wordEnd - 1] === ']') return true;
  if (Math.abs(Math.abs(wordEnd - q) - Math.abs(sourceEnd - at)) > 2) return false;
  if (dir === 1) return matchWords(text.slice(q, wordEnd), source.slice(at, sourceEnd)) !== null;
  if (text[wordEnd] !== source[sourceEnd] && text[wordEnd] !== source[sourceEnd + 1]) return false;
  return matchWords(text.slice(wordEnd, q), source.slice(sourceEnd, at)) !== null;
}

/**
 * Word-for-word stretches the edited-quote finder should try to align further: those stopping at a
 * possible edit on one side and at a break or another possible edit on the other.
 */
export function editSeeds(text: string, found: QuoteMatch[]): QuoteMatch[] {
  const seeds: QuoteMatch[] = [];
  for (const match of found) {
    const first = match.parts[0];
    const last = match.parts[match.parts.length - 1];
    const source = match.source.normalized;
    const before = editAt(text, first.from, source, first.at, -1);
    if (!before && !startsAtBreak(text, first.from)) continue;
    const after = editAt(text, last.to, source, last.at + last.to - last.from, 1);
    if ((before || after) && (after || endsAtBreak(text, last.to))) seeds.push(match);
  }
  return seeds;
}
