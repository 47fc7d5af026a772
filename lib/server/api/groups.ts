import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { createMiddleware } from 'hono/factory';
import { groupCreateSchema, groupUpdateSchema, inviteCreateSchema, joinSchema } from '@/lib/groups/group-schema';
import {
  createGroup,
  createInvite,
  deleteGroup,
  getGroup,
  joinGroup,
  listGroups,
  listInvites,
  removeMember,
  revokeInvite,
  updateGroup,
} from '../groups/groups';
import { enforce, type RateRule, RULES } from '../rate-limit';
import type { ApiEnv, SignedInEnv } from './context';
import { handle, jsonAnswer, jsonBody, problems, SIGNED_IN } from './define';
import { limitedPerClient, signedIn } from './guards';
import { groupMemberParams, groupParams, inviteParams } from './params';

/** Reading circles: groups, their members and invite links (docs/decisions/024-deleting-a-group.md). */
export const groups = new OpenAPIHono<ApiEnv>();

/** Counts the request against `rule` for the signed-in caller (429 beyond). */
function limitedPerUser(rule: RateRule) {
  return createMiddleware<ApiEnv & SignedInEnv>(async (c, next) => {
    await enforce(rule, c.get('user').id);
    await next();
  });
}

const role = z.enum(['owner', 'member']);
/** What a group is to one of its members: the fields its summary and its page share. */
const groupFields = {
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  ownerId: z.uuid(),
  role,
  createdAt: z.string(),
};
const groupSummary = z.object({ ...groupFields, memberCount: z.number().int() }).openapi('GroupSummary');
const groupDetail = z
  .object({
    ...groupFields,
    members: z.array(z.object({ id: z.uuid(), name: z.string(), role, joinedAt: z.string() })),
  })
  .openapi('Group');
const inviteSchema = z
  .object({ token: z.string(), url: z.string(), createdAt: z.string(), expiresAt: z.string() })
  .openapi('Invite');

handle(
  groups,
  createRoute({
    method: 'post',
    path: '/groups',
    tags: ['Groups'],
    summary: 'Create a reading circle',
    description: 'The caller becomes its owner. The answer carries a first invite link (valid 7 days).',
    security: SIGNED_IN,
    middleware: [signedIn] as const,
    request: { body: jsonBody(groupCreateSchema, 'The group’s name and, optionally, a description.') },
    responses: {
      201: jsonAnswer(
        z.object({
          id: z.uuid(),
          name: z.string(),
          description: z.string(),
          createdAt: z.string(),
          inviteUrl: z.string(),
        }),
        'The new group and an invite link to hand out.',
      ),
      ...problems(400, 401, 403, 413, 415, 503),
    },
  }),
  async (c) => c.json(await createGroup(c.get('user'), c.req.valid('json')), 201),
);

handle(
  groups,
  createRoute({
    method: 'get',
    path: '/groups',
    tags: ['Groups'],
    summary: 'The groups I am in',
    security: SIGNED_IN,
    middleware: [signedIn] as const,
    responses: {
      200: jsonAnswer(z.object({ groups: z.array(groupSummary) }), 'With my role and the member count.'),
      ...problems(401, 503),
    },
  }),
  async (c) => c.json({ groups: await listGroups(c.get('user')) }, 200),
);

handle(
  groups,
  createRoute({
    method: 'post',
    path: '/groups/join',
    tags: ['Groups'],
    summary: 'Join a group with an invite token',
    description:
      'An unknown token (or one of a deleted group) is a 404; a revoked or expired one a 410 Gone; the message says which and what to do. Joining again changes nothing.',
    security: SIGNED_IN,
    middleware: [limitedPerClient(RULES.joinsPerIp), signedIn, limitedPerUser(RULES.joinsPerUser)] as const,
    request: { body: jsonBody(joinSchema, 'The token: the last part of the invite URL.') },
    responses: {
      200: jsonAnswer(z.object({ group: groupDetail }), 'The group joined.'),
      ...problems(400, 401, 403, 404, 410, 413, 415, 429, 503),
    },
  }),
  async (c) => c.json({ group: await joinGroup(c.get('user'), c.req.valid('json').token) }, 200),
);

handle(
  groups,
  createRoute({
    method: 'get',
    path: '/groups/{id}',
    tags: ['Groups'],
    summary: 'One of my groups, with its members',
    security: SIGNED_IN,
    middleware: [signedIn] as const,
    request: { params: groupParams },
    responses: { 200: jsonAnswer(z.object({ group: groupDetail }), 'The group.'), ...problems(401, 404, 503) },
  }),
  async (c) => c.json({ group: await getGroup(c.req.valid('param').id, c.get('user')) }, 200),
);

