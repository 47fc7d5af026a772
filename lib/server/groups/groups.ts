import { randomBytes } from 'node:crypto';
import { DEFAULT_INVITE_DAYS, type GroupCreate, type GroupUpdate } from '@/lib/groups/group-schema';
import type { SessionUser } from '../auth/session';
import { db } from '../db/client';
import { conflict, forbidden, gone, notFound, unprocessable } from '../http/errors';
import { publicOrigin } from '../public-origin';
import { noGroup } from './layer';

type Role = 'owner' | 'member';

/** The page a new member opens to join: the token is its last path segment. */
export const inviteUrl = (token: string) => `${publicOrigin()}/groups/join/${token}`;

/** 32 random bytes: an invite token cannot be guessed, only handed on. */
const newToken = () => randomBytes(32).toString('base64url');

const DAY_MS = 24 * 60 * 60 * 1000;

/** The caller's role in a live group; 404 when the group is gone or the caller is not in it. */
async function roleIn(groupId: string, user: SessionUser): Promise<Role> {
  const membership = await db.membership.findFirst({
    where: { groupId, userId: user.id, group: { deletedAt: null } },
    select: { role: true },
  });
  if (!membership) throw noGroup(groupId);
  return membership.role;
}

async function assertOwner(groupId: string, user: SessionUser, what: string): Promise<void> {
  if ((await roleIn(groupId, user)) !== 'owner') throw forbidden(`Only the group’s owner can ${what}.`);
}

/** A new group owned by its creator, with a first invite link to hand out. */
export async function createGroup(user: SessionUser, input: GroupCreate) {
  const token = newToken();
  const group = await db.$transaction(async (tx) => {
    const created = await tx.group.create({
      data: { name: input.name, description: input.description ?? '', ownerId: user.id },
      select: { id: true, name: true, description: true, createdAt: true },
    });
    await tx.membership.create({ data: { groupId: created.id, userId: user.id, role: 'owner' } });
    await tx.invite.create({
      data: {
        token,
        groupId: created.id,
        createdById: user.id,
        expiresAt: new Date(Date.now() + DEFAULT_INVITE_DAYS * DAY_MS),
      },
    });
    return created;
  });
  return { ...group, createdAt: group.createdAt.toISOString(), inviteUrl: inviteUrl(token) };
}

/** The caller's live groups, with their role and the number of members. */
export async function listGroups(user: SessionUser) {
  const memberships = await db.membership.findMany({
    where: { userId: user.id, group: { deletedAt: null } },
    select: {
      role: true,
      group: {
        select: {
          id: true,
          name: true,
          description: true,
          ownerId: true,
          createdAt: true,
          _count: { select: { memberships: true } },
        },
      },
    },
    orderBy: { group: { name: 'asc' } },
  });
  return memberships.map(({ role, group }) => ({
    id: group.id,
    name: group.name,
    description: group.description,
    ownerId: group.ownerId,
    role,
    memberCount: group._count.memberships,
    createdAt: group.createdAt.toISOString(),
  }));
}

/** One group with its members, for its members. */
export async function getGroup(groupId: string, user: SessionUser) {
  const role = await roleIn(groupId, user);
  const group = await db.group.findUniqueOrThrow({
    where: { id: groupId },
    select: {
      id: true,
      name: true,
      description: true,
      ownerId: true,
      createdAt: true,
      memberships: {
        select: { role: true, createdAt: true, user: { select: { id: true, name: true } } },
        orderBy: { createdAt: 'asc' },
      },
    },
  });
  return {
    id: group.id,
    name: group.name,
    description: group.description,
    ownerId: group.ownerId,
    role,
    createdAt: group.createdAt.toISOString(),
    members: group.memberships.map((m) => ({
      id: m.user.id,
      name: m.user.name,
      role: m.role,
      joinedAt: m.createdAt.toISOString(),
    })),
  };
}

/** Rename, describe, or hand the group over to another member (the old owner stays a member). */
export async function updateGroup(groupId: string, user: SessionUser, input: GroupUpdate) {
  await assertOwner(groupId, user, 'change the group');
  await db.$transaction(async (tx) => {
    if (input.ownerId !== undefined && input.ownerId !== user.id) {
      const heir = await tx.membership.findUnique({
        where: { groupId_userId: { groupId, userId: input.ownerId } },
        select: { userId: true },
      });
      if (!heir)
        throw unprocessable(
          `User ${input.ownerId} is not a member of this group; hand it over to a member.`,
          'ownerId',
        );
      await tx.membership.update({ where: { groupId_userId: { groupId, userId: user.id } }, data: { role: 'member' } });
      await tx.membership.update({
        where: { groupId_userId: { groupId, userId: input.ownerId } },
        data: { role: 'owner' },
      });
    }
    await tx.group.update({
      where: { id: groupId },
      data: {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.ownerId !== undefined ? { ownerId: input.ownerId } : {}),
      },
    });
  });
  return getGroup(groupId, user);
}

