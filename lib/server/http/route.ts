import { type SessionUser, sessionUser } from '../auth/session';
import { toApiError } from '../db/errors';
import { log } from '../log';
import { errorResponse, forbidden, internalError, unauthorized } from './errors';

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
 * A handler returns a Response, or data that is sent as JSON.
 */
export function route<P = Record<string, never>>(handler: Handler<P, SessionUser | null>): (req: Request, context: NextContext<P>) => Promise<Response>;
export function route<P = Record<string, never>>(options: { auth: 'required' }, handler: Handler<P, SessionUser>): (req: Request, context: NextContext<P>) => Promise<Response>;
export function route<P = Record<string, never>>(options: RouteOptions, handler: Handler<P, SessionUser | null>): (req: Request, context: NextContext<P>) => Promise<Response>;
export function route<P>(
  first: RouteOptions | Handler<P, SessionUser | null>,
  second?: Handler<P, SessionUser>,
): (req: Request, context: NextContext<P>) => Promise<Response> {
  const options: RouteOptions = typeof first === 'function' ? {} : first;
  const handler = (typeof first === 'function' ? first : second) as Handler<P, SessionUser | null>;
  return async (req: Request, context: NextContext<P>): Promise<Response> => {
    const url = new URL(req.url);
    try {
      checkOrigin(req, url);
      const params = (await context?.params) ?? ({} as P);
      const user = await sessionUser(req.headers);
      if (options.auth === 'required' && !user) throw unauthorized();
      const result = await handler({ req, url, params, user });
      return result instanceof Response ? result : Response.json(result);
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
}
