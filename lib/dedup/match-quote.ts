import { type Normalized, normalizeForMatch, originalSpan } from './normalize';
import type { IndexedPassage, PassageIndex } from './passage-index';
import type { Span } from './types';

/**
 * The shortest text that counts as a partial quote: 20 normalised characters is about four words,
 * long enough that an accidental match between unrelated paragraphs is rare, short enough for a
 * quoted clause ("the first clause of line 2"). Whole-line repeats count at any length.
 */
export const MIN_QUOTE = 20;

/** A prefix or suffix quote needs to end at a sentence end, unless it is this long (a clear quote). */
const MIN_UNBOUNDED_QUOTE = 60;

const ELLIPSIS = /\s*(?:\[\s*(?:\.{3}|…)\s*\]|\.{3,}|…)\s*/g;

export interface QuoteMatch {
  source: IndexedPassage;
  spans: Span[];
}

function spanIn(source: IndexedPassage, from: number, to: number): Span {
  return originalSpan(source.normalized, from, to);
}

/** Punctuation a quoter adds or drops at the edges of a quote ("…approach." for "…approach we have"). */
const EDGE_PUNCTUATION = /^[\s.,;:!?…-]+|[\s.,;:!?…-]+$/g;

/** Offsets of the text with edge punctuation trimmed: [from, to). */
function trimmedEdges(text: string): [number, number] {
  const from = text.length - text.replace(/^[\s.,;:!?…-]+/, '').length;
  const to = text.replace(/[\s.,;:!?…-]+$/, '').length;
  return [from, Math.max(from, to)];
}

/** The whole text is found inside an earlier passage (as it is, or without its edge punctuation). */
export function containedIn(candidates: IndexedPassage[], normalized: Normalized): QuoteMatch | null {
  if (normalized.text.length < MIN_QUOTE || candidates.length === 0) return null;
  const [from, to] = trimmedEdges(normalized.text);
  const core = normalized.text.slice(from, to);
  for (const source of candidates) {
    const at = source.normalized.text.indexOf(normalized.text);
    if (at !== -1) return { source, spans: [spanIn(source, at, at + normalized.text.length)] };
    const coreAt = core.length >= MIN_QUOTE ? source.normalized.text.indexOf(core) : -1;
    if (coreAt !== -1) return { source, spans: [spanIn(source, coreAt, coreAt + core.length)] };
  }
  return null;
}

/** "Start of a paragraph....end of it": every part found in one earlier passage, in order. */
export function elidedQuote(index: PassageIndex, text: string): QuoteMatch | null {
  if (!/\.\.\.|…/.test(text)) return null;
  const parts = text
    .split(ELLIPSIS)
    .map((part) => normalizeForMatch(part).text.replace(EDGE_PUNCTUATION, ''))
    .filter((part) => part.length > 0);
  if (parts.length < 2 || parts.join('').length < MIN_QUOTE || parts.some((part) => part.length < 6)) return null;
  for (const source of index.candidatesFor(parts.join(' '))) {
    const spans: Span[] = [];
    let from = 0;
    for (const part of parts) {
      const at = source.normalized.text.indexOf(part, from);
      if (at === -1) break;
      spans.push(spanIn(source, at, at + part.length));
      from = at + part.length;
    }
    if (spans.length === parts.length) return { source, spans };
  }
  return null;
}

const endsSentence = (text: string, at: number) => /[.!?:;)]/.test(text[at - 1] ?? '');

/** Lengths (ascending) of the word-aligned starts, or ends, of a normalised text. */
function edgeLengths(text: string, edge: 'start' | 'end'): number[] {
  const lengths: number[] = [];
  for (let i = 1; i < text.length; i++) {
    if (edge === 'start' && text[i] === ' ') lengths.push(i);
    if (edge === 'end' && text[i - 1] === ' ') lengths.push(text.length - i);
  }
  return lengths.sort((a, b) => a - b);
}

/**
 * The longest start (or end) of the text that stands in an earlier passage, when the rest is new
 * text: a quote followed by its reply ("lines that contain an earlier paragraph plus new text").
 * `length` is the normalised length of the quoted part.
 */
export function quotedEdge(candidates: IndexedPassage[], normalized: Normalized, edge: 'start' | 'end'): (QuoteMatch & { length: number }) | null {
  const text = normalized.text;
  const lengths = edgeLengths(text, edge).filter((n) => n >= MIN_QUOTE);
  if (lengths.length === 0) return null;
  const piece = (n: number) => (edge === 'start' ? text.slice(0, n) : text.slice(text.length - n));
  let best: (QuoteMatch & { length: number }) | null = null;
  for (const source of candidates) {
    // If a piece of length n is quoted, so is every shorter one: binary search the longest.
    let low = 0;
    let high = lengths.length - 1;
    let found = 0;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (source.normalized.text.includes(piece(lengths[mid]))) {
        found = lengths[mid];
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    if (found === 0) continue;
    const boundary = edge === 'start' ? endsSentence(text, found) : endsSentence(text, text.length - found);
    if (!boundary && found < MIN_UNBOUNDED_QUOTE) continue;
    if (!best || found > best.length) {
      const at = source.normalized.text.indexOf(piece(found));
      best = { source, spans: [spanIn(source, at, at + found)], length: found };
    }
  }
  return best;
}
