import { db } from '../db/client';
import { hashPassword } from './password';

export const DEMO_ACCOUNT = { email: 'demo@crux.local', password: 'crux-demo', name: 'Demo Reader' };

/** The demo account of a local install (embedded database only; never on a real server). */
export async function ensureDemoUser(): Promise<{ email: string; password: string }> {
  const found = await db.user.findUnique({ where: { email: DEMO_ACCOUNT.email }, select: { id: true } });
  if (!found) {
    await db.user.create({
      data: {
        email: DEMO_ACCOUNT.email,
        name: DEMO_ACCOUNT.name,
        passwordHash: await hashPassword(DEMO_ACCOUNT.password),
      },
    });
  }
  return { email: DEMO_ACCOUNT.email, password: DEMO_ACCOUNT.password };
}
