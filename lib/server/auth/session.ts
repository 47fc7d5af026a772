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

/**
 * The signed-in user of a request, read from next-auth's session cookie (a signed, encrypted JWT):
 * no database round trip, and the same answer on every app instance that shares the secret.
 */
export async function sessionUser(headers: Headers): Promise<SessionUser | null> {
  const token = await getToken({
    req: { cookies: parseCookies(headers.get('cookie')), headers: {} } as never,
    secret: env().NEXTAUTH_SECRET,
  });
  if (!token?.uid || typeof token.uid !== 'string') return null;
  return { id: token.uid, name: String(token.name ?? ''), role: token.role === 'ADMIN' ? 'ADMIN' : 'USER' };
}
