import { anchoredDistance } from './edit-distance';
import { type MatchEnd, matchEnds } from './myers';

/**
 * Where `quote` occurs in `text` with at most `maxErrors` edits, as match ends: the best `limit`
 * occurrences, fewest edits first. Ends of one occurrence crowd together (an end one character off
 * usually costs one more edit), so an end closer than half a quote to one with fewer edits is a
 * worse reading of that occurrence and is dropped; ends that tie with it are kept, for the
 * caller's context to choose ("objectiv|e|s" against a quote "objectivs" ties three ways).
 */
export function approximateEnds(
  text: readonly number[],
  quote: readonly number[],
  maxErrors: number,
  limit: number,
): MatchEnd[] {
  const ends = matchEnds(text, quote, maxErrors).sort((a, b) => a.errors - b.errors || a.end - b.end);
  const separation = Math.max(1, Math.floor(quote.length / 2));
  const chosen: MatchEnd[] = [];
  let occurrences = 0;
  for (const candidate of ends) {
    const near = chosen.filter((other) => Math.abs(other.end - candidate.end) < separation);
    if (near.some((other) => other.errors < candidate.errors)) continue;
    if (near.length === 0) {
      if (occurrences === limit) continue;
      occurrences++;
    }
    chosen.push(candidate);
  }
  return chosen;
}

/**
 * Where the occurrence ending at `end` with `errors` edits starts: the reversed quote aligned
 * against the text before `end`, read backwards. It cannot reach further back than quote length + errors.
 */
export function matchStart(text: readonly number[], quote: readonly number[], { end, errors }: MatchEnd): number {
  const before = text.slice(Math.max(0, end - quote.length - errors), end).reverse();
  return end - anchoredDistance([...quote].reverse(), before, errors).length;
}
