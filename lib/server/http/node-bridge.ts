import type { IncomingMessage, ServerResponse } from 'node:http';
import { log } from '../log';
import { MAX_JSON_BYTES } from './body';
import { errorResponse, internalError } from './errors';
import { gzipBody, PreparedJson } from './prepared-json';
import { ANSWER, type RouteAnswer } from './route';

/** A route handler as an App Router route file exports it; one made by `route()` also has its answering form (see ANSWER). */
export type WebHandler<P = Record<string, string>> = ((
  req: Request,
  context: { params: Promise<P> },
) => Promise<Response>) & {
  [ANSWER]?: (req: Request, context: { params: Promise<P> }) => Promise<RouteAnswer>;
};

/** A route the production server hands straight to its route file's handler (scripts/serve.ts). */
export interface DirectRoute {
  method: string;
  /** Matches the path only; named groups become the route's params (URL-decoded). */
  path: RegExp;
  handler: WebHandler;
}

export interface DirectMatch {
  handler: WebHandler;
  params: Record<string, string>;
}

/** The direct route for this request, or undefined when Next.js should serve it. */
export function findDirectRoute(
  routes: readonly DirectRoute[],
  method: string | undefined,
  rawUrl: string | undefined,
): DirectMatch | undefined {
  if (!method || !rawUrl) return undefined;
  const query = rawUrl.indexOf('?');
  const pathname = query < 0 ? rawUrl : rawUrl.slice(0, query);
  for (const route of routes) {
    if (route.method !== method) continue;
    const match = route.path.exec(pathname);
    if (!match) continue;
    const params: Record<string, string> = {};
    try {
      for (const [name, value] of Object.entries(match.groups ?? {})) params[name] = decodeURIComponent(value);
    } catch {
      return undefined; // a malformed escape: Next.js answers it as it would any other bad path
    }
    return { handler: route.handler, params };
  }
  return undefined;
}

/**
 * Reads the body into memory, up to `limit + 1` bytes: enough for the handler's own size check to
 * refuse an oversized body with 413, without holding more of it. The rest is read and dropped so
 * the connection can carry the answer.
 */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer<ArrayBuffer>> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      if (size > limit) return;
      const room = limit + 1 - size;
      const kept = chunk.byteLength > room ? chunk.subarray(0, room) : chunk;
      chunks.push(kept);
      size += kept.byteLength;
    });
    req.on('end', () => resolve(Buffer.concat(chunks, size)));
    req.on('error', reject);
  });
}

/** Bodies smaller than this go uncompressed: gzip would save a few bytes for more CPU than it is worth. */
const GZIP_MIN_BYTES = 1024;

async function writeResponse(
  req: IncomingMessage,
  res: ServerResponse,
  answer: RouteAnswer,
  extraHeaders: Record<string, string>,
): Promise<void> {
  for (const [name, value] of Object.entries(extraHeaders)) res.setHeader(name, value);
  let body: Buffer | undefined;
  let encoded = false;
  let vary: string | null = null;
  if (answer instanceof PreparedJson) {
    // Sent as the bytes it was serialised to, once, and gzipped once.
    body = answer.bytes;
    res.statusCode = 200;
    res.setHeader('content-type', 'application/json');
  } else {
    body = answer.body ? Buffer.from(await answer.arrayBuffer()) : undefined;
    res.statusCode = answer.status;
    const cookies = answer.headers.getSetCookie();
    for (const [name, value] of answer.headers) if (name !== 'set-cookie') res.setHeader(name, value);
    if (cookies.length) res.setHeader('set-cookie', cookies);
    vary = answer.headers.get('vary');
    encoded = answer.headers.has('content-encoding');
  }
  res.setHeader('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
  if (body && body.byteLength >= GZIP_MIN_BYTES && !encoded && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
    body = answer instanceof PreparedJson ? await answer.gzip() : await gzipBody(body);
    res.setHeader('content-encoding', 'gzip');
  }
  if (body) res.setHeader('content-length', body.byteLength);
  res.end(body);
}

/**
 * Serves a Node.js request with a Web route handler: the request becomes a `Request` (body read up
 * to the JSON limit), the handler's `Response` is written back with `extraHeaders` added — the
 * headers next.config.js puts on every response — and gzipped, as Next.js would, when the client
 * takes gzip and the body is over 1 KiB. The handler answers its own errors (`route()`);
 * anything that escapes is answered 500 in the same JSON shape.
 */
export async function serveDirect(
  req: IncomingMessage,
  res: ServerResponse,
  match: DirectMatch,
  extraHeaders: Record<string, string>,
): Promise<void> {
  try {
    const headers = new Headers();
    for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i], req.rawHeaders[i + 1]);
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
    const body = hasBody ? await readBody(req, MAX_JSON_BYTES) : undefined;
    const url = `http://${req.headers.host ?? 'localhost'}${req.url}`;
    const request = new Request(url, { method: req.method, headers, body: body?.byteLength ? body : undefined });
    const context = { params: Promise.resolve(match.params) };
    const answering = match.handler[ANSWER];
    await writeResponse(
      req,
      res,
      answering ? await answering(request, context) : await match.handler(request, context),
      extraHeaders,
    );
  } catch (error) {
    if (req.destroyed && !req.complete) {
      res.destroy(); // the client went away mid-request: nobody to answer
      return;
    }
    log.error({ err: error, path: req.url, method: req.method }, 'unhandled error serving a direct route');
    if (res.headersSent) {
      res.destroy();
      return;
    }
    await writeResponse(req, res, errorResponse(internalError()), extraHeaders);
  }
}
