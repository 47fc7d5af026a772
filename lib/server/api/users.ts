import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { signUpSchema } from '@/lib/users/sign-up-schema';
import { RULES } from '../rate-limit';
import { createUser } from '../users/create-user';
import type { ApiEnv } from './context';
import { limitedPerClient } from './guards';
import { handle, jsonAnswer, jsonBody, problems } from './define';
import { newUserSchema } from './schemas';

export const users = new OpenAPIHono<ApiEnv>();

handle(
  users,
  createRoute({
    method: 'post',
    path: '/users',
    tags: ['Accounts'],
    summary: 'Sign up',
    description: 'Creates an account (no password hash is ever answered). Limited per client address.',
    middleware: [limitedPerClient(RULES.signUpPerIp)] as const,
    request: { body: jsonBody(signUpSchema, '`{email, name, password}`') },
    responses: {
      201: jsonAnswer(z.object({ user: newUserSchema }), 'The new account.'),
      ...problems(400, 409, 413, 415, 429, 503),
    },
  }),
  async (c) => {
    const user = await createUser(c.req.valid('json'));
    return c.json({ user }, 201);
  },
);
