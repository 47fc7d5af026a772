import type { Db } from '../db/client';

/** fulltext: the words matched; fuzzy: they matched nothing and were corrected; browse: no query, facets only. */
export type SearchMode = 'fulltext' | 'fuzzy' | 'browse';

/**
 * A dictionary word at least this similar (pg_trgm trigram similarity) to a query word can stand
 * for it: "alignmnet" ~ "alignment" scores 0.5, "specfication" ~ "specification" 0.71, while
 * unrelated words of similar length stay under 0.25.
 */
export const FUZZY_THRESHOLD = 0.4;

/** Query words: letters and digits with inner hyphens or apostrophes, lower-cased. */
export function queryWords(q: string): string[] {
  return [...new Set(q.toLowerCase().match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? [])].slice(0, 20);
}

/**
 * Spelling correction against the words that occur in claims and notes (the SearchWord
 * dictionary): each query word is replaced by its most similar dictionary word. Returns the
 * corrected query, or null when no word has a better spelling (the query is kept as it is).
 */
export async function correctQuery(db: Db, q: string): Promise<string | null> {
  const words = queryWords(q);
  if (words.length === 0) return null;
  // `%` (trigram similarity above pg_trgm's threshold, 0.3 by default) finds candidates through
  // the trigram index; the explicit bound keeps those at FUZZY_THRESHOLD or more — one statement,
  // no transaction needed to set the threshold.
  const rows = await db.$queryRaw<{ input: string; best: string | null }[]>`
    SELECT w.input,
           (SELECT s."word" FROM "SearchWord" s WHERE s."word" % w.input AND similarity(s."word", w.input) >= ${FUZZY_THRESHOLD}
            ORDER BY similarity(s."word", w.input) DESC, s."word" LIMIT 1) AS best
    FROM unnest(${words}::text[]) AS w(input)`;
  let corrected = q;
  let changed = false;
  for (const { input, best } of rows) {
    if (!best || best === input) continue;
    changed = true;
    corrected = corrected.replace(
      new RegExp(`(?<![\\p{L}\\p{N}])${input.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'giu'),
      best,
    );
  }
  return changed ? corrected : null;
}
