import { headers } from 'next/headers';
import { type SessionUser, sessionUser } from './session';

/** The signed-in user of the page being rendered (server components). */
export async function currentUser(): Promise<SessionUser | null> {
  return sessionUser(await headers());
}
