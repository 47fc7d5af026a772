import type { ClaimSelector } from '@/lib/claims/types';
import { approximateEnds, matchStart } from './approximate-match';
import { codePointLength, sliceCodePoints, toCodePoints, utf16ToCodePointTable } from './code-points';
import { contextShare, type MatchEvidence, matchScore } from './match-score';

/** A stored quote to find again: the text quote, and the old offsets when known (an import may lack them). */
export type QuoteSelector = Pick<ClaimSelector, 'exact' | 'prefix' | 'suffix'> &
  Partial<Pick<ClaimSelector, 'start' | 'end'>>;

export interface AnchorMatch {
  /** Code point offsets in the searched text, half-open. */
  start: number;
  end: number;
  /** 0–1; 1 for a quote still at its old offsets. */
  score: number;
  method: 'position' | 'exact' | 'fuzzy';
}

export interface AnchorOptions {
  /** Matches scoring below this are no match; see DEFAULT_MIN_SCORE. */
  minScore?: number;
}

/**
 * 0.75 lets through (see matchScore): a quote of 96+ code points (a long sentence) found verbatim
 * anywhere; a 32-code-point quote found verbatim with one side of its context intact; a quote with
 * one edit in ten and its context intact. It stops: a short phrase that merely recurs elsewhere
 * (its context differs), and text that only looks alike (a random passage is at best about 50 %
 * similar to a quote, which cannot pass even with perfect context once the quote is 50 code points
 * long). A miss makes the claim an orphan, which a person can re-attach; a wrong hit silently moves
 * readers' tags onto another statement, so the bar leans towards orphaning.
 */
export const DEFAULT_MIN_SCORE = 0.75;

/** Places the fuzzy search scores in full; more would only be further-off copies of the quote. */
const FUZZY_CANDIDATES = 8;

function atOldPosition(text: string, selector: QuoteSelector): AnchorMatch | null {
  const { start, end } = selector;
  if (start === undefined || end === undefined || !Number.isInteger(start) || !Number.isInteger(end)) return null;
  if (start < 0 || end < start || end > codePointLength(text)) return null;
  return sliceCodePoints(text, start, end) === selector.exact ? { start, end, score: 1, method: 'position' } : null;
}

function exactStarts(text: string, exact: string): number[] {
  const table = utf16ToCodePointTable(text);
  const starts: number[] = [];
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) starts.push(table[at]);
  return starts;
}

interface Candidate {
  start: number;
  end: number;
  errors: number;
}

/**
 * Where `selector` stands in `text` now: at its old offsets if the quote is still there; else the
 * best verbatim occurrence (context and nearness to the old offset decide between repeats); else
 * the best approximate occurrence. Null when nothing scores `minScore` — the caller then marks the
 * claim orphaned rather than dropping it.
 */
export function anchorQuote(text: string, selector: QuoteSelector, options: AnchorOptions = {}): AnchorMatch | null {
  if (selector.exact === '') return null;
  const unmoved = atOldPosition(text, selector);
  if (unmoved) return unmoved;

  const minScore = options.minScore ?? DEFAULT_MIN_SCORE;
  const chars = toCodePoints(text);
  const quote = toCodePoints(selector.exact);
  const evidence: MatchEvidence = {
    quoteLength: quote.length,
    prefix: toCodePoints(selector.prefix),
    suffix: toCodePoints(selector.suffix),
    hint: Number.isInteger(selector.start) ? selector.start : undefined,
  };
  const scored = (candidate: Candidate) => ({
    ...candidate,
    score: matchScore(chars, candidate.start, candidate.end, candidate.errors, evidence),
  });
  const best = (candidates: Candidate[]) =>
    candidates
      .map(scored)
      .reduce<(Candidate & { score: number }) | null>(
        (top, c) => (c.score >= minScore && (!top || c.score > top.score) ? c : top),
        null,
      );

  const verbatim = best(
    exactStarts(text, selector.exact).map((start) => ({ start, end: start + quote.length, errors: 0 })),
  );
  if (verbatim) return { start: verbatim.start, end: verbatim.end, score: verbatim.score, method: 'exact' };
  // A verbatim copy whose surroundings fail may be a chance repeat while the claim itself was
  // edited in place, so the fuzzy search runs then too.

  // Only look for matches that could still reach minScore with perfect context and position:
  // (1 − λ)(1 − e/L) + λ ≥ minScore  ⇔  e ≤ L (1 − minScore) / (1 − λ).
  const maxErrors = Math.floor((quote.length * (1 - minScore)) / (1 - contextShare(quote.length)));
  if (maxErrors < 1) return null;
  // Candidates are judged as if they started a quote's length before their end (the prefix
  // comparison tolerates a small shift); only the winner's true start is worked out.
  const ends = approximateEnds(chars, quote, maxErrors, FUZZY_CANDIDATES);
  const estimate = best(ends.map((match) => ({ ...match, start: Math.max(0, match.end - quote.length) })));
  if (!estimate) return null;
  const fuzzy = scored({ ...estimate, start: matchStart(chars, quote, estimate) });
  return fuzzy.score >= minScore ? { start: fuzzy.start, end: fuzzy.end, score: fuzzy.score, method: 'fuzzy' } : null;
}
