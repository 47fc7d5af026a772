import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/server/db/client';
import { mutatingRoutes } from '../../support/api-routes';
import { insertThread, insertUser } from '../../support/factories';
import { call } from '../../support/requests';
import { tagPassage } from '../../support/tagging';

type User = Awaited<ReturnType<typeof insertUser>>;

let actor: User;
let victim: User;
let counter = 0;

/** Everything a client could send to claim someone else's name: body fields, headers, query. */
const forgedBody = () => ({
  userId: victim.id,
  user: { id: victim.id, name: victim.name },
  createdById: victim.id,
  byUserId: victim.id,
  userName: victim.name,
  creator: `http://localhost:3000/users/${victim.id}`,
});
const forgedHeaders = () => ({
  'x-user-id': victim.id,
  'x-forwarded-user': victim.id,
  'x-remote-user': victim.email ?? '',
  from: victim.email ?? '',
});
const forgedQuery = () => ({ user: victim.id, userId: victim.id });

async function freshPassage() {
  const text = `Passage number ${++counter} for attribution, with words enough to select.`;
  const { thread, passages } = await insertThread([text], `attribution-${counter}`);
  return { slug: thread.slug, passage: passages[0] };
}

/** What the victim has written anywhere: it must never change. */
async function victimsContent() {
  const [tags, revisions, claims, threads, searches] = await Promise.all([
    db.tag.count({ where: { userId: victim.id } }),
    db.tagRevision.count({ where: { byUserId: victim.id } }),
    db.claim.count({ where: { createdById: victim.id } }),
    db.thread.count({ where: { createdById: victim.id } }),
    db.savedSearch.count({ where: { userId: victim.id } }),
  ]);
  return { tags, revisions, claims, threads, searches };
}

/**
 * Every way content enters, each sent by `actor` with every forged name of `victim` it could carry;
 * each returns the ids of the rows it wrote, whose author must be the actor.
 */
