import { z } from 'zod';
import { queryRecord } from '@/lib/url/query-record';
import { searchParamsSchema } from './search-params';

export const MAX_SAVED_SEARCHES = 100;

/** What a saved search stores: a name, and the search's query string (the URL of /claims). */
export const savedSearchInputSchema = z.object({
  name: z
    .string({ error: 'name is required: what to call this search.' })
    .trim()
    .min(1, 'name cannot be empty.')
    .max(80, 'name is at most 80 characters.'),
  query: z
    .string({ error: 'query is required: the search as a query string, e.g. "q=mesa&axis=inner".' })
    .max(2_000, 'query is at most 2,000 characters.'),
});

export type SavedSearchInput = z.infer<typeof savedSearchInputSchema>;

export interface SavedSearchView {
  id: string;
  name: string;
  query: string;
  createdAt: string;
}

/**
 * The query string to keep for a search: empty fields and the page cursor dropped (a saved search
 * starts at its first page), a leading "?" or a whole /claims URL accepted. Returns the problem
 * (naming the parameter) when the search itself is not valid.
 */
export function normaliseSearchQuery(raw: string): { query: string } | { problem: string; field: string } {
  const text = raw
    .trim()
    .replace(/^.*?\/claims\?/, '')
    .replace(/^\?/, '');
  const kept = new URLSearchParams(
    [...new URLSearchParams(text)].filter(([key, value]) => key !== 'cursor' && value.trim() !== ''),
  );
  const unknown = [...kept.keys()].find((key) => !(key in searchParamsSchema.shape));
  if (unknown) return { problem: `${unknown} is not a search parameter.`, field: 'query' };
  const parsed = searchParamsSchema.safeParse(queryRecord(kept));
  if (!parsed.success) return { problem: parsed.error.issues[0].message, field: 'query' };
  return { query: kept.toString() };
}
