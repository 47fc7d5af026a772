import { termOf, wordsOf } from './words';

/**
 * The words of a search, in the syntax of web search boxes (and of Postgres' websearch_to_tsquery):
 * words must all occur, `"a phrase"` must occur as written, `-word` or `-"a phrase"` must not occur,
 * and `or` between words offers alternatives. `inner alignment -"reward model" or mesa` reads as
 * (inner AND alignment AND NOT "reward model") OR mesa.
 */
export interface QueryItem {
  /** One term, or a phrase's terms in order. */
  terms: string[];
  /** Where each term stands relative to the first (stop words between them count). */
  offsets: number[];
}

/** Claims that hold every `must` item and no `mustNot` item. */
export interface QueryAlternative {
  must: QueryItem[];
  mustNot: QueryItem[];
}

/** Any alternative may match; empty when the words hold no term (only stop words or signs): nothing matches. */
export type TextQuery = QueryAlternative[];

const PART = /(-?)"([^"]*)"?|(-?)([^\s"]+)/g;

/** A word or phrase as terms at their positions; null when it is only stop words. */
function itemOf(text: string): QueryItem | null {
  const terms: string[] = [];
  const positions: number[] = [];
  for (const [position, word] of wordsOf(text).entries()) {
    const term = termOf(word);
    if (term === null) continue;
    terms.push(term);
    positions.push(position);
  }
  return terms.length ? { terms, offsets: positions.map((p) => p - positions[0]) } : null;
}

export function parseQuery(q: string): TextQuery {
  const alternatives: QueryAlternative[] = [{ must: [], mustNot: [] }];
  for (const [, phraseNot, phrase, wordNot, word] of q.matchAll(PART)) {
    const current = alternatives[alternatives.length - 1];
    if (word !== undefined && !wordNot && word.toLowerCase() === 'or') {
      if (current.must.length || current.mustNot.length) alternatives.push({ must: [], mustNot: [] });
      continue;
    }
    const item = itemOf(phrase ?? word);
    if (item) (phraseNot || wordNot ? current.mustNot : current.must).push(item);
  }
  return alternatives.filter((a) => a.must.length || a.mustNot.length);
}

/** The terms a matching claim may hold, to mark in its snippet. */
export function wantedTerms(query: TextQuery): Set<string> {
  return new Set(query.flatMap((a) => a.must.flatMap((item) => item.terms)));
}
