import NextAuth from 'next-auth';
import { authOptions } from '@/lib/server/auth/options';
import { signInRateLimit } from '@/lib/server/auth/sign-in-limit';
import { errorResponse } from '@/lib/server/http/errors';

type Context = { params: Promise<{ nextauth: string[] }> };

const handler = (req: Request, context: Context) => NextAuth(authOptions())(req, context);

export const GET = handler;

/** Password sign-ins are rate-limited per IP and per email (429 with Retry-After) before next-auth sees them. */
export async function POST(req: Request, context: Context) {
  const { nextauth } = await context.params;
  if (nextauth.join('/') === 'callback/credentials') {
    const limited = await signInRateLimit(req);
    if (limited) return errorResponse(limited);
  }
  return handler(req, context);
}
