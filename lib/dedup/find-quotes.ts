import { ELLIPSIS } from './normalize';
import type { IndexedPassage, PassageIndex } from './passage-index';
import { MIN_QUOTE_CHARS } from './substantial';
import { candidates, wordEnd } from './quote-candidates';
import { isWordCode, type Words } from './shingles';

/** One quoted stretch: [from, to) of the quoting text (normalised), found at `at` in the source's normalised text. */
export interface QuotedPart {
  from: number;
  to: number;
  at: number;
}

/** Text repeated from one earlier passage: one part, or several with an ellipsis between each two. */
export interface QuoteMatch {
  source: IndexedPassage;
  parts: QuotedPart[];
}

/**
 * May a stretch start or end at this offset of the quoting text, inside a word? Only where two
 * paragraphs were glued letter to letter ("…agent foundationsI disagree"): see `gluedAt`.
 */
export type GluedAt = (offset: number) => boolean;

/** An elided part shorter than this must run to the next ellipsis or the end, or it is a chance match ("the"). */
const MIN_ELIDED_PART = 8;

/** Largest `to` in [from, limit] with text[from, to) found in `source` at or after `after`. */
function extendForward(text: string, from: number, limit: number, source: string, after: number): number {
  if (source.indexOf(text.slice(from, limit), after) !== -1) return limit;
  let low = from;
  let high = limit;
  while (high - low > 1) {
    const mid = (low + high) >> 1;
    if (source.indexOf(text.slice(from, mid), after) !== -1) low = mid;
    else high = mid;
  }
  return low;
}

/** Smallest `from` in [floor, to] with text[from, to) found in `source` ending at or before `before`. */
function extendBackward(text: string, floor: number, to: number, source: string, before: number): number {
  if (endsBefore(text, floor, to, source, before)) return floor;
  let low = floor;
  let high = to;
  while (high - low > 1) {
    const mid = (low + high) >> 1;
    if (endsBefore(text, mid, to, source, before)) high = mid;
    else low = mid;
  }
  return high;
}

/** Is text[from, to) found in `source`, ending at or before `before`? */
function endsBefore(text: string, from: number, to: number, source: string, before: number): boolean {
  return to - from <= before && source.lastIndexOf(text.slice(from, to), before - (to - from)) !== -1;
}

/**
 * Shrinks a part to whole words of both texts ("and th" is not a quote of "and that"), keeping a
 * cut inside a word of the quoting text only at a glue; `null` when nothing is left.
 */
function toWholeWords(text: string, part: QuotedPart, source: string, glued: GluedAt): QuotedPart | null {
  let { from, to, at } = part;
  const textGoesOn = isWordCode(text.charCodeAt(to));
  const sourceGoesOn = isWordCode(source.charCodeAt(at + to - from));
  if (
    isWordCode(text.charCodeAt(to - 1)) &&
    (textGoesOn || sourceGoesOn) &&
    !(textGoesOn && !sourceGoesOn && glued(to))
  ) {
    while (to > from && isWordCode(text.charCodeAt(to - 1))) to--;
  }
  const textCameBefore = isWordCode(text.charCodeAt(from - 1));
  const sourceCameBefore = isWordCode(source.charCodeAt(at - 1));
  if (
    isWordCode(text.charCodeAt(from)) &&
    (textCameBefore || sourceCameBefore) &&
    !(textCameBefore && !sourceCameBefore && glued(from))
  ) {
    const start = from;
    while (from < to && isWordCode(text.charCodeAt(from))) from++;
    at += from - start;
  }
  while (to > from && text.charCodeAt(to - 1) === 32) to--;
  while (from < to && text.charCodeAt(from) === 32) {
    from++;
    at++;
  }
  return to > from ? { from, to, at } : null;
}

/**
 * The longest stretch of the text around [from, anchorEnd) — the words of a shingle the source
 * shares — that stands in the source: each place where the source holds the anchor is grown
 * forward and back character by character (not before `floor`), and the longest wins.
 */