const ENTRIES: Record<string, () => Promise<void>> = {
  'PUT /api/claims/{id}/tag': async () => {
    const { slug, passage } = await freshPassage();
    const claim = await tagPassage(slug, passage, victim, { axis: 'outer' });
    const response = await call('/api/claims/{id}/tag', {
      method: 'PUT',
      user: actor,
      params: { id: claim.id },
      headers: forgedHeaders(),
      query: forgedQuery(),
      body: { axis: 'inner', confidence: 30, ...forgedBody() },
    });
    expect(response.status, response.text).toBe(200);
    expect(response.json.tag.userId).toBe(actor.id);
    const tag = await db.tag.findUniqueOrThrow({ where: { claimId_userId: { claimId: claim.id, userId: actor.id } } });
    expect(await db.tagRevision.findFirst({ where: { tagId: tag.id } })).toMatchObject({ byUserId: actor.id });
  },
  'DELETE /api/claims/{id}/tag': async () => {
    const { slug, passage } = await freshPassage();
    const claim = await tagPassage(slug, passage, actor, { axis: 'outer' });
    await tagPassage(slug, passage, victim, { axis: 'inner' });
    const response = await call('/api/claims/{id}/tag', {
      method: 'DELETE',
      user: actor,
      params: { id: claim.id },
      headers: forgedHeaders(),
      query: forgedQuery(),
    });
    expect(response.status, response.text).toBe(200);
    const tags = await db.tag.findMany({ where: { claimId: claim.id }, select: { userId: true, deletedAt: true } });
    expect(tags.find((t) => t.userId === actor.id)?.deletedAt).not.toBeNull();
    expect(tags.find((t) => t.userId === victim.id)?.deletedAt).toBeNull();
  },
  'POST /api/claims/{id}/tag/restore': async () => {
    const { slug, passage } = await freshPassage();
    const claim = await tagPassage(slug, passage, actor, { axis: 'outer' });
    await tagPassage(slug, passage, victim, { axis: 'inner' });
    await db.tag.updateMany({ where: { claimId: claim.id }, data: { deletedAt: new Date() } });
    const response = await call('/api/claims/{id}/tag/restore', {
      method: 'POST',
      user: actor,
      params: { id: claim.id },
      headers: forgedHeaders(),
      query: forgedQuery(),
      body: forgedBody(),
    });
    expect(response.status, response.text).toBe(200);
    const tags = await db.tag.findMany({ where: { claimId: claim.id }, select: { userId: true, deletedAt: true } });
    expect(tags.find((t) => t.userId === actor.id)?.deletedAt).toBeNull();
    expect(tags.find((t) => t.userId === victim.id)?.deletedAt).not.toBeNull();
    await db.tag.updateMany({ where: { claimId: claim.id, userId: victim.id }, data: { deletedAt: null } });
  },
  'DELETE /api/tags/{id}': async () => {
    const { slug, passage } = await freshPassage();
    const claim = await tagPassage(slug, passage, victim, { axis: 'inner' });
    const tag = await db.tag.findFirstOrThrow({ where: { claimId: claim.id, userId: victim.id } });
    const response = await call('/api/tags/{id}', {
      method: 'DELETE',
      user: actor,
      params: { id: tag.id },
      headers: forgedHeaders(),
      query: forgedQuery(),
    });
    expect(response.status).toBe(403);
    expect((await db.tag.findUniqueOrThrow({ where: { id: tag.id } })).deletedAt).toBeNull();
  },
  'POST /api/threads/{slug}/claims': async () => {
    const { slug, passage } = await freshPassage();
    const response = await call('/api/threads/{slug}/claims', {
      method: 'POST',
      user: actor,
      params: { slug },
      headers: forgedHeaders(),
      query: forgedQuery(),
      body: {
        passageId: passage.id,
        start: 0,
        end: 7,
        exact: passage.text.slice(0, 7),
        prefix: '',
        suffix: '',
        ...forgedBody(),
      },
    });
    expect(response.status, response.text).toBe(201);
    expect(await db.claim.findUniqueOrThrow({ where: { id: response.json.claim.id } })).toMatchObject({
      createdById: actor.id,
    });
  },
  'PATCH /api/threads/{slug}': async () => {
    const { slug } = await freshPassage();
    await db.thread.update({ where: { slug }, data: { createdById: victim.id, title: 'The victim’s title' } });
    const response = await call('/api/threads/{slug}', {
      method: 'PATCH',
      user: actor,
      params: { slug },
      headers: forgedHeaders(),
      query: forgedQuery(),
      body: { title: 'Taken over', ...forgedBody() },
    });
    expect(response.status, response.text).toBe(403);
    expect((await db.thread.findUniqueOrThrow({ where: { slug } })).title).toBe('The victim’s title');
    // The fixture made the victim its uploader; undo that so the count of the victim's content is unchanged.
    await db.thread.update({ where: { slug }, data: { createdById: null } });
  },
  'POST /api/threads': async () => {
    const response = await call('/api/threads', {
      method: 'POST',
      user: actor,
      headers: forgedHeaders(),
      query: forgedQuery(),
      body: {
        title: `Upload ${++counter}`,
        format: 'text',
        text: `An uploaded thread ${counter}.\nTwo lines.`,
        ...forgedBody(),
      },
    });
    expect(response.status, response.text).toBe(201);
    expect(await db.thread.findUniqueOrThrow({ where: { slug: response.json.thread.slug } })).toMatchObject({
      createdById: actor.id,
    });
  },
  'POST /api/searches': async () => {
    const response = await call('/api/searches', {
      method: 'POST',
      user: actor,
      headers: forgedHeaders(),
      query: forgedQuery(),
      body: { name: `Saved ${++counter}`, query: 'q=alignment', ...forgedBody() },
    });
    expect(response.status, response.text).toBe(201);
    expect(await db.savedSearch.findUniqueOrThrow({ where: { id: response.json.search.id } })).toMatchObject({
      userId: actor.id,
    });
  },
  'DELETE /api/searches/{id}': async () => {
    const saved = await db.savedSearch.create({
      data: { userId: victim.id, name: `Theirs ${++counter}`, query: 'q=x' },
    });
    const response = await call('/api/searches/{id}', {
      method: 'DELETE',
      user: actor,
      params: { id: saved.id },
      headers: forgedHeaders(),
      query: forgedQuery(),
    });
    expect(response.status).toBe(404);
    expect(await db.savedSearch.count({ where: { id: saved.id } })).toBe(1);
    await db.savedSearch.delete({ where: { id: saved.id } });
  },
  'POST /api/users': async () => {
    // Sign-up makes a new account, in its own name: it cannot take over or speak for another.
    const response = await call('/api/users', {
      method: 'POST',
      user: actor,
      headers: forgedHeaders(),
      body: { email: victim.email, name: 'Not the victim', password: 'long enough password', id: victim.id },
    });
    expect(response.status).toBe(409);
    expect((await db.user.findUniqueOrThrow({ where: { id: victim.id } })).name).toBe(victim.name);
  },
  'POST /api/annotations/import': async () => {
    const { slug, passage } = await freshPassage();
    const annotation = (creator: unknown) => ({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: `https://other.example/annotations/${++counter}`,
      type: 'Annotation',
      creator,
      body: [{ type: 'TextualBody', purpose: 'tagging', value: 'axis:inner' }],
      target: {
        source: `http://localhost:3000/threads/${slug}/passages/0`,
        selector: { type: 'TextQuoteSelector', exact: passage.text.slice(0, 20) },
      },
    });
    const response = await call('/api/annotations/import', {
      method: 'POST',
      user: actor,
      headers: forgedHeaders(),
      query: forgedQuery(),
      body: annotation(`http://localhost:3000/users/${actor.id}`),
    });
    expect(response.status, response.text).toBe(201);
    expect(await db.tag.count({ where: { userId: actor.id, claim: { thread: { slug } } } })).toBe(1);
  },
};

