import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/server/db/client';
import { mutatingRoutes } from '../../support/api-routes';
import { insertThread, insertUser } from '../../support/factories';
import { call } from '../../support/requests';
import { tagPassage } from '../../support/tagging';

type Who = 'anonymous' | 'other' | 'owner' | 'admin';
type User = { id: string; name: string; role?: 'USER' | 'ADMIN' };
interface Fixture {
  users: Record<Exclude<Who, 'anonymous'>, User>;
  slug: string;
  passageId: string;
  passageText: string;
  ownedClaimId: string;
  ownedTagId: string;
}

interface Row {
  route: string;
  method: 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  /** A fresh request (and its params) for this actor. */
  request(
    f: Fixture,
    who: Who,
  ): Promise<{
    params?: Record<string, string>;
    body?: unknown;
    rawBody?: BodyInit;
    headers?: Record<string, string>;
    query?: Record<string, string>;
  }>;
  expected: Record<Who, number>;
}

let counter = 0;

/**
 * Every route of the API that changes data, for every kind of caller. "owner" is the caller who
 * owns what the route acts on (or any signed-in user where nothing is owned). A mutating route of
 * the API app without a row here fails the last test. next-auth's own endpoints (Next.js) are
 * exercised against the real server in tests/e2e/sessions.test.ts.
 */
