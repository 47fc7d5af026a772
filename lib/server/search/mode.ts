import type { Prisma } from '@/lib/generated/prisma/client';

/** fulltext: the words matched; fuzzy: they matched nothing, typos tried; browse: no query, facets only. */
export type SearchMode = 'fulltext' | 'fuzzy' | 'browse';

/**
 * Words at least this close to a query word (pg_trgm word similarity) count as a typo of it:
 * "alignmnet" ~ "alignment" scores 0.5, while unrelated words of similar length stay under 0.3.
 */
export const FUZZY_THRESHOLD = 0.45;

/** Sets the transaction up for its mode (the trigram threshold is a setting, read by the index). */
export async function prepareMode(tx: Prisma.TransactionClient, mode: SearchMode) {
  if (mode === 'fuzzy') await tx.$executeRawUnsafe(`SET LOCAL pg_trgm.word_similarity_threshold = ${FUZZY_THRESHOLD}`);
}
