import { createUser } from '@/lib/server/users/create-user';
import { readJson } from '@/lib/server/http/body';
import { route } from '@/lib/server/http/route';
import { clientIp, enforce, RULES } from '@/lib/server/rate-limit';
import { signUpSchema } from '@/lib/users/sign-up-schema';

/** Sign-up: `{email, name, password}` -> 201 with the new user (no password hash, ever). */
export const POST = route(async ({ req }) => {
  await enforce(RULES.signUpPerIp, clientIp(req.headers));
  const input = await readJson(req, signUpSchema);
  const user = await createUser(input);
  return Response.json({ user }, { status: 201 });
});
