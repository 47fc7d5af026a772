import { type NextRequest, NextResponse } from 'next/server';
import { claimSummaryUrl } from '@/components/reader/claim-list';
import { LAYER_COOKIE } from '@/lib/groups/layer-cookie';
import { PATH_HEADER } from './lib/url/path-header';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A thread's reader lists the thread's claims beside the text: the browser is told to fetch that
 * list with the page (a Link preload header, acted on as the page starts to arrive), not after the
 * page's script has run. The layer is the one the reader's cookie remembers; when the page finds
 * the reader no longer in that group it shows the public layer, and the reader asks for that
 * list itself (the preloaded answer, a 404, goes unused).
 */
function claimListPreload(request: NextRequest): string | null {
  const match = /^\/threads\/([^/]+)$/.exec(request.nextUrl.pathname);
  if (!match || request.method !== 'GET' || request.nextUrl.searchParams.get('view') === 'original') return null;
  const remembered = request.cookies.get(LAYER_COOKIE)?.value ?? '';
  const url = claimSummaryUrl(decodeURIComponent(match[1]), UUID.test(remembered) ? remembered : null);
  return `<${url}>; rel=preload; as=fetch; crossorigin=anonymous`;
}

/**
 * A Content-Security-Policy on every page: scripts only from this site or carrying this request's
 * nonce (Next.js puts the nonce on its own inline scripts), so an injected <script> or event
 * handler cannot run even if some markup slipped through the sanitisers.
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const policy = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
  const headers = new Headers(request.headers);
  headers.set('x-nonce', nonce);
  // The path asked for, for a 404 page to say what it could not find (set here, whatever the client sent).
  headers.set(PATH_HEADER, request.nextUrl.pathname);
  headers.set('Content-Security-Policy', policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', policy);
  response.headers.set('X-Content-Type-Options', 'nosniff');
  response.headers.set('Referrer-Policy', 'same-origin');
  const preload = claimListPreload(request);
  if (preload) response.headers.set('Link', preload);
  return response;
}

export const config = {
  matcher: [{ source: '/((?!api/|_next/static|_next/image|icon.svg).*)' }],
};
