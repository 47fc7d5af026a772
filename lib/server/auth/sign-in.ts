import { db } from '../db/client';
import { burnVerifyTime, verifyPassword } from './password';

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
  role: string;
}

/**
 * Checks an email and password. A wrong password and an unknown email answer alike (null) and take
 * similar time. Attempts are rate-limited before this, in the sign-in route.
 */
export async function signInWithPassword(email: string, password: string): Promise<SignedInUser | null> {
  const normalized = email.trim().toLowerCase();
  const user = normalized
    ? await db.user.findUnique({
        where: { email: normalized },
        select: { id: true, email: true, name: true, role: true, passwordHash: true, externalIri: true },
      })
    : null;
  // An external author has neither email nor password (a CHECK constraint); refused here all the same.
  if (!user?.passwordHash || !user.email || user.externalIri !== null) return burnVerifyTime(password).then(() => null);
  if (!(await verifyPassword(user.passwordHash, password))) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
