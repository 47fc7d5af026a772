import type { SignUpInput } from '@/lib/users/sign-up-schema';
import { hashPassword } from '../auth/password';
import { db } from '../db/client';
import { isUniqueViolation } from '../db/errors';
import { conflict } from '../http/errors';

/** A local account: it always has the email it signs in with (only external authors have none). */
export async function createUser(input: SignUpInput) {
  try {
    const user = await db.user.create({
      data: { email: input.email, name: input.name, passwordHash: await hashPassword(input.password) },
      select: { id: true, email: true, name: true, role: true, createdAt: true },
    });
    return { ...user, email: input.email };
  } catch (error) {
    if (isUniqueViolation(error))
      throw conflict('An account with this email exists already; sign in instead.', 'email');
    throw error;
  }
}