/** Soft delete (decision 024): the group and its layer disappear for everyone; the rows stay. */
export async function deleteGroup(groupId: string, user: SessionUser): Promise<void> {
  await assertOwner(groupId, user, 'delete the group');
  const now = new Date();
  await db.$transaction([
    db.group.update({ where: { id: groupId }, data: { deletedAt: now } }),
    db.invite.updateMany({ where: { groupId, revokedAt: null }, data: { revokedAt: now } }),
  ]);
}

/** The owner removes a member, or a member leaves; the owner hands the group over before leaving. */
export async function removeMember(groupId: string, user: SessionUser, memberId: string): Promise<void> {
  const role = await roleIn(groupId, user);
  if (memberId === user.id) {
    if (role === 'owner')
      throw conflict('The owner cannot leave: hand the group over to a member first (PATCH ownerId), or delete it.');
  } else if (role !== 'owner') {
    throw forbidden('Only the group’s owner can remove other members.');
  }
  const { count } = await db.membership.deleteMany({ where: { groupId, userId: memberId } });
  if (count === 0) throw notFound(`User ${memberId} is not a member of this group.`);
}

const inviteView = (invite: { token: string; createdAt: Date; expiresAt: Date }) => ({
  token: invite.token,
  url: inviteUrl(invite.token),
  createdAt: invite.createdAt.toISOString(),
  expiresAt: invite.expiresAt.toISOString(),
});

/** The group's invite links that still work (owner only). */
export async function listInvites(groupId: string, user: SessionUser) {
  await assertOwner(groupId, user, 'see the invite links');
  const invites = await db.invite.findMany({
    where: { groupId, revokedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: 'asc' },
  });
  return invites.map(inviteView);
}

/** A new invite link; several can be open at once, each with its own expiry. */
export async function createInvite(groupId: string, user: SessionUser, expiresInDays = DEFAULT_INVITE_DAYS) {
  await assertOwner(groupId, user, 'create invite links');
  const invite = await db.invite.create({
    data: {
      token: newToken(),
      groupId,
      createdById: user.id,
      expiresAt: new Date(Date.now() + expiresInDays * DAY_MS),
    },
  });
  return inviteView(invite);
}

export async function revokeInvite(groupId: string, user: SessionUser, token: string): Promise<void> {
  await assertOwner(groupId, user, 'revoke invite links');
  const { count } = await db.invite.updateMany({
    where: { token, groupId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 0) throw notFound('No open invite with this token in this group.');
}

/** Why an invite link does not open its group, in words the person holding it can act on. */
export const INVITE_PROBLEMS = {
  unknown: 'This invite link does not exist; check that it was copied whole.',
  revoked: 'This invite link was revoked; ask the group’s owner for a new one.',
  expired: 'This invite link has expired; ask the group’s owner for a new one.',
} as const;

export type InviteState =
  | { state: 'open'; group: { id: string; name: string } }
  | { state: keyof typeof INVITE_PROBLEMS; group?: undefined };

/** What an invite token opens: its live group, or why not (a deleted group's links are unknown, as the group is). */
export async function inviteState(token: string): Promise<InviteState> {
  const invite = await db.invite.findUnique({
    where: { token },
    select: { expiresAt: true, revokedAt: true, group: { select: { id: true, name: true, deletedAt: true } } },
  });
  if (!invite || invite.group.deletedAt) return { state: 'unknown' };
  if (invite.revokedAt) return { state: 'revoked' };
  if (invite.expiresAt <= new Date()) return { state: 'expired' };
  return { state: 'open', group: { id: invite.group.id, name: invite.group.name } };
}

/**
 * Joins the group an invite names; joining a group one is in already changes nothing. An unknown
 * token is a 404; a revoked or expired one a 410 (it was real, and is no more).
 */
export async function joinGroup(user: SessionUser, token: string) {
  const invite = await inviteState(token);
  if (invite.state === 'unknown') throw notFound(INVITE_PROBLEMS.unknown);
  if (invite.state !== 'open') throw gone(INVITE_PROBLEMS[invite.state]);
  await db.membership.upsert({
    where: { groupId_userId: { groupId: invite.group.id, userId: user.id } },
    create: { groupId: invite.group.id, userId: user.id, role: 'member' },
    update: {},
  });
  return getGroup(invite.group.id, user);
}
