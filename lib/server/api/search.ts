import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { savedSearchInputSchema } from '@/lib/search/saved-search';
import { searchParamsSchema } from '@/lib/search/search-params';
import { deleteSavedSearch, listSavedSearches, saveSearch } from '../search/saved-searches';
import { searchAnswer } from '../search/search-claims';
import type { SearchResult } from '../search/search-engine';
import { preparedAnswer } from './answers';
import type { ApiEnv } from './context';
import { handle, jsonAnswer, jsonBody, problems, SIGNED_IN } from './define';
import { signedIn } from './guards';
import { savedSearchParams } from './params';
import { savedSearchSchema, searchResultSchema } from './schemas';

/** Search over tagged claims, and each reader's saved searches. */
export const search = new OpenAPIHono<ApiEnv>();

handle(
  search,
  createRoute({
    method: 'get',
    path: '/claims',
    tags: ['Search'],
    summary: 'Search tagged claims',
    description:
      'Full text (websearch syntax, typo-tolerant: a query that matches nothing is corrected) and facets that combine, keyset-paginated by `cursor`. List parameters repeat (`axis=a&axis=b`) or take commas. `confidenceOf=mine` with a confidence bound needs a signed-in reader (401 otherwise).',
    request: { query: searchParamsSchema },
    responses: {
      200: jsonAnswer(
        searchResultSchema,
        'One page of hits, the facet counts of the whole result, and the next page’s cursor.',
      ),
      ...problems(400, 401, 503),
    },
  }),
  async (c) => preparedAnswer<SearchResult>(c, await searchAnswer(c.req.valid('query'), c.get('user')?.id ?? null)),
);

handle(
  search,
  createRoute({
    method: 'get',
    path: '/searches',
    tags: ['Search'],
    summary: 'Your saved searches',
    security: SIGNED_IN,
    middleware: [signedIn] as const,
    responses: {
      200: jsonAnswer(z.object({ items: z.array(savedSearchSchema) }), 'By name.'),
      ...problems(401, 503),
    },
  }),
  async (c) => c.json({ items: await listSavedSearches(c.get('user').id) }, 200),
);

handle(
  search,
  createRoute({
    method: 'post',
    path: '/searches',
    tags: ['Search'],
    summary: 'Save a search under a name',
    description:
      '`query` is the search as a query string (or a whole /claims URL); its page cursor is dropped. A name in use is a 409.',
    security: SIGNED_IN,
    middleware: [signedIn] as const,
    request: { body: jsonBody(savedSearchInputSchema, '`{name, query}`') },
    responses: {
      201: jsonAnswer(z.object({ search: savedSearchSchema }), 'The saved search.'),
      ...problems(400, 401, 409, 413, 415, 503),
    },
  }),
  async (c) => c.json({ search: await saveSearch(c.get('user').id, c.req.valid('json')) }, 201),
);

handle(
  search,
  createRoute({
    method: 'delete',
    path: '/searches/{id}',
    tags: ['Search'],
    summary: 'Delete one of your saved searches',
    description: 'Saved searches are private: someone else’s is as absent as a missing one (404).',
    security: SIGNED_IN,
    middleware: [signedIn] as const,
    request: { params: savedSearchParams },
    responses: {
      200: jsonAnswer(z.object({ deleted: z.literal(true) }), 'Deleted.'),
      ...problems(401, 404, 503),
    },
  }),
  async (c) => {
    await deleteSavedSearch(c.get('user').id, c.req.valid('param').id);
    return c.json({ deleted: true as const }, 200);
  },
);
