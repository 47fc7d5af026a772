import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import securityHeaders from '../http/security-headers.json';
import { publicOrigin } from '../public-origin';
import { annotations } from './annotations';
import { gzipAnswers } from './answers';
import type { ApiEnv } from './context';
import { cruxes } from './cruxes';
import { handle, jsonAnswer } from './define';
import { groups } from './groups';
import { sameOrigin, session } from './guards';
import { health } from './health';
import { inboxRoutes } from './inbox';
import { answerError, answerNotFound, rejectInvalid } from './problems';
import { replies } from './replies';
import { search } from './search';
import { tags } from './tags';
import { threadClaims } from './thread-claims';
import { threadEvents } from './thread-events';
import { threads } from './threads';
import { users } from './users';

/**
 * The JSON API: every route under /api except next-auth's /api/auth/*, one Hono app defined once
 * and loaded once, mounted by the server (scripts/serve.ts) and called in-process by the tests.
 * Every answer carries the site's security headers; a mutation from another site is refused;
 * every error is `{error: {code, message, field?}}`.
 */
export const api = new OpenAPIHono<ApiEnv>({ defaultHook: rejectInvalid }).basePath('/api');

api.use(async (c, next) => {
  await next();
  for (const { key, value } of securityHeaders) c.res.headers.set(key, value);
});
api.use(gzipAnswers, sameOrigin, session);
api.onError(answerError);
api.notFound(answerNotFound);

for (const resource of [
  health,
  users,
  threads,
  threadClaims,
  threadEvents,
  tags,
  search,
  cruxes,
  annotations,
  groups,
  replies,
  inboxRoutes,
]) {
  api.route('/', resource);
}

api.openAPIRegistry.registerComponent('securitySchemes', 'session', {
  type: 'apiKey',
  in: 'cookie',
  name: 'next-auth.session-token',
  description:
    'The session cookie set by signing in (POST /api/auth/callback/credentials, next-auth); `__Secure-next-auth.session-token` under https.',
});

let document: object | undefined;

/** The OpenAPI 3.1 document of this API, generated from the routes' own schemas once per process. */
export function apiDocument(): object {
  document ??= api.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: 'Crux Reader API',
      version: '1',
      description:
        'Threads, claims and tags, search and crux summaries. Errors are `{error: {code, message, field?}}`. Mutations from a browser must come from this site (Origin).',
    },
    servers: [{ url: publicOrigin() }],
  });
  return document;
}

handle(
  api,
  createRoute({
    method: 'get',
    path: '/openapi.json',
    tags: ['API'],
    summary: 'This document',
    responses: { 200: jsonAnswer(z.looseObject({ openapi: z.literal('3.1.0') }), 'The OpenAPI 3.1 document.') },
  }),
  (c) => c.json(apiDocument() as { openapi: '3.1.0' }, 200),
);
