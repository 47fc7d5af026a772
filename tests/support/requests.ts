import { api } from '@/lib/server/api/app';
import { sessionCookie } from './session';

interface CallOptions {
  /** Values for the `{name}` parts of the route. */
  params?: Record<string, string>;
  method?: string;
  body?: unknown;
  rawBody?: BodyInit;
  headers?: Record<string, string>;
  user?: { id: string; name: string; role?: string } | null;
  query?: Record<string, string>;
  /** The socket's peer as the server would hand it to the API. */
  address?: string;
}

/**
 * Calls the API in-process, as the server would pass it a request, optionally as a signed-in
 * user: `call('/api/claims/{id}/tag', { method: 'PUT', params: { id }, body, user })`.
 */
export async function call(route: string, options: CallOptions = {}) {
  const path = route.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = options.params?.[name];
    if (value === undefined) throw new Error(`No value for {${name}} of ${route}.`);
    return encodeURIComponent(value);
  });
  const url = new URL(path, 'http://localhost');
  for (const [key, value] of Object.entries(options.query ?? {})) url.searchParams.set(key, value);
  const headers = new Headers(options.headers);
  if (options.user) headers.set('cookie', await sessionCookie(options.user));
  let body = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    if (!headers.has('content-type')) headers.set('content-type', 'application/json');
  }
  const response = await api.request(
    url,
    { method: options.method ?? 'GET', headers, body },
    { remoteAddress: options.address ?? '127.0.0.1' },
  );
  const text = await response.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever JSON the route answered
  return { status: response.status, headers: response.headers, text, json: json as Record<string, any> };
}
