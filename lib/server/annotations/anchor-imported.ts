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

/** What the annotation says about where its quote stands. */
export interface PlacementHint {
  /** The passage it names (a passage IRI, or the reader's ¶ in a fragment); null when it names none. */
  ordinal: number | null;
  /**
   * What a TextPositionSelector's offsets count from: the named passage (Crux Reader's passage
   * IRIs), or the whole document (a page annotated elsewhere, e.g. with Hypothesis).
   */
  positions: 'passage' | 'document';
}

const anchored = (passage: PassageText, match: AnchorMatch): Placement => ({
  status: 'anchored',
  passageId: passage.id,
  selector: describeSpan(passage.text, match.start, match.end),
  match,
});

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

/**
 * Document offsets "fit" when the thread's passages, one per line, hold the quote exactly there:
 * true of a plain-text copy of the thread, seldom of a web page with its menus — then the quote decides.
 */
function atDocumentPosition(passages: PassageText[], selector: QuoteSelector): Placement | null {
  const { start, end } = selector;
  if (start === undefined || end === undefined) return null;
  let offset = 0;
  for (const passage of passages) {
    const length = codePointLength(passage.text);
    if (start >= offset && end <= offset + length) {
      const local = { ...selector, start: start - offset, end: end - offset };
      const match = anchorQuote(passage.text, local);
      return match?.method === 'position' ? anchored(passage, match) : null;
    }
    offset += length + 1;
  }
  return null;
}

/**
 * The best match of the quote (and its context) in any passage: verbatim copies first, the fuzzy
 * search only without one; a quote without context that stands once in the whole thread is placed there.
 */
function bestMatch(passages: PassageText[], selector: QuoteSelector): Placement | null {
  const quoteOnly = { exact: selector.exact, prefix: selector.prefix, suffix: selector.suffix };
  const verbatim = passages.filter((p) => p.text.includes(selector.exact));
  for (const candidates of [verbatim, passages]) {
    let best: Placement | null = null;
    let bestScore = 0;
    for (const passage of candidates) {
      const match = anchorQuote(passage.text, quoteOnly);
      if (match && match.score > bestScore) {
        best = anchored(passage, match);
        bestScore = match.score;
      }
    }
    if (best) return best;
  }
  const sole = verbatim.length === 1 ? soleOccurrence(verbatim[0].text, selector) : null;
  return sole && anchored(verbatim[0], sole);
}

/**
 * Where an imported annotation lands in this thread: on the passage it names when the quote is
 * there; else at document offsets that fit; else the best match of its quote in any passage;
 * else an orphan, kept on the named passage (or the first) with its quote as given.
 */
export function placeImported(passages: PassageText[], selector: QuoteSelector, hint: PlacementHint): Placement {
  const named = hint.ordinal === null ? undefined : passages.find((p) => p.ordinal === hint.ordinal);
  if (named) {
    const own = hint.positions === 'passage' ? selector : { ...selector, start: undefined, end: undefined };
    const match = anchorQuote(named.text, own) ?? soleOccurrence(named.text, selector);
    if (match) return anchored(named, match);
  }
  const placed =
    (hint.positions === 'document' ? atDocumentPosition(passages, selector) : null) ??
    bestMatch(
      passages.filter((p) => p !== named),
      selector,
    );
  if (placed) return placed;
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
