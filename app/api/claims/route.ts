import { readQuery } from '@/lib/server/http/body';
import { route } from '@/lib/server/http/route';
import { searchAnswer } from '@/lib/server/search/search-claims';
import { searchParamsSchema } from '@/lib/search/search-params';

/** Search tagged claims: full text (typo-tolerant) and combinable facets, keyset-paginated. */
export const GET = route(async ({ url, user }) => {
  const params = readQuery(url, searchParamsSchema);
  return searchAnswer(params, user?.id ?? null);
});
