import type { QuotedPart, QuoteMatch } from './find-quotes';
import { clauseEndsAt, endsAtBreak, opensText, sentenceEndAt, startsAtBreak, wordsAfter } from './breaks';
import type { QuotingText } from './quoting-text';
import { isSaying } from './sayings';
import { isSubstantial } from './substantial';
import { insideWord } from './shingles';

/**
 * A quote that does not end where a sentence or clause of the quoting text ends is normally the
 * writer's own prose quoting a phrase inline; one this long at the very start of a line, ending
 * where the source's sentence ends and followed by a capital, is a quote the reply was glued to
 * without punctuation (about a full sentence: chance cannot do it).
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
 * May a quote end with this part? Where the line goes on past it, only where the source's
 * sentence or clause ends too, unless the writer marks the quote (quotation marks, ">"): a line
 * that opens with the words of a passage and then says something else is not a quote of it. Then
 * where the quoting text's sentence or clause ends, at a glue, or — a long quote opening the line —
 * before a capital.
 */
function endsQuote(text: string, first: QuotedPart, part: QuotedPart, source: string, quoting: QuotingText) {
  const ends =
    endsAtBreak(text, part.to) ||
    (insideWord(text, part.to) && quoting.glued(part.to)) ||
    (part.to - part.from >= MIN_UNBOUNDED_QUOTE && opensText(text, part.from) && quoting.capitalAt(part.to));
  if (!ends) return false;
  const sourceEnd = part.at + part.to - part.from;
  return !wordsAfter(text, part.to) || clauseEndsAt(source, sourceEnd) || quoting.marked(first.from, part.to);
}

/**
 * Keeps a found match only as far as it is a quote: it starts and ends where sentences (or clauses
 * opened by ":") of the quoting text do (see `endsQuote`); and what it quotes is substantial and not
 * a well-known saying. A phrase quoted inside the writer's own sentence stays prose.
 */
export function acceptQuote(match: QuoteMatch, text: string, quoting: QuotingText): QuoteMatch | null {
  const parts = [...match.parts];
  while (parts.length > 0 && !startsAtBreak(text, parts[0].from)) {
    const trimmed = trimStart(text, parts[0]);
    if (trimmed) parts[0] = trimmed;
    else parts.shift();
  }
  while (parts.length > 0) {
    const last = parts[parts.length - 1];
    if (endsQuote(text, parts[0], last, match.source.normalized, quoting)) break;
    const trimmed = trimEnd(text, last);
    if (trimmed) parts[parts.length - 1] = trimmed;
    else parts.pop();
  }
  if (parts.length === 0) return null;
  const quoted = parts.map((part) => text.slice(part.from, part.to)).join(' ');
  if (
    !isSubstantial(quoted) ||
    (quoting.maySaySaying(parts[0].from, (parts.at(-1) as QuotedPart).to) && isSaying(quoted))
  )
    return null;
  return { source: match.source, parts };
}
