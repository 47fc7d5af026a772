import { anchorQuote, type AnchorMatch, type QuoteSelector } from '@/lib/anchoring/anchor-quote';
import { codePointLength, utf16ToCodePoint } from '@/lib/anchoring/code-points';
import { describeSpan } from '@/lib/anchoring/describe-span';
import type { ClaimSelector } from '@/lib/claims/types';

export interface PassageText {
  id: string;
  ordinal: number;
  text: string;
}

export type Placement =
  | { status: 'anchored'; passageId: string; selector: ClaimSelector; match: AnchorMatch }
  | { status: 'orphan'; passageId: string; selector: ClaimSelector };

/**
 * Where an imported annotation lands in this thread: on the passage it names (same ordinal) when the
 * quote is there, else the best match in any passage; else an orphan, kept on the named passage
 * (or the first) with its quote as given.
 */
export function placeImported(passages: PassageText[], ordinal: number, selector: QuoteSelector): Placement {
  const named = passages.find((p) => p.ordinal === ordinal);
  const first = named ? (anchorQuote(named.text, selector) ?? soleOccurrence(named.text, selector)) : null;
  if (named && first)
    return {
      status: 'anchored',
      passageId: named.id,
      selector: describeSpan(named.text, first.start, first.end),
      match: first,
    };
  const quoteOnly = { exact: selector.exact, prefix: selector.prefix, suffix: selector.suffix };
  let best: { passage: PassageText; match: AnchorMatch } | null = null;
  for (const passage of passages) {
    if (passage === named) continue;
    const match = anchorQuote(passage.text, quoteOnly);
    if (match && (!best || match.score > best.match.score)) best = { passage, match };
  }
  if (best) {
    return {
      status: 'anchored',
      passageId: best.passage.id,
      selector: describeSpan(best.passage.text, best.match.start, best.match.end),
      match: best.match,
    };
  }
  const home = named ?? passages[0];
  return {
    status: 'orphan',
    passageId: home.id,
    selector: {
      exact: selector.exact,
      prefix: selector.prefix,
      suffix: selector.suffix,
      start: selector.start ?? 0,
      end: selector.end ?? 0,
    },
  };
}

/**
 * An annotation without context (prefix and suffix are optional in the W3C model) whose quote
 * stands exactly once in the passage it names is placed there: no context is not evidence against.
 */
function soleOccurrence(text: string, selector: QuoteSelector): AnchorMatch | null {
  if (selector.prefix || selector.suffix || !selector.exact) return null;
  const at = text.indexOf(selector.exact);
  if (at === -1 || text.indexOf(selector.exact, at + 1) !== -1) return null;
  const start = utf16ToCodePoint(text, at);
  return { start, end: start + codePointLength(selector.exact), score: 1, method: 'exact' };
}
