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

/** A thread's passages as one text, one per line, with where each starts (code points). */
interface ThreadText {
  text: string;
  starts: number[];
}

const threadTexts = new WeakMap<PassageText[], ThreadText>();

/** Made once per thread of an import, not once per annotation. */
function threadText(passages: PassageText[]): ThreadText {
  let known = threadTexts.get(passages);
  if (!known) {
    let offset = 0;
    const starts = passages.map((passage) => {
      const start = offset;
      offset += codePointLength(passage.text) + 1;
      return start;
    });
    known = { text: passages.map((p) => p.text).join('\n'), starts };
    threadTexts.set(passages, known);
  }
  return known;
}

/** The passage holding thread offsets [start, end), and the offsets within it; null across a passage break. */
function withinPassage(passages: PassageText[], { starts }: ThreadText, start: number, end: number) {
  let index = starts.length - 1;
  while (index > 0 && starts[index] > start) index--;
  const passage = passages[index];
  const local = { start: start - starts[index], end: end - starts[index] };
  return passage && local.end <= codePointLength(passage.text) ? { passage, ...local } : null;
}

/**
 * Document offsets "fit" when the thread's passages, one per line, hold the quote exactly there:
 * true of a plain-text copy of the thread, seldom of a web page with its menus — then the quote decides.
 */
function atDocumentPosition(passages: PassageText[], selector: QuoteSelector): Placement | null {
  const { start, end } = selector;
  if (start === undefined || end === undefined) return null;
  const place = withinPassage(passages, threadText(passages), start, end);
  const match = place && anchorQuote(place.passage.text, { ...selector, start: place.start, end: place.end });
  return place && match?.method === 'position' ? anchored(place.passage, match) : null;
}

/**
 * The best match of the quote (and its context) in the thread: among the passages holding it
 * verbatim when there are any (a quote without context that stands once in the whole thread is
 * placed there); else one approximate search of the whole thread's text — one scan rather than one
 * per passage: annotations made on another page miss often (400 of them on a 2,000-passage
 * thread, half not in it, took 6.8 s to anchor with a search per passage, 0.3 s like this).
 */
function bestMatch(passages: PassageText[], selector: QuoteSelector, skip: PassageText | undefined): Placement | null {
  const quoteOnly = { exact: selector.exact, prefix: selector.prefix, suffix: selector.suffix };
  const verbatim = passages.filter((p) => p !== skip && p.text.includes(selector.exact));
  let best: Placement | null = null;
  let bestScore = 0;
  for (const passage of verbatim) {
    const match = anchorQuote(passage.text, quoteOnly);
    if (match && match.score > bestScore) {
      best = anchored(passage, match);
      bestScore = match.score;
    }
  }
  if (best) return best;
  const sole = verbatim.length === 1 ? soleOccurrence(verbatim[0].text, selector) : null;
  if (sole) return anchored(verbatim[0], sole);
  // Verbatim copies whose context fails were searched approximately around them by anchorQuote;
  // an approximate copy elsewhere would be a weaker match still.
  if (verbatim.length) return null;
  const thread = threadText(passages);
  const match = anchorQuote(thread.text, quoteOnly);
  const place = match && withinPassage(passages, thread, match.start, match.end);
  if (!match || !place || place.passage === skip) return null;
  return anchored(place.passage, { ...match, start: place.start, end: place.end });
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
    bestMatch(passages, selector, named);
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
