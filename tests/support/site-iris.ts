import { NextRequest } from 'next/server';
import { GET as collection } from '@/app/annotations/route';
import { GET as annotation } from '@/app/annotations/[id]/route';
import { GET as claim } from '@/app/claims/[id]/route';
import { GET as passage } from '@/app/threads/[slug]/passages/[n]/route';

type Handler = (req: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** This site's IRI route handlers, by path: what a request for the IRI reaches. */
const ROUTES: [RegExp, Handler, string[]][] = [
  [/^\/annotations$/, collection as unknown as Handler, []],
  [/^\/annotations\/([^/]+)$/, annotation as unknown as Handler, ['id']],
  [/^\/claims\/([^/]+)$/, claim as unknown as Handler, ['id']],
  [/^\/threads\/([^/]+)\/passages\/([^/]+)$/, passage as unknown as Handler, ['slug', 'n']],
];

const routeFor = (iri: string) => {
  const { pathname } = new URL(iri);
  for (const [pattern, handler, names] of ROUTES) {
    const match = pattern.exec(pathname);
    if (match)
      return { handler, params: Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(match[i + 1])])) };
  }
  return null;
};

/** Whether one of the IRI route handlers answers this IRI's path (else it is a page, or nothing). */
export const hasIriRoute = (iri: string) => routeFor(iri) !== null;

export interface IriResponse {
  status: number;
  headers: Headers;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever JSON the IRI answered
  json: any;
}

/**
 * Requests one of this site's IRIs from its route handler, as a client would send it: with an
 * Accept header, and any other headers (a spoofed Host, X-Forwarded-*). `url` is where the request
 * says it went, which a proxy or a lying client may make anything.
 */
export async function requestIri(
  iri: string,
  options: { accept?: string; headers?: Record<string, string>; url?: string } = {},
): Promise<IriResponse> {
  const route = routeFor(iri);
  if (!route) throw new Error(`No IRI route answers ${iri}`);
  const headers = new Headers(options.headers);
  if (options.accept) headers.set('accept', options.accept);
  const response = await route.handler(new NextRequest(options.url ?? iri, { headers }), {
    params: Promise.resolve(route.params),
  });
  const text = await response.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { status: response.status, headers: response.headers, text, json };
}