const MATRIX: Row[] = [
  {
    route: '/api/users',
    method: 'POST',
    request: async () => ({
      body: { email: `new-${++counter}@example.com`, name: 'New', password: 'long enough password' },
    }),
    expected: { anonymous: 201, other: 201, owner: 201, admin: 201 },
  },
  {
    route: '/api/threads',
    method: 'POST',
    request: async () => ({
      body: {
        title: `Uploaded ${++counter}`,
        format: 'text',
        text: `A brand new thread number ${counter}.\nWith two lines.`,
      },
    }),
    expected: { anonymous: 401, other: 201, owner: 201, admin: 201 },
  },
  {
    route: '/api/threads/{slug}',
    method: 'PATCH',
    request: async (f) => {
      const { thread } = await insertThread([`A thread to rename, number ${++counter}.`], `matrix-rename-${counter}`);
      await db.thread.update({ where: { id: thread.id }, data: { createdById: f.users.owner.id } });
      return { params: { slug: thread.slug }, body: { title: `Renamed ${counter}` } };
    },
    expected: { anonymous: 401, other: 403, owner: 200, admin: 200 },
  },
  {
    route: '/api/threads/{slug}/claims',
    method: 'POST',
    request: async () => {
      const text = `A new passage number ${++counter} to claim.`;
      const { thread, passages } = await insertThread([text], `matrix-claims-${counter}`);
      return {
        params: { slug: thread.slug },
        body: { passageId: passages[0].id, start: 0, end: 5, exact: text.slice(0, 5), prefix: '', suffix: '' },
      };
    },
    expected: { anonymous: 401, other: 201, owner: 201, admin: 201 },
  },
  {
    route: '/api/claims/{id}/tag',
    method: 'PUT',
    request: async (f, who) => {
      const { claimId } = await freshClaim(f, who);
      // The owner edits the tag they have (naming its version); anyone else adds their own.
      return {
        params: { id: claimId },
        body: { axis: 'outer', confidence: 40, ...(who === 'owner' ? { version: 1 } : {}) },
      };
    },
    expected: { anonymous: 401, other: 200, owner: 200, admin: 200 },
  },
  {
    route: '/api/claims/{id}/tag',
    method: 'DELETE',
    request: async (f, who) => ({ params: { id: (await freshClaim(f, who)).claimId } }),
    expected: { anonymous: 401, other: 404, owner: 200, admin: 404 },
  },
  {
    route: '/api/claims/{id}/tag/restore',
    method: 'POST',
    request: async (f, who) => {
      const { claimId } = await freshClaim(f, who, true);
      return { params: { id: claimId } };
    },
    expected: { anonymous: 401, other: 404, owner: 200, admin: 404 },
  },
  {
    route: '/api/tags/{id}',
    method: 'DELETE',
    request: async (f, who) => ({ params: { id: (await freshClaim(f, who)).tagId } }),
    expected: { anonymous: 401, other: 403, owner: 200, admin: 200 },
  },
  {
    route: '/api/annotations/import',
    method: 'POST',
    request: async (f) => ({
      query: { thread: f.slug },
      body: {
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        id: `http://x.example/annotations/${++counter}`,
        type: 'Annotation',
        motivation: 'tagging',
        body: [{ type: 'TextualBody', purpose: 'tagging', value: 'axis:inner' }],
        target: {
          source: `http://x.example/threads/${f.slug}/passages/0`,
          selector: [{ type: 'TextQuoteSelector', exact: f.passageText.slice(0, 12) }],
        },
      },
    }),
    expected: { anonymous: 401, other: 201, owner: 201, admin: 201 },
  },
  {
    route: '/api/searches',
    method: 'POST',
    request: async () => ({ body: { name: `Saved ${++counter}`, query: 'q=alignment&crux=true' } }),
    expected: { anonymous: 401, other: 201, owner: 201, admin: 201 },
  },
  {
    route: '/api/searches/{id}',
    method: 'DELETE',
    request: async (f) => {
      const { db } = await import('@/lib/server/db/client');
      const saved = await db.savedSearch.create({
        data: { userId: f.users.owner.id, name: `Owned ${++counter}`, query: 'q=x' },
      });
      return { params: { id: saved.id } };
    },
    // Saved searches are private: to anyone but their owner they do not exist.
    expected: { anonymous: 401, other: 404, owner: 200, admin: 404 },
  },
  {
    route: '/api/claims/{id}/replies',
    method: 'POST',
    request: async (f, who) => ({ params: { id: (await freshClaim(f, who)).claimId }, body: { body: 'A reply.' } }),
    expected: { anonymous: 401, other: 201, owner: 201, admin: 201 },
  },
  {
    route: '/api/replies/{id}',
    method: 'PATCH',
    request: async (f) => ({ params: { id: await ownersReply(f) }, body: { body: 'Edited.' } }),
    // A reply is its author's words: nobody else edits them, an admin neither.
    expected: { anonymous: 401, other: 403, owner: 200, admin: 403 },
  },
  {
    route: '/api/replies/{id}',
    method: 'DELETE',
    request: async (f) => ({ params: { id: await ownersReply(f) } }),
    expected: { anonymous: 401, other: 403, owner: 200, admin: 403 },
  },
  {
    route: '/api/inbox/seen',
    method: 'POST',
    request: async () => ({}),
    expected: { anonymous: 401, other: 200, owner: 200, admin: 200 },
  },
];

/** A reply the owner wrote on a fresh claim of theirs. */
async function ownersReply(f: Fixture): Promise<string> {
  const { claimId } = await freshClaim(f, 'owner');
  const { db } = await import('@/lib/server/db/client');
  const reply = await db.reply.create({
    data: { claimId, authorId: f.users.owner.id, body: 'Mine.', bodyHtml: '<p>Mine.</p>' },
  });
  return reply.id;
}

/** A claim the owner has tagged (and, if asked, deleted); other callers act on the owner's claim. */
async function freshClaim(f: Fixture, who: Who, deleted = false) {
  const passage = { id: f.passageId, text: f.passageText };
  const { thread, passages } = await insertThread(
    [`Fresh claim text number ${++counter} for the matrix.`],
    `matrix-${counter}`,
  );
  const claim = await tagPassage(thread.slug, passages[0], f.users.owner, { axis: 'inner', confidence: 50 });
  void passage;
  const { db } = await import('@/lib/server/db/client');
  const tag = await db.tag.findFirstOrThrow({ where: { claimId: claim.id, userId: f.users.owner.id } });
  if (deleted) await db.tag.update({ where: { id: tag.id }, data: { deletedAt: new Date() } });
  void who;
  return { claimId: claim.id, tagId: tag.id };
}

