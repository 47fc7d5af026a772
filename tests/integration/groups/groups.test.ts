import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/server/db/client';
import { publicOrigin } from '@/lib/server/public-origin';
import { insertUser } from '../../support/factories';
import { call } from '../../support/requests';

type User = { id: string; name: string };
let owner: User;
let member: User;
let outsider: User;

const tokenOf = (url: string) => url.slice(url.lastIndexOf('/') + 1);

async function newGroup(name = 'Alignment circle', by = owner) {
  const created = await call('/api/groups', { method: 'POST', body: { name }, user: by });
  expect(created.status, created.text).toBe(201);
  return created.json as { id: string; name: string; inviteUrl: string };
}

async function join(token: string, user: User) {
  return call('/api/groups/join', { method: 'POST', body: { token }, user });
}

beforeAll(async () => {
  owner = await insertUser({ name: 'Olive Owner' });
  member = await insertUser({ name: 'Max Member' });
  outsider = await insertUser({ name: 'Otto Outsider' });
});

describe('groups', () => {
  it('creates a group with an invite URL on the public origin that ends in an unguessable token', async () => {
    const group = await newGroup('  Reading circle  ');
    expect(group.name).toBe('Reading circle');
    expect(group.inviteUrl.startsWith(`${publicOrigin()}/groups/join/`)).toBe(true);
    expect(tokenOf(group.inviteUrl)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = await db.invite.findUnique({ where: { token: tokenOf(group.inviteUrl) } });
    expect(stored?.groupId).toBe(group.id);
  });

  it('says what to fix in a bad body, and asks anonymous callers to sign in', async () => {
    const empty = await call('/api/groups', { method: 'POST', body: { name: '   ' }, user: owner });
    expect(empty.status).toBe(400);
    expect(empty.json.error.message).toMatch(/name/);
    const long = await call('/api/groups', { method: 'POST', body: { name: 'x'.repeat(81) }, user: owner });
    expect(long.status).toBe(400);
    expect((await call('/api/groups', { method: 'POST', body: { name: 'A' } })).status).toBe(401);
  });

  it('joins by the invite token; a second join changes nothing; my groups list role and member count', async () => {
    const group = await newGroup();
    const joined = await join(tokenOf(group.inviteUrl), member);
    expect(joined.status, joined.text).toBe(200);
    expect(joined.json.group.members.map((m: User) => m.id).sort()).toEqual([owner.id, member.id].sort());
    expect((await join(tokenOf(group.inviteUrl), member)).status).toBe(200);

    const mine = await call('/api/groups', { user: member });
    const listed = mine.json.groups.find((g: { id: string }) => g.id === group.id);
    expect(listed).toMatchObject({ role: 'member', memberCount: 2, name: 'Alignment circle' });
    const owners = await call('/api/groups', { user: owner });
    expect(owners.json.groups.find((g: { id: string }) => g.id === group.id).role).toBe('owner');
    const others = await call('/api/groups', { user: outsider });
    expect(others.json.groups.some((g: { id: string }) => g.id === group.id)).toBe(false);
  });

  it('refuses unknown, revoked and expired tokens with a message that says which', async () => {
    const group = await newGroup();
    const unknown = await join('not-a-token', outsider);
    expect(unknown.status).toBe(404);
    expect(unknown.json.error).toMatchObject({ code: 'not_found', message: expect.stringMatching(/does not exist/) });

    const revoked = await call('/api/groups/{id}/invites', {
      method: 'POST',
      params: { id: group.id },
      body: {},
      user: owner,
    });
    expect(revoked.status, revoked.text).toBe(201);
    const token = revoked.json.invite.token;
    const revoke = await call('/api/groups/{id}/invites/{token}', {
      method: 'DELETE',
      params: { id: group.id, token },
      user: owner,
    });
    expect(revoke.status).toBe(200);
    const afterRevoke = await join(token, outsider);
    expect(afterRevoke.status).toBe(410);
    expect(afterRevoke.json.error).toMatchObject({ code: 'gone', message: expect.stringMatching(/revoked/) });

    const expiring = await call('/api/groups/{id}/invites', {
      method: 'POST',
      params: { id: group.id },
      body: { expiresInDays: 1 },
      user: owner,
    });
    await db.invite.update({
      where: { token: expiring.json.invite.token },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const afterExpiry = await join(expiring.json.invite.token, outsider);
    expect(afterExpiry.status).toBe(410);
    expect(afterExpiry.json.error).toMatchObject({ code: 'gone', message: expect.stringMatching(/expired/) });
    expect(
      (await call('/api/groups', { user: outsider })).json.groups.some((g: { id: string }) => g.id === group.id),
    ).toBe(false);
  });

  it('keeps several invites open at once, lists only the open ones, to the owner only', async () => {
    const group = await newGroup();
    await join(tokenOf(group.inviteUrl), member);
    const second = await call('/api/groups/{id}/invites', {
      method: 'POST',
      params: { id: group.id },
      body: { expiresInDays: 30 },
      user: owner,
    });
    expect(second.status).toBe(201);
    const listed = await call('/api/groups/{id}/invites', { params: { id: group.id }, user: owner });
    expect(listed.json.invites.map((i: { token: string }) => i.token).sort()).toEqual(
      [tokenOf(group.inviteUrl), second.json.invite.token].sort(),
    );
    expect((await call('/api/groups/{id}/invites', { params: { id: group.id }, user: member })).status).toBe(403);
    expect((await call('/api/groups/{id}/invites', { params: { id: group.id }, user: outsider })).status).toBe(404);
    const tooLong = await call('/api/groups/{id}/invites', {
      method: 'POST',
      params: { id: group.id },
      body: { expiresInDays: 365 },
      user: owner,
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.json.error.message).toMatch(/expiresInDays/);
  });

  it('lets the owner rename and hand over to a member only; a member cannot', async () => {
    const group = await newGroup();
    await join(tokenOf(group.inviteUrl), member);
    const byMember = await call('/api/groups/{id}', {
      method: 'PATCH',
      params: { id: group.id },
      body: { name: 'Mine' },
      user: member,
    });
    expect(byMember.status).toBe(403);
    const byOutsider = await call('/api/groups/{id}', {
      method: 'PATCH',
      params: { id: group.id },
      body: { name: 'Mine' },
      user: outsider,
    });
    expect(byOutsider.status).toBe(404);
    const renamed = await call('/api/groups/{id}', {
      method: 'PATCH',
      params: { id: group.id },
      body: { name: 'Renamed', description: 'We read slowly.' },
      user: owner,
    });
    expect(renamed.json.group).toMatchObject({ name: 'Renamed', description: 'We read slowly.' });
    const toStranger = await call('/api/groups/{id}', {
      method: 'PATCH',
      params: { id: group.id },
      body: { ownerId: outsider.id },
      user: owner,
    });
    expect(toStranger.status).toBe(422);
    const handed = await call('/api/groups/{id}', {
      method: 'PATCH',
      params: { id: group.id },
      body: { ownerId: member.id },
      user: owner,
    });
    expect(handed.status, handed.text).toBe(200);
    expect(handed.json.group.ownerId).toBe(member.id);
    const roles = Object.fromEntries(
      handed.json.group.members.map((m: { id: string; role: string }) => [m.id, m.role]),
    );
    expect(roles).toEqual({ [owner.id]: 'member', [member.id]: 'owner' });
    const nothing = await call('/api/groups/{id}', {
      method: 'PATCH',
      params: { id: group.id },
      body: {},
      user: member,
    });
    expect(nothing.status).toBe(400);
  });

  it('removes members (owner), lets members leave, and keeps the owner until they hand over', async () => {
    const group = await newGroup();
    await join(tokenOf(group.inviteUrl), member);
    await join(tokenOf(group.inviteUrl), outsider);
    const path = '/api/groups/{id}/members/{userId}';
    const ownerLeaves = await call(path, { method: 'DELETE', params: { id: group.id, userId: owner.id }, user: owner });
    expect(ownerLeaves.status).toBe(409);
    expect(ownerLeaves.json.error.message).toMatch(/hand the group over/);
    const memberRemovesOther = await call(path, {
      method: 'DELETE',
      params: { id: group.id, userId: outsider.id },
      user: member,
    });
    expect(memberRemovesOther.status).toBe(403);
    expect(
      (await call(path, { method: 'DELETE', params: { id: group.id, userId: outsider.id }, user: owner })).status,
    ).toBe(200);
    expect(
      (await call(path, { method: 'DELETE', params: { id: group.id, userId: member.id }, user: member })).status,
    ).toBe(200);
    const left = await call('/api/groups/{id}', { params: { id: group.id }, user: member });
    expect(left.status).toBe(404);
    const remaining = await call('/api/groups/{id}', { params: { id: group.id }, user: owner });
    expect(remaining.json.group.members.map((m: User) => m.id)).toEqual([owner.id]);
  });

  it('deletes a group for everyone (owner only): gone from lists, invites dead, its rows kept', async () => {
    const group = await newGroup();
    await join(tokenOf(group.inviteUrl), member);
    expect((await call('/api/groups/{id}', { method: 'DELETE', params: { id: group.id }, user: member })).status).toBe(
      403,
    );
    expect((await call('/api/groups/{id}', { method: 'DELETE', params: { id: group.id }, user: owner })).status).toBe(
      200,
    );
    expect(
      (await call('/api/groups', { user: member })).json.groups.some((g: { id: string }) => g.id === group.id),
    ).toBe(false);
    expect((await call('/api/groups/{id}', { params: { id: group.id }, user: owner })).status).toBe(404);
    expect((await join(tokenOf(group.inviteUrl), outsider)).status).toBe(404);
    const stored = await db.group.findUnique({ where: { id: group.id }, include: { memberships: true } });
    expect(stored?.deletedAt).not.toBeNull();
    expect(stored?.memberships).toHaveLength(2);
  });

  it('limits joins: guessing tokens soon gets 429 with Retry-After', async () => {
    const address = '203.0.113.77';
    let last = 0;
    let retryAfter: string | null = null;
    for (let n = 0; n < 31; n++) {
      const answer = await call('/api/groups/join', {
        method: 'POST',
        body: { token: `guess-${n}` },
        user: outsider,
        address,
      });
      last = answer.status;
      retryAfter = answer.headers.get('retry-after');
      if (last === 429) break;
    }
    expect(last).toBe(429);
    expect(Number(retryAfter)).toBeGreaterThan(0);
  });
});
