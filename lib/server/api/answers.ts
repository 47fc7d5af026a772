import type { Context, MiddlewareHandler } from 'hono';
import type { TypedResponse } from 'hono';
import { gzipBody, type PreparedJson } from '../http/prepared-json';

/** Bodies smaller than this go uncompressed: gzip would save a few bytes for more CPU than it is worth. */
const GZIP_MIN_BYTES = 1024;
/** What is worth compressing: JSON of any kind and text, except event streams (sent as they happen). */
const COMPRESSIBLE = /^(application\/([\w.-]+\+)?json|text\/(?!event-stream))/i;

const bytesOf = (buffer: Buffer) =>
  new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength) as Uint8Array<ArrayBuffer>;

const acceptsGzip = (c: Context) => /\bgzip\b/.test(c.req.header('accept-encoding') ?? '');

function varyOnEncoding(headers: Headers) {
  const vary = headers.get('vary');
  if (!vary) headers.set('vary', 'Accept-Encoding');
  else if (!/\baccept-encoding\b/i.test(vary)) headers.set('vary', `${vary}, Accept-Encoding`);
}

/**
 * Answers of 1 KiB and more gzipped (at the fastest level, see prepared-json.ts) for clients that
 * take gzip; answers already encoded (a prepared answer's cached gzip) go as they are.
 */
export const gzipAnswers: MiddlewareHandler = async (c, next) => {
  await next();
  const answer = c.res;
  if (!COMPRESSIBLE.test(answer.headers.get('content-type') ?? '')) return;
  varyOnEncoding(answer.headers);
  if (!acceptsGzip(c) || answer.headers.has('content-encoding') || c.req.method === 'HEAD') return;
  const body = Buffer.from(await answer.arrayBuffer());
  const headers = new Headers(answer.headers);
  c.res = undefined; // replaced, not merged into the old answer
  if (body.byteLength < GZIP_MIN_BYTES) {
    c.res = new Response(bytesOf(body), { status: answer.status, headers });
    return;
  }
  headers.set('content-encoding', 'gzip');
  headers.delete('content-length');
  c.res = new Response(bytesOf(await gzipBody(body)), { status: answer.status, headers });
};

/**
 * A prepared answer (search: serialised once per data version) sent as its bytes, or as its cached
 * gzip. Typed as the JSON it was made from: the caller names that type.
 */
export async function preparedAnswer<T>(
  c: Context,
  answer: PreparedJson,
): Promise<Response & TypedResponse<T, 200, 'json'>> {
  const headers: Record<string, string> = { 'content-type': 'application/json', vary: 'Accept-Encoding' };
  let body: Buffer = answer.bytes;
  if (body.byteLength >= GZIP_MIN_BYTES && acceptsGzip(c)) {
    body = await answer.gzip();
    headers['content-encoding'] = 'gzip';
  }
  return c.body(bytesOf(body), 200, headers) as unknown as Response & TypedResponse<T, 200, 'json'>;
}
