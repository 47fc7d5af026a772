import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { claimInputSchema } from '@/lib/claims/claim-schema';
import { claimSummaries, claimView, claimViews } from '../claims/claim-views';
import { createClaim } from '../claims/create-claim';
import { claimTagHistory } from '../claims/tag-history';
import { groupQuery } from '@/lib/groups/group-schema';
import { assertClaimVisible, layerOf } from '../groups/layer';
import { notFound } from '../http/errors';
import { getThreadOrThrow } from '../threads/find-thread';
import type { ApiEnv } from './context';
import { handle, jsonAnswer, jsonBody, problems, SIGNED_IN } from './define';
import { signedIn } from './guards';
import { claimParams, threadParams } from './params';
import { claimSchema, claimSummaryListSchema, tagRevisionSchema } from './schemas';

/** Claims: a thread's, one by id, and a new one on a span of a passage. */
export const threadClaims = new OpenAPIHono<ApiEnv>();

handle(
  threadClaims,
  createRoute({
    method: 'get',
    path: '/threads/{slug}/claims',
    tags: ['Claims'],
    summary: 'Every tagged claim of a thread, with every live tag',
    request: {
      params: threadParams,
      query: z.object({
        orphans: z
          .enum(['0', '1'], { error: 'orphans must be 0 or 1.' })
          .optional()
          .openapi({ description: '1: the claims that lost their anchor in a newer revision instead.' }),
        group: groupQuery,
      }),
    },
    responses: {
      200: jsonAnswer(z.object({ claims: z.array(claimSchema) }), 'In reading order.'),
      ...problems(400, 404, 503),
    },
  }),
  async (c) => {
    const { orphans, group } = c.req.valid('query');
    const groupId = await layerOf(group, c.get('user'));
    const thread = await getThreadOrThrow(c.req.valid('param').slug);
    const claims = await claimViews({ threadId: thread.id, orphan: orphans === '1', groupId });
    return c.json({ claims }, 200);
  },
);

handle(
  threadClaims,
  createRoute({
    method: 'get',
    path: '/threads/{slug}/claims/summary',
    tags: ['Claims'],
    summary: 'A thread’s tagged claims in summary, as the reader lists them',
    description:
      'Every tagged claim of the layer (orphans too) with its span and each live tag’s axis, confidence, marks, labels and rendered note; taggers’ names once in `users`. Not the raw notes, times, ids or the quote’s context: `GET /api/claims/{id}` has them. `since` is the thread’s event number the list is as of: an event stream opened with `?since=` it misses nothing and repeats nothing.',
    request: { params: threadParams, query: z.object({ group: groupQuery }) },
    responses: {
      200: jsonAnswer(claimSummaryListSchema, 'In reading order.'),
      ...problems(400, 404, 503),
    },
  }),
  async (c) => {
    const groupId = await layerOf(c.req.valid('query').group, c.get('user'));
    const thread = await getThreadOrThrow(c.req.valid('param').slug);
    return c.json(await claimSummaries(thread.id, groupId), 200);
  },
);

handle(
  threadClaims,
  createRoute({
    method: 'post',
    path: '/threads/{slug}/claims',
    tags: ['Claims'],
    summary: 'Anchor a claim on a span of a passage',
    description:
      'The span is checked against the passage text (empty, outside, or `exact` not standing there: 422). The same span is one claim whoever selects it: asking again answers the existing claim with 200. `group` puts the claim on that group’s layer (members only; 404 otherwise).',
    security: SIGNED_IN,
    middleware: [signedIn] as const,
    request: {
      params: threadParams,
      body: jsonBody(claimInputSchema, 'TextQuote and TextPosition selectors on one passage (offsets in code points).'),
    },
    responses: {
      201: jsonAnswer(z.object({ claim: claimSchema }), 'The new claim.'),
      200: jsonAnswer(z.object({ claim: claimSchema }), 'The claim on this span, made before.'),
      ...problems(400, 401, 403, 404, 413, 415, 422, 503),
    },
  }),
  async (c) => {
    const { claim, created } = await createClaim(c.req.valid('param').slug, c.get('user'), c.req.valid('json'));
    return created ? c.json({ claim }, 201) : c.json({ claim }, 200);
  },
);

handle(
  threadClaims,
  createRoute({
    method: 'get',
    path: '/claims/{id}',
    tags: ['Claims'],
    summary: 'One claim with its live tags, tagged or not',
    description: 'A claim on a group’s layer is a 404 to anyone but the group’s members.',
    request: { params: claimParams },
    responses: { 200: jsonAnswer(z.object({ claim: claimSchema }), 'The claim.'), ...problems(404, 503) },
  }),
  async (c) => {
    const { id } = c.req.valid('param');
    await assertClaimVisible(id, c.get('user'));
    const claim = await claimView(id);
    if (!claim) throw notFound(`No claim ${id}.`);
    return c.json({ claim }, 200);
  },
);

handle(
  threadClaims,
  createRoute({
    method: 'get',
    path: '/claims/{id}/history',
    tags: ['Claims'],
    summary: 'Every revision of every tag on a claim',
    description:
      'Each edit, delete and restore of each tag, oldest first: how the readers’ views of the claim moved. A claim on a group’s layer is a 404 to anyone but the group’s members.',
    request: { params: claimParams },
    responses: {
      200: jsonAnswer(z.object({ revisions: z.array(tagRevisionSchema) }), 'The revisions.'),
      ...problems(404, 503),
    },
  }),
  async (c) => {
    const { id } = c.req.valid('param');
    // A claim they may not read (another group's layer) has no history for them either.
    await assertClaimVisible(id, c.get('user'));
    return c.json({ revisions: await claimTagHistory(id) }, 200);
  },
);
