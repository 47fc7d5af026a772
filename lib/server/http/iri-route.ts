import { siteIri } from '@/lib/export/w3c-iris';
import { publicOrigin } from '../public-origin';
import { prefersHtml } from './accept';
import { toApiError } from '../db/errors';
import { log } from '../log';
import { errorResponse, internalError, notFound } from './errors';
import { annotationJsonLd, htmlNotFound, seeOther } from './linked-data';

/** What one of this site's IRIs answers: the page a person reads it on, and (for data clients) its JSON-LD. */
export interface IriAnswer {
  page: string;
  document?: unknown;
}

/**
 * A route handler for an IRI the site writes into its exports, so that every such IRI resolves:
 * a browser is sent on to the page (303), a Web Annotation client gets the JSON-LD; what is not
 * here is a 404 in the form each asked for. Every address comes from the public origin, never
 * from the request's Host.
 */
export function iriRoute<P>(
  what: string,
  resolve: (params: P, url: URL, origin: string, req: Request) => Promise<IriAnswer | null>,
) {
  return async (req: Request, context: { params: Promise<P> }): Promise<Response> => {
    const url = new URL(req.url);
    try {
      const origin = publicOrigin();
      const html = prefersHtml(req.headers.get('accept'));
      const answer = await resolve(await context.params, url, origin, req);
      if (!answer) {
        const message = `${what} is not here: it was deleted, or never existed.`;
        if (html) return htmlNotFound(message, siteIri(origin));
        throw notFound(message);
      }
      return html || answer.document === undefined ? seeOther(answer.page) : annotationJsonLd(answer.document);
    } catch (error) {
      const apiError = toApiError(error);
      if (apiError) return errorResponse(apiError);
      log.error({ err: error, path: url.pathname }, 'unhandled error answering an IRI');
      return errorResponse(internalError());
    }
  };
}
