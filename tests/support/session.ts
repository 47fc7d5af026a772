import { encode } from 'next-auth/jwt';

export const TEST_SECRET = 'test-secret-for-crux-reader-sessions';

/** A session cookie for `user`, exactly as next-auth would set it after a sign-in. */
export async function sessionCookie(user: { id: string; name: string; role?: string }): Promise<string> {
  const token = await encode({
    token: { uid: user.id, name: user.name, role: user.role ?? 'USER' },
    secret: TEST_SECRET,
  });
  return `next-auth.session-token=${token}`;
}