/** A group owned by `owner` (through the API), with `member` in it, and its first invite token. */
async function groupOf(owner: User, member?: User) {
  const created = await call('/api/groups', { method: 'POST', body: { name: `Circle ${++counter}` }, user: owner });
  const token = String(created.json.inviteUrl).split('/').pop() as string;
  if (member) await db.membership.create({ data: { groupId: created.json.id, userId: member.id } });
  return { id: created.json.id as string, token };
}

const forged = () => ({ user: actor, headers: forgedHeaders(), query: forgedQuery() });

Object.assign(ENTRIES, {
  'POST /api/groups': async () => {
    const response = await call('/api/groups', {
      method: 'POST',
      body: { name: 'Mine', ...forgedBody() },
      ...forged(),
    });
    expect(response.status, response.text).toBe(201);
    const group = await db.group.findUniqueOrThrow({
      where: { id: response.json.id },
      include: { memberships: true, invites: true },
    });
    expect(group.ownerId).toBe(actor.id);
    expect(group.memberships.map((m) => [m.userId, m.role])).toEqual([[actor.id, 'owner']]);
    expect(group.invites.map((i) => i.createdById)).toEqual([actor.id]);
  },
  'POST /api/groups/join': async () => {
    const group = await groupOf(victim);
    const response = await call('/api/groups/join', {
      method: 'POST',
      body: { token: group.token, ...forgedBody() },
      ...forged(),
    });
    expect(response.status, response.text).toBe(200);
    const members = await db.membership.findMany({ where: { groupId: group.id }, orderBy: { role: 'asc' } });
    expect(members.map((m) => [m.userId, m.role]).sort()).toEqual(
      [
        [actor.id, 'member'],
        [victim.id, 'owner'],
      ].sort(),
    );
  },
  'PATCH /api/groups/{id}': async () => {
    const group = await groupOf(actor, victim);
    const response = await call('/api/groups/{id}', {
      method: 'PATCH',
      params: { id: group.id },
      body: { name: 'Renamed', ...forgedBody() },
      ...forged(),
    });
    expect(response.status, response.text).toBe(200);
    expect((await db.group.findUniqueOrThrow({ where: { id: group.id } })).ownerId).toBe(actor.id);
  },
  'DELETE /api/groups/{id}': async () => {
    const mine = await groupOf(actor, victim);
    const theirs = await groupOf(victim, actor);
    expect((await call('/api/groups/{id}', { method: 'DELETE', params: { id: theirs.id }, ...forged() })).status).toBe(
      403,
    );
    expect((await call('/api/groups/{id}', { method: 'DELETE', params: { id: mine.id }, ...forged() })).status).toBe(
      200,
    );
    expect((await db.group.findUniqueOrThrow({ where: { id: theirs.id } })).deletedAt).toBeNull();
  },
  'DELETE /api/groups/{id}/members/{userId}': async () => {
    const group = await groupOf(victim, actor);
    const third = await insertUser({ name: 'Third' });
    await db.membership.create({ data: { groupId: group.id, userId: third.id } });
    // A member acting as the owner (whose id the forged fields carry) removes no one else.
    const other = await call('/api/groups/{id}/members/{userId}', {
      method: 'DELETE',
      params: { id: group.id, userId: third.id },
      ...forged(),
    });
    expect(other.status).toBe(403);
    const leave = await call('/api/groups/{id}/members/{userId}', {
      method: 'DELETE',
      params: { id: group.id, userId: actor.id },
      ...forged(),
    });
    expect(leave.status, leave.text).toBe(200);
    expect(await db.membership.count({ where: { groupId: group.id } })).toBe(2);
  },
  'POST /api/groups/{id}/invites': async () => {
    const group = await groupOf(actor);
    const response = await call('/api/groups/{id}/invites', {
      method: 'POST',
      params: { id: group.id },
      body: { ...forgedBody() },
      ...forged(),
    });
    expect(response.status, response.text).toBe(201);
    const invite = await db.invite.findUniqueOrThrow({ where: { token: response.json.invite.token } });
    expect(invite.createdById).toBe(actor.id);
  },
  'POST /api/claims/{id}/replies': async () => {
    const { slug, passage } = await freshPassage();
    const claim = await tagPassage(slug, passage, victim, { axis: 'outer' });
    const response = await call('/api/claims/{id}/replies', {
      method: 'POST',
      params: { id: claim.id },
      body: { body: 'My reply.', authorId: victim.id, ...forgedBody() },
      ...forged(),
    });
    expect(response.status, response.text).toBe(201);
    expect(response.json.reply.authorId).toBe(actor.id);
    expect(await db.reply.findUniqueOrThrow({ where: { id: response.json.reply.id } })).toMatchObject({
      authorId: actor.id,
    });
    expect(await db.reply.count({ where: { authorId: victim.id } })).toBe(0);
  },
  'PATCH /api/replies/{id}': async () => {
    const { slug, passage } = await freshPassage();
    const claim = await tagPassage(slug, passage, victim, { axis: 'outer' });
    const theirs = await db.reply.create({
      data: { claimId: claim.id, authorId: victim.id, body: 'Theirs.', bodyHtml: '<p>Theirs.</p>' },
    });
    const refused = await call('/api/replies/{id}', {
      method: 'PATCH',
      params: { id: theirs.id },
      body: { body: 'Put words in their mouth.', ...forgedBody() },
      ...forged(),
    });
    expect(refused.status).toBe(403);
    expect((await db.reply.findUniqueOrThrow({ where: { id: theirs.id } })).body).toBe('Theirs.');
  },
  'DELETE /api/replies/{id}': async () => {
    const { slug, passage } = await freshPassage();
    const claim = await tagPassage(slug, passage, victim, { axis: 'outer' });
    const theirs = await db.reply.create({
      data: { claimId: claim.id, authorId: victim.id, body: 'Theirs.', bodyHtml: '<p>Theirs.</p>' },
    });
    const refused = await call('/api/replies/{id}', { method: 'DELETE', params: { id: theirs.id }, ...forged() });
    expect(refused.status).toBe(403);
    expect((await db.reply.findUniqueOrThrow({ where: { id: theirs.id } })).deletedAt).toBeNull();
  },
  'POST /api/inbox/seen': async () => {
    await db.user.update({ where: { id: victim.id }, data: { inboxSeenAt: null } });
    const response = await call('/api/inbox/seen', { method: 'POST', body: forgedBody(), ...forged() });
    expect(response.status, response.text).toBe(200);
    expect((await db.user.findUniqueOrThrow({ where: { id: actor.id } })).inboxSeenAt).not.toBeNull();
    expect((await db.user.findUniqueOrThrow({ where: { id: victim.id } })).inboxSeenAt).toBeNull();
  },
  'DELETE /api/groups/{id}/invites/{token}': async () => {
    const theirs = await groupOf(victim, actor);
    const refused = await call('/api/groups/{id}/invites/{token}', {
      method: 'DELETE',
      params: { id: theirs.id, token: theirs.token },
      ...forged(),
    });
    expect(refused.status).toBe(403);
    expect((await db.invite.findUniqueOrThrow({ where: { token: theirs.token } })).revokedAt).toBeNull();
  },
});

