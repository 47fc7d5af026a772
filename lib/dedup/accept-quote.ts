import type { GluedAt, QuotedPart, QuoteMatch } from './find-quotes';
import { endsAtBreak, opensText, sentenceEndAt, startsAtBreak } from './breaks';
import { isSubstantial } from './substantial';
import { insideWord } from './shingles';

/**
 * A quote that does not end where a sentence or clause of the quoting text ends is normally the
 * writer's own prose quoting a phrase inline; one this long at the very start of a line is a
 * quote the reply was glued to without punctuation (about a full sentence: chance cannot do it).
 */
const MIN_UNBOUNDED_QUOTE = 60;

/** Moves the part's start to the first sentence start inside it, or says there is none. */
function trimStart(text: string, part: QuotedPart): QuotedPart | null {
  for (let q = part.from + 1; q < part.to; q++) {
    if (text[q - 1] === ' ' && text[q] !== ' ' && startsAtBreak(text, q))
      return { from: q, to: part.to, at: part.at + (q - part.from) };
  }
  return null;
}

/** Moves the part's end back to the last sentence end inside it, or says there is none. */
function trimEnd(text: string, part: QuotedPart): QuotedPart | null {
  for (let q = part.to - 1; q > part.from; q--) {
    if (sentenceEndAt(text, q)) return { from: part.from, to: q, at: part.at };
  }
  return null;
}

/**
 * Keeps a found match only as far as it is a quote: it starts and ends where sentences (or clauses
 * opened by ":") of the quoting text do, or is a long quote opening the line, or stops at a glue;
 * and what it quotes is substantial. A phrase quoted inside the writer's own sentence stays prose.
 */
export function acceptQuote(match: QuoteMatch, text: string, gluedAt: GluedAt): QuoteMatch | null {
  const parts = [...match.parts];
  while (parts.length > 0 && !startsAtBreak(text, parts[0].from)) {
    const trimmed = trimStart(text, parts[0]);
    if (trimmed) parts[0] = trimmed;
    else parts.shift();
  }
  while (parts.length > 0) {
    const last = parts[parts.length - 1];
    const long = parts.length === 1 && last.to - last.from >= MIN_UNBOUNDED_QUOTE && opensText(text, last.from);
    if (endsAtBreak(text, last.to) || long || (insideWord(text, last.to) && gluedAt(last.to))) break;
    const trimmed = trimEnd(text, last);
    if (trimmed) parts[parts.length - 1] = trimmed;
    else parts.pop();
  }
  if (parts.length === 0) return null;
  const quoted = parts.map((part) => text.slice(part.from, part.to)).join(' ');
  return isSubstantial(quoted) ? { source: match.source, parts } : null;
}
