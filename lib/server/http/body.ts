import type { z } from 'zod';
import { queryRecord } from '@/lib/url/query-record';
import { ApiError, badRequest, payloadTooLarge } from './errors';

export const MAX_JSON_BYTES = 1024 * 1024;

/** Reads at most `limit` bytes of the body; more is a 413, not a memory spike. */
export async function readBodyBytes(req: Request, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(req.headers.get('content-length') ?? NaN);
  if (declared > limit) throw payloadTooLarge(`Request body is ${declared} bytes; the limit is ${limit} bytes.`);
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

export async function readJson<T>(req: Request, schema: z.ZodType<T>, limit = MAX_JSON_BYTES): Promise<T> {
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
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw badRequest(`Request body is not valid JSON: ${(error as Error).message}`);
  }
  const result = schema.safeParse(data);
  if (!result.success) throw zodIssueToError(result.error);
  return result.data;
}

export function readQuery<T>(url: URL, schema: z.ZodType<T>): T {
  const result = schema.safeParse(queryRecord(url.searchParams));
  if (!result.success) throw zodIssueToError(result.error, 1);
  return result.data;
}

/**
 * `readQuery` for a route asked the same questions again and again (search): each query string
 * is parsed once and its parameters kept (the last `size` strings, least recently used out; bad
 * ones are never kept, so they fail every time). The parameters are frozen: they are shared.
 */
export function queryReader<T extends object>(schema: z.ZodType<T>, size = 2_000): (url: URL) => Readonly<T> {
  const parsed = new Map<string, Readonly<T>>();
  return (url) => {
    const key = url.search;
    const found = parsed.get(key);
    if (found) {
      parsed.delete(key);
      parsed.set(key, found);
      return found;
    }
    const params = readQuery(url, schema);
    for (const value of Object.values(params)) if (Array.isArray(value)) Object.freeze(value);
    const frozen = Object.freeze(params);
    parsed.set(key, frozen);
    if (parsed.size > size) parsed.delete(parsed.keys().next().value as string);
    return frozen;
  };
}
