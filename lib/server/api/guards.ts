import { createMiddleware } from 'hono/factory';
import { sessionUser } from '../auth/session';
import { forbidden, unauthorized } from '../http/errors';
import { publicOrigin } from '../public-origin';
import { enforce, type RateRule } from '../rate-limit';
import { type ApiEnv, clientAddressOf, type SignedInEnv } from './context';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A browser sends Origin on every cross-site request; a mutation whose Origin is not this site's
 * public origin (lib/server/public-origin.ts) is refused (CSRF). The request's own Host and
 * X-Forwarded-Host say nothing: a client chooses them. Requests without Origin (curl,
 * server-to-server) carry no ambient browser credentials.
 */
export const sameOrigin = createMiddleware<ApiEnv>(async (c, next) => {
  if (!SAFE_METHODS.has(c.req.method)) {
    const origin = c.req.header('origin');
    if (origin !== undefined && origin !== siteOrigin() && originOf(origin) !== siteOrigin())
      throw forbidden(`Cross-site request from ${origin} refused.`);
  }
  await next();
});

let site: string | undefined;
const siteOrigin = () => (site ??= new URL(publicOrigin()).origin);
const originOf = (value: string) => (URL.canParse(value) ? new URL(value).origin : null);

/** The reader the session cookie names (a signed next-auth JWT), or null; no database round trip. */
export const session = createMiddleware<ApiEnv>(async (c, next) => {
  c.set('user', await sessionUser(c.req.raw.headers));
  await next();
});

/** Routes for signed-in readers: anonymous requests get 401 before any input is read. */
export const signedIn = createMiddleware<ApiEnv & SignedInEnv>(async (c, next) => {
  if (!c.get('user')) throw unauthorized();
  await next();
});

/** Counts the request against `rule` for its client address (429 with Retry-After beyond), before any input is read. */
export function limitedPerClient(rule: RateRule) {
  return createMiddleware<ApiEnv>(async (c, next) => {
    await enforce(rule, clientAddressOf(c));
    await next();
  });
}
