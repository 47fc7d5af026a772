import { toApiError } from '../db/errors';
import { log } from '../log';
import { ApiError, errorResponse, forbidden } from './errors';

export interface RouteContext<P> {
  req: Request;
  url: URL;
  params: P;
}

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
export function route<P = Record<string, never>>(handler: (ctx: RouteContext<P>) => Promise<unknown>) {
  return async (req: Request, context: NextContext<P>): Promise<Response> => {
    const url = new URL(req.url);
    try {
      checkOrigin(req, url);
      const params = (await context?.params) ?? ({} as P);
      const result = await handler({ req, url, params });
      return result instanceof Response ? result : Response.json(result);
    } catch (error) {
      const apiError = toApiError(error);
      if (apiError) {
        if (apiError.status >= 500) log.warn({ path: url.pathname, code: apiError.code }, apiError.message);
        return errorResponse(apiError);
      }
      log.error({ err: error, path: url.pathname, method: req.method }, 'unhandled error in route');
      return errorResponse(new ApiError('internal', 'Something went wrong on our side; the error was logged.'));
    }
  };
}