type GroupWho = 'anonymous' | 'outsider' | 'member' | 'owner' | 'admin';
interface GroupFixture {
  users: Record<Exclude<GroupWho, 'anonymous'>, User>;
}
interface GroupRow {
  route: string;
  method: 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  request(g: GroupFixture): Promise<{ params?: Record<string, string>; body?: unknown }>;
  expected: Record<GroupWho, number>;
}

/** A fresh group of the fixture's owner with its member, and its first invite's token. */
async function freshGroup(g: GroupFixture) {
  const created = await call('/api/groups', {
    method: 'POST',
    body: { name: `Circle ${++counter}` },
    user: g.users.owner,
  });
  const token = String(created.json.inviteUrl).split('/').pop() as string;
  // Straight into the table: the join route's own rate limit would count every row's fresh group.
  const { db } = await import('@/lib/server/db/client');
  await db.membership.create({ data: { groupId: created.json.id, userId: g.users.member.id, role: 'member' } });
  return { id: created.json.id as string, token };
}

/**
 * The routes of reading circles, and the tag routes on a group's claim, for owner, member and
 * non-member (an admin who is not a member is a non-member: a group's layer is its members' alone).
 */
const GROUP_MATRIX: GroupRow[] = [
  {
    route: '/api/groups',
    method: 'POST',
    request: async () => ({ body: { name: `New circle ${++counter}` } }),
    expected: { anonymous: 401, outsider: 201, member: 201, owner: 201, admin: 201 },
  },
  {
    route: '/api/groups/join',
    method: 'POST',
    request: async (g) => ({ body: { token: (await freshGroup(g)).token } }),
    expected: { anonymous: 401, outsider: 200, member: 200, owner: 200, admin: 200 },
  },
  {
    route: '/api/groups/{id}',
    method: 'PATCH',
    request: async (g) => ({ params: { id: (await freshGroup(g)).id }, body: { name: 'Renamed' } }),
    expected: { anonymous: 401, outsider: 404, member: 403, owner: 200, admin: 404 },
  },
  {
    route: '/api/groups/{id}',
    method: 'DELETE',
    request: async (g) => ({ params: { id: (await freshGroup(g)).id } }),
    expected: { anonymous: 401, outsider: 404, member: 403, owner: 200, admin: 404 },
  },
  {
    route: '/api/groups/{id}/members/{userId}',
    method: 'DELETE',
    // The member is removed: by the owner, or by themselves (leaving).
    request: async (g) => ({ params: { id: (await freshGroup(g)).id, userId: g.users.member.id } }),
    expected: { anonymous: 401, outsider: 404, member: 200, owner: 200, admin: 404 },
  },
  {
    route: '/api/groups/{id}/invites',
    method: 'POST',
    request: async (g) => ({ params: { id: (await freshGroup(g)).id }, body: {} }),
    expected: { anonymous: 401, outsider: 404, member: 403, owner: 201, admin: 404 },
  },
  {
    route: '/api/groups/{id}/invites/{token}',
    method: 'DELETE',
    request: async (g) => {
      const { id, token } = await freshGroup(g);
      return { params: { id, token } };
    },
    expected: { anonymous: 401, outsider: 404, member: 403, owner: 200, admin: 404 },
  },
  {
    route: '/api/threads/{slug}/claims',
    method: 'POST',
    request: async (g) => {
      const text = `A passage number ${++counter} claimed in a circle.`;
      const { thread, passages } = await insertThread([text], `matrix-group-claims-${counter}`);
      const group = await freshGroup(g);
      return {
        params: { slug: thread.slug },
        body: { passageId: passages[0].id, start: 0, end: 5, exact: text.slice(0, 5), group: group.id },
      };
    },
    expected: { anonymous: 401, outsider: 404, member: 201, owner: 201, admin: 404 },
  },
  {
    route: '/api/claims/{id}/tag',
    method: 'PUT',
    request: async (g) => {
      const text = `A group claim number ${++counter} to tag.`;
      const { thread, passages } = await insertThread([text], `matrix-group-tag-${counter}`);
      const group = await freshGroup(g);
      const claim = await call('/api/threads/{slug}/claims', {
        method: 'POST',
        params: { slug: thread.slug },
        body: { passageId: passages[0].id, start: 0, end: 5, exact: text.slice(0, 5), group: group.id },
        user: g.users.owner,
      });
      return { params: { id: claim.json.claim.id }, body: { axis: 'outer', confidence: 40 } };
    },
    expected: { anonymous: 401, outsider: 404, member: 200, owner: 200, admin: 404 },
  },
  {
    route: '/api/claims/{id}/replies',
    method: 'POST',
    request: async (g) => {
      const text = `A group claim number ${++counter} to reply on.`;
      const { thread, passages } = await insertThread([text], `matrix-group-reply-${counter}`);
      const group = await freshGroup(g);
      const claim = await call('/api/threads/{slug}/claims', {
        method: 'POST',
        params: { slug: thread.slug },
        body: { passageId: passages[0].id, start: 0, end: 5, exact: text.slice(0, 5), group: group.id },
        user: g.users.owner,
      });
      return { params: { id: claim.json.claim.id }, body: { body: 'A circle reply.' } };
    },
    expected: { anonymous: 401, outsider: 404, member: 201, owner: 201, admin: 404 },
  },
];

