import { queryReader } from '@/lib/server/http/body';
import { route } from '@/lib/server/http/route';
import { searchAnswer } from '@/lib/server/search/search-claims';
import { searchParamsSchema } from '@/lib/search/search-params';

const readSearch = queryReader(searchParamsSchema);

/** Search tagged claims: full text (typo-tolerant) and combinable facets, keyset-paginated. */
export const GET = route(async ({ url, user }) => {
  const params = readSearch(url);
  return searchAnswer(params, user?.id ?? null);
});