beforeAll(async () => {
  [actor, victim] = await Promise.all([insertUser({ name: 'Actor' }), insertUser({ name: 'Victim' })]);
});

describe('no content is attributed to a local account other than the one that sends it', () => {
  for (const [entry, attempt] of Object.entries(ENTRIES)) {
    it(`${entry}: written as the sender, whatever names the request carries`, async () => {
      const before = await victimsContent();
      await attempt();
      // Fixtures may write as the victim through the library (tagPassage); the request itself never.
      const after = await victimsContent();
      expect(after.threads).toBe(before.threads);
      expect(after.searches).toBe(before.searches);
    });
  }

  it('has an entry for every route of the API that changes data', () => {
    const covered = new Set(Object.keys(ENTRIES));
    expect(mutatingRoutes().filter((route) => !covered.has(route))).toEqual([]);
  });
});

describe('an import cannot speak for another reader', () => {
  let slug: string;
  let text: string;
  beforeAll(async () => {
    ({
      slug,
      passage: { text },
    } = await freshPassage());
  });
  const forged = (creator: unknown, extra: Record<string, unknown> = {}) => ({
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'AnnotationPage',
    items: [
      {
        id: `https://other.example/annotations/forged-${++counter}`,
        type: 'Annotation',
        creator,
        body: [{ type: 'TextualBody', purpose: 'tagging', value: 'axis:inner' }],
        target: {
          source: `http://localhost:3000/threads/${slug}/passages/0`,
          selector: { type: 'TextQuoteSelector', exact: text.slice(0, 20) },
        },
        ...extra,
      },
    ],
  });

  it.each([
    ["this site's IRI of another reader", () => `http://localhost:3000/users/${victim.id}`],
    ['the same under another host', () => `https://evil.example/users/${victim.id}`],
    ['an agent object naming them', () => ({ id: `https://evil.example/u/${victim.id}`, name: 'Victim' })],
    ['an acct: URI of this host', () => `acct:${victim.id}@localhost:3000`],
    ['a urn holding their id', () => `urn:uuid:${victim.id}`],
    ['their email', () => `mailto:${victim.email}`],
    [
      'an account of this site that does not exist',
      () => 'http://localhost:3000/users/0190c5a2-0000-7000-8000-0000000000ff',
    ],
  ])('refuses a creator naming %s: 422 at the creator, nothing written', async (_name, creator) => {
    const before = { tags: await db.tag.count(), claims: await db.claim.count(), users: await db.user.count() };
    const response = await call('/api/annotations/import', { method: 'POST', user: actor, body: forged(creator()) });
    expect(response.status, response.text).toBe(422);
    expect(response.json.error.field).toMatch(/^\$\.items\[0]\.creator(\.id)?$/);
    expect(response.json.error.message).toMatch(/an import can speak only for the account that sends it/);
    expect({ tags: await db.tag.count(), claims: await db.claim.count(), users: await db.user.count() }).toEqual(
      before,
    );
  });

  it('refuses it in Hypothesis JSON too, at $.rows[n].user', async () => {
    const row = {
      id: `h-${++counter}`,
      user: `acct:${victim.id}@localhost:3000`,
      uri: `http://localhost:3000/threads/${slug}`,
      text: 'Forged.',
      tags: ['axis:outer'],
      target: [
        {
          source: `http://localhost:3000/threads/${slug}`,
          selector: [{ type: 'TextQuoteSelector', exact: text.slice(0, 20) }],
        },
      ],
    };
    const response = await call('/api/annotations/import', {
      method: 'POST',
      user: actor,
      body: { total: 1, rows: [row] },
    });
    expect(response.status).toBe(422);
    expect(response.json.error.field).toBe('$.rows[0].user');
  });

  it('writes someone elsewhere as an external author, who can never sign in and is not the reader with that handle', async () => {
    const response = await call('/api/annotations/import', {
      method: 'POST',
      user: actor,
      body: forged({ id: 'acct:victim@hypothes.is', name: victim.name }),
    });
    expect(response.status, response.text).toBe(201);
    const [author] = response.json.import.externalAuthors;
    expect(author).toMatchObject({ iri: 'acct:victim@hypothes.is', name: `${victim.name} · hypothes.is` });
    expect(author.id).not.toBe(victim.id);
    const row = await db.user.findUniqueOrThrow({
      where: { id: author.id },
      select: { email: true, passwordHash: true, externalIri: true },
    });
    expect(row).toEqual({ email: null, passwordHash: null, externalIri: 'acct:victim@hypothes.is' });
    // Neither an email nor a password can ever be given to it.
    await expect(db.user.update({ where: { id: author.id }, data: { email: 'x@example.com' } })).rejects.toThrow();
    await expect(db.user.update({ where: { id: author.id }, data: { passwordHash: 'x' } })).rejects.toThrow();
  });
});

