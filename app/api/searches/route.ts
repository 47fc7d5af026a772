import { readJson } from '@/lib/server/http/body';
import { route } from '@/lib/server/http/route';
import { listSavedSearches, saveSearch } from '@/lib/server/search/saved-searches';
import { savedSearchInputSchema } from '@/lib/search/saved-search';

/** The caller's saved searches: `{items: [{id, name, query, createdAt}]}`. */
export const GET = route({ auth: 'required' }, async ({ user }) => ({ items: await listSavedSearches(user.id) }));

/** Saves `{name, query}` (query: the /claims query string) -> 201; a name in use -> 409. */
export const POST = route({ auth: 'required' }, async ({ req, user }) => {
  const input = await readJson(req, savedSearchInputSchema);
  return Response.json({ search: await saveSearch(user.id, input) }, { status: 201 });
});