handle(
  groups,
  createRoute({
    method: 'patch',
    path: '/groups/{id}',
    tags: ['Groups'],
    summary: 'Rename, describe, or hand over a group (owner)',
    description: '`ownerId` hands the group to another member; the old owner stays a member.',
    security: SIGNED_IN,
    middleware: [signedIn] as const,
    request: { params: groupParams, body: jsonBody(groupUpdateSchema, 'What changes.') },
    responses: {
      200: jsonAnswer(z.object({ group: groupDetail }), 'The group as it is now.'),
      ...problems(400, 401, 403, 404, 413, 415, 422, 503),
    },
  }),
  async (c) => c.json({ group: await updateGroup(c.req.valid('param').id, c.get('user'), c.req.valid('json')) }, 200),
);

handle(
  groups,
  createRoute({
    method: 'delete',
    path: '/groups/{id}',
    tags: ['Groups'],
    summary: 'Delete a group (owner)',
    description:
      'The group, its members’ access and its invite links end; its claims, tags and replies are kept, hidden from everyone (decision 024).',
    security: SIGNED_IN,
    middleware: [signedIn] as const,
    request: { params: groupParams },
    responses: { 200: jsonAnswer(z.object({ deleted: z.literal(true) }), 'Deleted.'), ...problems(401, 403, 404, 503) },
  }),
  async (c) => {
    await deleteGroup(c.req.valid('param').id, c.get('user'));
    return c.json({ deleted: true as const }, 200);
  },
);

handle(
  groups,
  createRoute({
    method: 'delete',
    path: '/groups/{id}/members/{userId}',
    tags: ['Groups'],
    summary: 'Remove a member (owner), or leave (yourself)',
    description: 'The owner cannot leave (409): hand the group over first.',
    security: SIGNED_IN,
    middleware: [signedIn] as const,
    request: { params: groupMemberParams },
    responses: {
      200: jsonAnswer(z.object({ removed: z.literal(true) }), 'No longer a member.'),
      ...problems(401, 403, 404, 409, 503),
    },
  }),
  async (c) => {
    const { id, userId } = c.req.valid('param');
    await removeMember(id, c.get('user'), userId);
    return c.json({ removed: true as const }, 200);
  },
);

handle(
  groups,
  createRoute({
    method: 'get',
    path: '/groups/{id}/invites',
    tags: ['Groups'],
    summary: 'The open invite links of a group (owner)',
    security: SIGNED_IN,
    middleware: [signedIn] as const,
    request: { params: groupParams },
    responses: {
      200: jsonAnswer(z.object({ invites: z.array(inviteSchema) }), 'Neither revoked nor expired.'),
      ...problems(401, 403, 404, 503),
    },
  }),
  async (c) => c.json({ invites: await listInvites(c.req.valid('param').id, c.get('user')) }, 200),
);

handle(
  groups,
  createRoute({
    method: 'post',
    path: '/groups/{id}/invites',
    tags: ['Groups'],
    summary: 'Create an invite link (owner)',
    security: SIGNED_IN,
    middleware: [signedIn, limitedPerUser(RULES.invitesPerUser)] as const,
    request: {
      params: groupParams,
      body: jsonBody(inviteCreateSchema, 'Optionally, `expiresInDays` (1-90, default 7).'),
    },
    responses: {
      201: jsonAnswer(z.object({ invite: inviteSchema }), 'The new link.'),
      ...problems(400, 401, 403, 404, 413, 415, 429, 503),
    },
  }),
  async (c) => {
    const invite = await createInvite(c.req.valid('param').id, c.get('user'), c.req.valid('json').expiresInDays);
    return c.json({ invite }, 201);
  },
);

handle(
  groups,
  createRoute({
    method: 'delete',
    path: '/groups/{id}/invites/{token}',
    tags: ['Groups'],
    summary: 'Revoke an invite link (owner)',
    security: SIGNED_IN,
    middleware: [signedIn] as const,
    request: { params: inviteParams },
    responses: { 200: jsonAnswer(z.object({ revoked: z.literal(true) }), 'Revoked.'), ...problems(401, 403, 404, 503) },
  }),
  async (c) => {
    const { id, token } = c.req.valid('param');
    await revokeInvite(id, c.get('user'), token);
    return c.json({ revoked: true as const }, 200);
  },
);
