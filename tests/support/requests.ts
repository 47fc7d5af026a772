import { NextRequest } from 'next/server';
import { sessionCookie } from './session';

type Handler<P> = (req: Request, context: { params: Promise<P> }) => Promise<Response>;

interface CallOptions<P> {
  params?: P;
  method?: string;
  body?: unknown;
  rawBody?: BodyInit;
  headers?: Record<string, string>;
  user?: { id: string; name: string; role?: string } | null;
  query?: Record<string, string>;
}

/** Calls a route handler the way Next.js would, optionally as a signed-in user. */
export async function call<P = Record<string, never>>(handler: Handler<P>, options: CallOptions<P> = {}) {
  const url = new URL('http://localhost/api/test');
  for (const [key, value] of Object.entries(options.query ?? {})) url.searchParams.set(key, value);
  const headers = new Headers(options.headers);
  if (options.user) headers.set('cookie', await sessionCookie(options.user));
  let body = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    if (!headers.has('content-type')) headers.set('content-type', 'application/json');
  }
  const response = await handler(new NextRequest(url, { method: options.method ?? 'GET', headers, body }), {
    params: Promise.resolve((options.params ?? {}) as P),
  });
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