function matchAround(
  text: string,
  from: number,
  anchorEnd: number,
  floor: number,
  source: string,
  glued: GluedAt,
): QuotedPart | null {
  const anchor = text.slice(from, anchorEnd);
  let best: QuotedPart | null = null;
  for (let at = source.indexOf(anchor); at !== -1; at = source.indexOf(anchor, at + 1)) {
    let to = anchorEnd;
    for (let q = at + anchor.length; to < text.length && text.charCodeAt(to) === source.charCodeAt(q); q++) to++;
    let start = from;
    let begin = at;
    while (start > floor && begin > 0 && text.charCodeAt(start - 1) === source.charCodeAt(begin - 1)) {
      start--;
      begin--;
    }
    if (!best || to - start > best.to - best.from) best = { from: start, to, at: begin };
  }
  if (!best || best.to - best.from < MIN_QUOTE_CHARS) return null;
  const part = toWholeWords(text, best, source, glued);
  return part && part.to - part.from >= MIN_QUOTE_CHARS ? part : null;
}

function skipSpaces(text: string, q: number, step: 1 | -1): number {
  while (text.charCodeAt(step === 1 ? q : q - 1) === 32) q += step;
  return q;
}

/** Has text[from, to) no word in it (so a part that stops there quoted all it could)? */
function wordless(text: string, from: number, to: number): boolean {
  for (let q = from; q < to; q++) if (isWordCode(text.charCodeAt(q))) return false;
  return true;
}

/** An elided part is kept when it is long enough, or all there is up to the next ellipsis. */
const keptPart = (part: QuotedPart | null, rest: boolean): part is QuotedPart =>
  part !== null && (part.to - part.from >= MIN_ELIDED_PART || rest);

/** Adds the parts that follow and precede the match in the source across "..." tokens. */
function chainElisions(text: string, match: QuoteMatch, floor: number, glued: GluedAt) {
  const source = match.source.normalized;
  for (;;) {
    const last = match.parts[match.parts.length - 1];
    const dots = skipSpaces(text, last.to, 1);
    if (!text.startsWith(ELLIPSIS, dots)) break;
    const from = skipSpaces(text, dots + ELLIPSIS.length, 1);
    const after = last.at + last.to - last.from;
    const next = text.indexOf(` ${ELLIPSIS}`, from);
    const limit = next === -1 ? text.length : next;
    const to = extendForward(text, from, limit, source, after);
    const part = toWholeWords(text, { from, to, at: source.indexOf(text.slice(from, to), after) }, source, glued);
    if (!keptPart(part, part !== null && wordless(text, part.to, limit))) break;
    match.parts.push(part);
  }
  for (;;) {
    const first = match.parts[0];
    const dots = skipSpaces(text, first.from, -1);
    if (dots - ELLIPSIS.length < floor || text.slice(dots - ELLIPSIS.length, dots) !== ELLIPSIS) break;
    const to = skipSpaces(text, dots - ELLIPSIS.length, -1);
    const previous = text.lastIndexOf(`${ELLIPSIS} `, to - 1);
    const limit = Math.min(to, previous === -1 ? floor : Math.max(floor, previous + ELLIPSIS.length + 1));
    const from = extendBackward(text, limit, to, source, first.at);
    const part = toWholeWords(
      text,
      { from, to, at: source.lastIndexOf(text.slice(from, to), first.at - (to - from)) },
      source,
      glued,
    );
    if (!keptPart(part, part !== null && wordless(text, limit, part.from))) break;
    match.parts.unshift(part);
  }
}

/**
 * Every stretch of the text that repeats an earlier passage, left to right: at each word whose
 * shingle an earlier passage shares, the longest match around it (grown back as far as the
 * previous match), then the parts of an elided quote across "..." tokens. Candidates come from the
 * shingle index, so text nobody wrote before costs one hash lookup per word.
 */
export function findQuotes(text: string, words: Words, index: PassageIndex, glued: GluedAt): QuoteMatch[] {
  const matches: QuoteMatch[] = [];
  let floor = 0;
  let i = 0;
  while (i < words.shingles.length) {
    let best: QuoteMatch | null = null;
    const sources = candidates(text, words, i, index);
    const anchorEnd = sources.length > 0 ? wordEnd(text, words.starts[i + 2]) : 0;
    for (const ordinal of sources) {
      const source = index.passages[ordinal];
      const part = matchAround(text, words.starts[i], anchorEnd, floor, source.normalized, glued);
      if (part && (!best || part.to - part.from > best.parts[0].to - best.parts[0].from))
        best = { source, parts: [part] };
    }
    if (!best) {
      i++;
      continue;
    }
    chainElisions(text, best, floor, glued);
    matches.push(best);
    floor = best.parts[best.parts.length - 1].to;
    while (i < words.count && words.starts[i] < floor) i++;
  }
  return matches;
}
