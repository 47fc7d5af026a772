import { z } from '@hono/zod-openapi';

export const MAX_GROUP_NAME = 80;
export const MAX_GROUP_DESCRIPTION = 2000;
/** How long a new invite link works when its creator does not say. */
export const DEFAULT_INVITE_DAYS = 7;
export const MAX_INVITE_DAYS = 90;

const name = z
  .string({ error: 'name is the group’s name, a string.' })
  .trim()
  .min(1, 'name must not be empty.')
  .max(MAX_GROUP_NAME, `name is at most ${MAX_GROUP_NAME} characters.`);
const description = z
  .string({ error: 'description is a string.' })
  .max(MAX_GROUP_DESCRIPTION, `description is at most ${MAX_GROUP_DESCRIPTION} characters.`);

export const groupCreateSchema = z.object({ name, description: description.optional() });

export const groupUpdateSchema = z
  .object({
    name: name.optional(),
    description: description.optional(),
    ownerId: z.uuid({ error: 'ownerId is the id of a member to hand the group over to.' }).optional(),
  })
  .refine((v) => v.name !== undefined || v.description !== undefined || v.ownerId !== undefined, {
    message: 'Send at least one of name, description, ownerId.',
  });

export const inviteCreateSchema = z.object({
  expiresInDays: z
    .number({ error: 'expiresInDays is a number of days.' })
    .int('expiresInDays is a whole number of days.')
    .min(1, 'expiresInDays is at least 1.')
    .max(MAX_INVITE_DAYS, `expiresInDays is at most ${MAX_INVITE_DAYS}.`)
    .optional(),
});

export const joinSchema = z.object({
  token: z.string({ error: 'token is the invite token, the last part of the invite URL.' }).min(1, 'token is empty.'),
});

/** `?group=` wherever a layer applies: a group id; absent means the public layer. */
export const groupQuery = z
  .uuid({ error: (issue) => `No group ${String(issue.input)}.` })
  .optional()
  .openapi({ description: 'A group id: its layer instead of the public one (members only; 404 otherwise).' });

export type GroupCreate = z.infer<typeof groupCreateSchema>;
export type GroupUpdate = z.infer<typeof groupUpdateSchema>;