let groupFixture: GroupFixture;
let fixture: Fixture;

beforeAll(async () => {
  const [other, owner, admin] = await Promise.all([
    insertUser({ name: 'Other' }),
    insertUser({ name: 'Owner' }),
    insertUser({ name: 'Admin', role: 'ADMIN' }),
  ]);
  const { thread, passages } = await insertThread(
    ['The matrix thread has one passage that claims are made on.'],
    'matrix-thread',
  );
  const claim = await tagPassage(thread.slug, passages[0], owner, { axis: 'inner' });
  groupFixture = { users: { outsider: other, member: await insertUser({ name: 'Member' }), owner, admin } };
  fixture = {
    users: { other, owner, admin },
    slug: thread.slug,
    passageId: passages[0].id,
    passageText: passages[0].text,
    ownedClaimId: claim.id,
    ownedTagId: '',
  };
});

describe('authorisation matrix', () => {
  for (const row of MATRIX) {
    for (const who of ['anonymous', 'other', 'owner', 'admin'] as const) {
      it(`${row.method} ${row.route} as ${who} → ${row.expected[who]}`, async () => {
        const request = await row.request(fixture, who);
        const user = who === 'anonymous' ? null : fixture.users[who];
        const response = await call(row.route, { method: row.method, user, ...request });
        expect(response.status, response.text).toBe(row.expected[who]);
      });
    }
  }

  for (const row of GROUP_MATRIX) {
    for (const who of ['anonymous', 'outsider', 'member', 'owner', 'admin'] as const) {
      it(`${row.method} ${row.route} (reading circle) as ${who} → ${row.expected[who]}`, async () => {
        const request = await row.request(groupFixture);
        const user = who === 'anonymous' ? null : groupFixture.users[who];
        const response = await call(row.route, { method: row.method, user, ...request });
        expect(response.status, response.text).toBe(row.expected[who]);
      });
    }
  }

  it('has a row for every route of the API that changes data', () => {
    const mutating = mutatingRoutes();
    const covered = new Set([...MATRIX, ...GROUP_MATRIX].map((row) => `${row.method} ${row.route}`));
    expect(mutating.filter((route) => !covered.has(route))).toEqual([]);
    expect([...covered].filter((route) => !mutating.includes(route))).toEqual([]);
  });
});
