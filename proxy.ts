import { type NextRequest, NextResponse } from 'next/server';
import { PATH_HEADER } from './lib/url/path-header';

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
  return response;
}

export const config = {
  matcher: [{ source: '/((?!api/|_next/static|_next/image|icon.svg).*)' }],
};
