import { getToken } from 'next-auth/jwt';
import { env } from '../env';

export interface SessionUser {
  id: string;
  name: string;
  role: 'USER' | 'ADMIN';
}

function parseCookies(header: string | null): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of header?.split(';') ?? []) {
    const index = part.indexOf('=');
    if (index > 0) cookies[part.slice(0, index).trim()] = decodeURIComponent(part.slice(index + 1).trim());
  }
  return cookies;
}

/** Decoded session cookies (the cookie text → its user and expiry), so each is decrypted once, not per request. */
const decoded = new Map<string, { user: SessionUser; expiresAt: number }>();
const DECODED_MAX = 10_000;

/** The session cookie (or its chunks, for a large token) as one key; '' when there is none. */
function sessionCookieKey(cookies: Record<string, string>): string {
  return Object.keys(cookies)
    .filter((name) => name.includes('next-auth.session-token'))
    .sort()
    .map((name) => `${name}=${cookies[name]}`)
    .join(';');
}

/**
 * The signed-in user of a request, read from next-auth's session cookie (a signed, encrypted JWT):
 * no database round trip, and the same answer on every app instance that shares the secret. A
 * cookie decoded before is answered from memory until the token expires: the same bytes always
 * decrypt to the same claims.
 */
export async function sessionUser(headers: Headers): Promise<SessionUser | null> {
  const cookies = parseCookies(headers.get('cookie'));
  const key = sessionCookieKey(cookies);
  if (!key) return null;
  const known = decoded.get(key);
  if (known && known.expiresAt > Date.now()) return known.user;
  if (known) decoded.delete(key);
  const token = await getToken({ req: { cookies, headers: {} } as never, secret: env().NEXTAUTH_SECRET });
  if (!token?.uid || typeof token.uid !== 'string') return null;
  const user: SessionUser = {
    id: token.uid,
    name: String(token.name ?? ''),
    role: token.role === 'ADMIN' ? 'ADMIN' : 'USER',
  };
  if (typeof token.exp === 'number') {
    if (decoded.size >= DECODED_MAX) decoded.delete(decoded.keys().next().value as string);
    decoded.set(key, { user, expiresAt: token.exp * 1000 });
  }
  return user;
}
