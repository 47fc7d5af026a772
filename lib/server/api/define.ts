import type { OpenAPIHono, RouteConfig, RouteConfigToEnv, RouteHandler } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import { MAX_JSON_BYTES, readJsonBody } from '../http/body';
import type { ApiEnv } from './context';
import { errorSchema } from './schemas';

/** The API's routes as `handle` registers them: one Hono app per resource file, mounted in app.ts. */
export type ApiRoutes = OpenAPIHono<ApiEnv>;

const bodyLimits = new WeakMap<object, number>();

/** A required JSON body validated by `schema`, of at most `limit` bytes (413 beyond). */
export function jsonBody<T extends z.ZodType>(schema: T, description: string, limit = MAX_JSON_BYTES) {
  const body = { required: true, description, content: { 'application/json': { schema } } };
  bodyLimits.set(body, limit);
  return body;
}

/**
 * Reads a JSON body strictly (readJsonBody: media type, size, UTF-8, NUL, syntax — each its own
 * error) before the route's validator parses it from the text kept here.
 */
function readsJson(limit: number): MiddlewareHandler {
  return async (c, next) => {
    const { text } = await readJsonBody(c.req.raw, limit);
    // Hono keeps each body reading as a promise (its type says the value): its json() parses this text.
    c.req.bodyCache.text = Promise.resolve(text) as unknown as string;
    await next();
  };
}

/**
 * Registers a route of the API: described in the OpenAPI document by `route`, validated by its
 * schemas, answered by `handler`. A JSON body (jsonBody) is read strictly, within its limit, first.
 */
export function handle<R extends RouteConfig>(
  app: ApiRoutes,
  route: R,
  handler: RouteHandler<R, RouteConfigToEnv<R> & ApiEnv>,
): void {
  const limit = route.request?.body ? bodyLimits.get(route.request.body) : undefined;
  const middleware = [route.middleware ?? []].flat() as MiddlewareHandler[];
  const served = limit === undefined ? route : { ...route, middleware: [...middleware, readsJson(limit)] };
  app.openapi(served as R, handler as never);
}

/** A 200 (or other) answer of JSON described by `schema`. */
export function jsonAnswer<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

const PROBLEMS = {
  400: 'The input is malformed; the message names the parameter or field at fault.',
  401: 'Not signed in.',
  403: 'Signed in, but not allowed to do this (or a cross-site request).',
  404: 'What the path names does not exist.',
  409: 'A conflict with what is stored: a stale version, a name in use.',
  410: 'What the path or body names was real and is no more (an expired or revoked invite).',
  413: 'The body is over its size limit.',
  415: 'The body is not of a media type this route takes.',
  422: 'Well-formed input the app cannot use (an empty thread, an unreadable document).',
  429: 'Too many attempts; Retry-After says when to try again.',
  503: 'The database is unavailable; Retry-After says when to try again.',
} as const;

type ProblemStatus = keyof typeof PROBLEMS;

/** The error answers a route can give, each `{error: {code, message, field?}}`. */
export function problems<S extends ProblemStatus>(...statuses: S[]) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      { description: PROBLEMS[status], content: { 'application/json': { schema: errorSchema } } },
    ]),
  ) as unknown as {
    [K in S]: { description: string; content: { 'application/json': { schema: typeof errorSchema } } };
  };
}

/** The session cookie next-auth sets on sign-in, as the OpenAPI document names it. */
export const SIGNED_IN = [{ session: [] }];