describe('npm run export -- --import FILE --as EMAIL', () => {
  const cli = promisify(execFile);
  const root = path.resolve(import.meta.dirname, '../../..');
  const run = (file: string, email: string) =>
    cli('npx', ['--no-install', 'tsx', 'scripts/export.ts', '--import', file, '--as', email], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL },
    }).then(
      ({ stdout }) => ({ code: 0, stdout, stderr: '' }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );

  it("refuses a creator naming another reader, and writes the importer's own as theirs", {
    timeout: 60_000,
  }, async () => {
    const { slug, passage } = await freshPassage();
    const dir = await mkdtemp(path.join(tmpdir(), 'crux-import-'));
    const document = (creator: string) => ({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: `https://other.example/annotations/cli-${++counter}`,
      type: 'Annotation',
      creator,
      body: { type: 'TextualBody', purpose: 'tagging', value: 'axis:both' },
      target: {
        source: `http://localhost:3000/threads/${slug}/passages/0`,
        selector: { type: 'TextQuoteSelector', exact: passage.text.slice(0, 20) },
      },
    });
    const forgedFile = path.join(dir, 'forged.jsonld');
    await writeFile(forgedFile, JSON.stringify(document(`https://evil.example/users/${victim.id}`)));
    const before = await db.tag.count();
    const refused = await run(forgedFile, actor.email as string);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/\$\.creator: names the account of another reader of this site/);
    expect(await db.tag.count()).toBe(before);

    const ownFile = path.join(dir, 'own.jsonld');
    await writeFile(ownFile, JSON.stringify(document(`http://localhost:3000/users/${actor.id}`)));
    const imported = await run(ownFile, actor.email as string);
    expect(imported.code, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ created: 1 });
    expect(await db.tag.count({ where: { userId: actor.id, claim: { thread: { slug } } } })).toBe(1);
  });
});
