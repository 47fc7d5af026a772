import type { z } from 'zod';
import { queryRecord } from '@/lib/url/query-record';
import { ApiError, badRequest, payloadTooLarge } from './errors';

export const MAX_JSON_BYTES = 1024 * 1024;

/**
 * Reads at most `limit` bytes of the body; more is a 413, not a memory spike. A body of declared
 * length (the usual case) is read whole: the HTTP parser holds it to that length, and reading it
 * without a stream skips building one (a measurable share of a small request; decision 018). A chunked
 * body is read as a stream and cut off at the limit.
 */
export async function readBodyBytes(req: Request, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = req.headers.get('content-length');
  if (declared !== null) {
    if (Number(declared) > limit)
      throw payloadTooLarge(`Request body is ${declared} bytes; the limit is ${limit} bytes.`);
    return new Uint8Array(await req.arrayBuffer());
  }
  if (!req.body) return new Uint8Array();
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw payloadTooLarge(`Request body is over the limit of ${limit} bytes.`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** The first problem, named by its path (`tags.2.axis`), or only the parameter name for a query string. */
export function zodIssueToError(error: z.ZodError, depth = Number.POSITIVE_INFINITY): ApiError {
  const issue = error.issues[0];
  const field = issue?.path.length ? issue.path.slice(0, depth).join('.') : undefined;
  const where = field ? `${field}: ` : '';
  return badRequest(`${where}${issue?.message ?? 'invalid input'}`, field);
}

/**
 * The body of a JSON request, read strictly: JSON's media type (415 otherwise), at most `limit`
 * bytes (413), valid UTF-8 and no NUL character (400), syntactically JSON (400 naming where it
 * breaks). Gives the text and the value parsed from it.
 */
export async function readJsonBody(req: Request, limit = MAX_JSON_BYTES): Promise<{ text: string; value: unknown }> {
  const type = req.headers.get('content-type') ?? '';
  if (!/^application\/(.+\+)?json\b/i.test(type)) {
    throw new ApiError(
      'unsupported_media_type',
      `Send JSON with Content-Type: application/json (got "${type || 'none'}").`,
    );
  }
  const bytes = await readBodyBytes(req, limit);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw badRequest('Request body is not valid UTF-8.');
  }
  if (text.includes('\u0000')) throw badRequest('Request body contains a NUL character.');
  try {
    return { text, value: JSON.parse(text) };
  } catch (error) {
    throw badRequest(`Request body is not valid JSON: ${(error as Error).message}`);
  }
}

/** A JSON body read strictly (readJsonBody) and validated against `schema`. */
export async function readJson<T>(req: Request, schema: z.ZodType<T>, limit = MAX_JSON_BYTES): Promise<T> {
  const result = schema.safeParse((await readJsonBody(req, limit)).value);
  if (!result.success) throw zodIssueToError(result.error);
  return result.data;
}

/** A URL's query parameters read with `schema`; the first problem is a 400 naming the parameter. */
export function readQuery<T>(url: URL, schema: z.ZodType<T>): T {
  const result = schema.safeParse(queryRecord(url.searchParams));
  if (!result.success) throw zodIssueToError(result.error, 1);
  return result.data;
}
