import { type SessionUser, sessionUser } from '../auth/session';
import { toApiError } from '../db/errors';
import { log } from '../log';
import { errorResponse, forbidden, internalError, unauthorized } from './errors';
import { PreparedJson } from './prepared-json';

export interface RouteContext<P, U = SessionUser | null> {
  req: Request;
  url: URL;
  params: P;
  user: U;
}

interface RouteOptions {
  /** 'required': anonymous requests get 401 before the handler runs. */
  auth?: 'required' | 'optional';
}

type Handler<P, U> = (ctx: RouteContext<P, U>) => Promise<unknown>;

type NextContext<P> = { params: Promise<P> };

/**
 * The key of a route handler's other form, which answers a prepared JSON answer (PreparedJson) as
 * it is instead of wrapping it in a `Response`: the production server calls that form for its
 * direct routes (node-bridge.ts), since building a `Response` around a 17 kB body costs ~95 µs
 * (undici copies it into a stream) against ~3 µs for one without. A symbol from the global
 * registry: the server and the Next.js bundle hold separate copies of this module.
 */
export const ANSWER = Symbol.for('crux-reader.route.answer');

/** What the answering form of a route handler gives: a response, or a prepared JSON answer to send with status 200. */
export type RouteAnswer = Response | PreparedJson;

export type RouteHandler<P> = ((req: Request, context: NextContext<P>) => Promise<Response>) & {
  [ANSWER]: (req: Request, context: NextContext<P>) => Promise<RouteAnswer>;
};

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A browser sends Origin on every cross-site request; a mutation from another site is refused
 * (CSRF). Requests without Origin (curl, server-to-server) carry no ambient browser credentials.
 */
function checkOrigin(req: Request, url: URL) {
  if (SAFE_METHODS.has(req.method)) return;
  const origin = req.headers.get('origin');
  if (!origin || origin === 'null') {
    if (origin === 'null') throw forbidden('Cross-site request refused (Origin: null).');
    return;
  }
  const host = req.headers.get('x-forwarded-host') ?? req.headers.get('host') ?? url.host;
  if (new URL(origin).host !== host) throw forbidden(`Cross-site request from ${origin} refused.`);
}

/**
 * The one wrapper every route handler goes through: CSRF check, then the handler, then every
 * error turned into `{error: {code, message}}` with its status — never a stack trace.
 * A handler returns a Response, a PreparedJson, or data that is sent as JSON.
 */
export function route<P = Record<string, never>>(handler: Handler<P, SessionUser | null>): RouteHandler<P>;
export function route<P = Record<string, never>>(
  options: { auth: 'required' },
  handler: Handler<P, SessionUser>,
): RouteHandler<P>;
export function route<P = Record<string, never>>(
  options: RouteOptions,
  handler: Handler<P, SessionUser | null>,
): RouteHandler<P>;
export function route<P>(
  first: RouteOptions | Handler<P, SessionUser | null>,
  second?: Handler<P, SessionUser>,
): RouteHandler<P> {
  const options: RouteOptions = typeof first === 'function' ? {} : first;
  const handler = (typeof first === 'function' ? first : second) as Handler<P, SessionUser | null>;
  const answer = async (req: Request, context: NextContext<P>): Promise<RouteAnswer> => {
    const url = new URL(req.url);
    try {
      checkOrigin(req, url);
      const params = (await context?.params) ?? ({} as P);
      const user = await sessionUser(req.headers);
      if (options.auth === 'required' && !user) throw unauthorized();
      const result = await handler({ req, url, params, user });
      return result instanceof Response || result instanceof PreparedJson ? result : Response.json(result);
    } catch (error) {
      const apiError = toApiError(error);
      if (apiError) {
        if (apiError.status >= 500) log.warn({ path: url.pathname, code: apiError.code }, apiError.message);
        return errorResponse(apiError);
      }
      log.error({ err: error, path: url.pathname, method: req.method }, 'unhandled error in route');
      return errorResponse(internalError());
    }
  };
  const respond = async (req: Request, context: NextContext<P>): Promise<Response> => {
    const answered = await answer(req, context);
    return answered instanceof PreparedJson ? answered.toResponse() : answered;
  };
  return Object.assign(respond, { [ANSWER]: answer });
}
