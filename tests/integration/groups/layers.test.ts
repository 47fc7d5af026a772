import { beforeAll, describe, expect, it } from 'vitest';
import { api } from '@/lib/server/api/app';
import { resolveAnnotation, resolveClaim } from '@/lib/server/annotations/resolve-iris';
import { resolveCollection } from '@/lib/server/annotations/resolve-collection';
import { claimHighlights } from '@/lib/server/claims/highlights';
import { db } from '@/lib/server/db/client';
import { publicOrigin } from '@/lib/server/public-origin';
import { searchEngine } from '@/lib/server/search/search-claims';
import { insertThread, insertUser } from '../../support/factories';
import { call } from '../../support/requests';
import { sessionCookie } from '../../support/session';
import { tagPassage } from '../../support/tagging';
import { readStream } from '../../support/streams';

type User = { id: string; name: string };

/** Words that stand only in the group's claim and only in the public claim: a leak of either shows in any read. */
const SECRET = 'Zanzibar circle-only sentence about quokkas.';
const PUBLIC = 'Everyone may read this public sentence about wombats.';

let owner: User;
let member: User;
let outsider: User;
let groupId: string;
let slug: string;
let threadId: string;
let revisionId: string;
let groupClaimId: string;
let groupTagId: string;
let publicClaimId: string;

async function claimOn(passage: { id: string; text: string }, user: User, group?: string) {
  const created = await call('/api/threads/{slug}/claims', {
    method: 'POST',
    params: { slug },
    body: {
      passageId: passage.id,
      start: 0,
      end: passage.text.length,
      exact: passage.text,
      ...(group ? { group } : {}),
    },
    user,
  });
  expect(created.status, created.text).toBeLessThan(300);
  return created.json.claim.id as string;
}

async function tag(claimId: string, user: User, confidence: number) {
  const answer = await call('/api/claims/{id}/tag', {
    method: 'PUT',
    params: { id: claimId },
    body: { axis: 'inner', confidence, crux: true, note: `note by ${user.name}` },
    user,
  });
  expect(answer.status, answer.text).toBe(200);
  return answer.json.tag.id as string;
}

beforeAll(async () => {
  [owner, member, outsider] = await Promise.all(
    ['Gwen Owner', 'Gus Member', 'Nia Outsider'].map((name) => insertUser({ name })),
  );
  const { thread, passages, revision } = await insertThread([SECRET, PUBLIC], 'layered-thread');
  slug = thread.slug;
  threadId = thread.id;
  revisionId = revision.id;
  const created = await call('/api/groups', { method: 'POST', body: { name: 'Quokka readers' }, user: owner });
  groupId = created.json.id;
  const joined = await call('/api/groups/join', {
    method: 'POST',
    body: { token: created.json.inviteUrl.split('/').pop() },
    user: member,
  });
  expect(joined.status).toBe(200);
  groupClaimId = await claimOn(passages[0], member, groupId);
  groupTagId = await tag(groupClaimId, member, 10);
  await tag(groupClaimId, owner, 90);
  publicClaimId = (await tagPassage(slug, passages[1], outsider, { axis: 'outer', confidence: 60 })).id;
  await searchEngine().loaded();
});

describe('a group’s layer', () => {
  it('keeps the same span a claim of its own on each layer', async () => {
    const passage = await db.passage.findFirstOrThrow({ where: { revisionId, ordinal: 0 } });
    const publicTwin = await claimOn(passage, outsider);
    expect(publicTwin).not.toBe(groupClaimId);
    expect(await claimOn(passage, owner, groupId)).toBe(groupClaimId);
  });

  it('lists a thread’s claims by layer: public without the group’s, the group’s for members, 404 to others', async () => {
    const pub = await call('/api/threads/{slug}/claims', { params: { slug }, user: member });
    expect(pub.json.claims.map((c: { id: string }) => c.id)).toEqual([publicClaimId]);
    const grp = await call('/api/threads/{slug}/claims', { params: { slug }, query: { group: groupId }, user: member });
    expect(grp.json.claims.map((c: { id: string }) => c.id)).toEqual([groupClaimId]);
    expect(grp.json.claims[0].tags).toHaveLength(2);
    for (const user of [outsider, null]) {
      const refused = await call('/api/threads/{slug}/claims', { params: { slug }, query: { group: groupId }, user });
      expect(refused.status).toBe(404);
      expect(refused.text).not.toContain('quokka');
    }
  });

  it('summarises a thread’s claims by layer the same way, names and all', async () => {
    const summary = '/api/threads/{slug}/claims/summary';
    const pub = await call(summary, { params: { slug }, user: member });
    expect(pub.json.claims.map((c: { id: string }) => c.id)).toEqual([publicClaimId]);
    const grp = await call(summary, { params: { slug }, query: { group: groupId }, user: member });
    expect(grp.json.claims.map((c: { id: string }) => c.id)).toEqual([groupClaimId]);
    expect(grp.json.claims[0].tags).toHaveLength(2);
    expect(Object.keys(pub.json.users).sort()).toEqual(
      pub.json.claims[0].tags.map((t: { userId: string }) => t.userId).sort(),
    );
    for (const user of [outsider, null]) {
      const refused = await call(summary, { params: { slug }, query: { group: groupId }, user });
      expect(refused.status).toBe(404);
      expect(refused.text).not.toContain('quokka');
    }
  });

  it('answers one group claim by id to members only; to others exactly like a claim that does not exist', async () => {
    expect((await call('/api/claims/{id}', { params: { id: groupClaimId }, user: owner })).status).toBe(200);
    const hidden = await call('/api/claims/{id}', { params: { id: groupClaimId }, user: outsider });
    const missing = await call('/api/claims/{id}', {
      params: { id: '01900000-0000-7000-8000-000000000000' },
      user: outsider,
    });
    expect(hidden.status).toBe(404);
    expect(hidden.json.error.message.replace(groupClaimId, 'ID')).toBe(
      missing.json.error.message.replace('01900000-0000-7000-8000-000000000000', 'ID'),
    );
    expect((await call('/api/claims/{id}', { params: { id: groupClaimId } })).status).toBe(404);
  });

  it('lets only members tag a group claim or delete a tag on it', async () => {
    const put = await call('/api/claims/{id}/tag', {
      method: 'PUT',
      params: { id: groupClaimId },
      body: { axis: 'outer', confidence: 50 },
      user: outsider,
    });
    expect(put.status).toBe(404);
    const admin = await insertUser({ name: 'Ada Admin', role: 'ADMIN' });
    const del = await call('/api/tags/{id}', { method: 'DELETE', params: { id: groupTagId }, user: admin });
    expect(del.status).toBe(404);
    expect(await db.tag.count({ where: { claimId: groupClaimId, deletedAt: null } })).toBe(2);
  });

  it('searches one layer: hits and every facet count of the public layer leave the group’s out', async () => {
    const pub = await call('/api/claims', { query: { crux: 'true', limit: '200' }, user: member });
    expect(pub.status).toBe(200);
    expect(pub.text).not.toContain('quokka');
    expect(pub.json.items.some((i: { id: string }) => i.id === groupClaimId)).toBe(false);
    expect(pub.json.facets.threads.some((t: { slug: string }) => t.slug === slug)).toBe(false);

    const words = await call('/api/claims', { query: { q: 'quokkas' }, user: member });
    expect(words.json.items).toEqual([]);
    expect(words.json.facets.total).toBe(0);

    const grp = await call('/api/claims', { query: { q: 'quokkas', group: groupId }, user: member });
    expect(grp.json.items.map((i: { id: string }) => i.id)).toEqual([groupClaimId]);
    expect(grp.json.facets).toMatchObject({ total: 1, crux: 1, axis: { inner: 1 } });
    expect(grp.json.facets.threads).toEqual([{ slug, title: `Thread ${slug}`, count: 1 }]);

    const browse = await call('/api/claims', { query: { group: groupId, thread: slug }, user: owner });
    expect(browse.json.items.map((i: { id: string }) => i.id)).toEqual([groupClaimId]);

    for (const user of [outsider, null]) {
      const refused = await call('/api/claims', { query: { q: 'quokkas', group: groupId }, user });
      expect(refused.status).toBe(404);
    }

    // A misspelling of a word only the group's layer holds is not corrected into it on the public
    // layer: the notice would name the group's word. On the group's layer it is.
    const typo = await call('/api/claims', { query: { q: 'zanzibaar' }, user: outsider });
    expect(typo.json).toMatchObject({ items: [], correctedQuery: null });
    expect(typo.text).not.toContain('zanzibar');
    const inGroup = await call('/api/claims', { query: { q: 'zanzibaar', group: groupId }, user: member });
    expect(inGroup.json).toMatchObject({ mode: 'fuzzy', correctedQuery: 'zanzibar' });
  });

  it('exports cruxes by layer in every format; a group’s to members only', async () => {
    for (const format of ['md', 'json', 'csv', 'w3c', 'hypothesis']) {
      // minTaggers 1: every tagged claim is listed, so a claim left out is left out by its layer.
      const pub = await call('/api/threads/{slug}/cruxes', {
        params: { slug },
        query: { format, minTaggers: '1' },
        user: member,
      });
      expect(pub.status, `${format}: ${pub.text}`).toBe(200);
      expect(pub.text, format).not.toContain('quokka');
      expect(pub.text, format).toContain('wombats');

      const grp = await call('/api/threads/{slug}/cruxes', {
        params: { slug },
        query: { format, group: groupId, minTaggers: '1' },
        user: member,
      });
      expect(grp.status, `${format}: ${grp.text}`).toBe(200);
      expect(grp.text, format).toContain('quokka');
      expect(grp.text, format).not.toContain('wombats');

      const all = await call('/api/cruxes', { query: { format, group: groupId, minTaggers: '1' }, user: owner });
      expect(all.text, format).toContain('quokka');

      for (const user of [outsider, null]) {
        const refused = await call('/api/threads/{slug}/cruxes', {
          params: { slug },
          query: { format, group: groupId },
          user,
        });
        expect(refused.status, format).toBe(404);
        expect(refused.text).not.toContain('quokka');
      }
      const across = await call('/api/cruxes', { query: { format, minTaggers: '1' }, user: owner });
      expect(across.text, format).not.toContain('quokka');
    }
    const page = await call('/api/threads/{slug}/cruxes', {
      params: { slug },
      query: { format: 'html', group: groupId },
      user: outsider,
    });
    expect(page.status).toBe(404);
  });

  it('resolves a group claim’s and its annotations’ IRIs for members only', async () => {
    const origin = publicOrigin();
    const as = async (user: User | null) => new Headers(user ? { cookie: await sessionCookie(user) } : {});
    expect(await resolveClaim(groupClaimId, origin, await as(member))).not.toBeNull();
    expect(await resolveClaim(groupClaimId, origin, await as(outsider))).toBeNull();
    expect(await resolveClaim(groupClaimId, origin, await as(null))).toBeNull();
    expect(await resolveAnnotation(groupTagId, origin, await as(owner))).not.toBeNull();
    expect(await resolveAnnotation(groupTagId, origin, await as(outsider))).toBeNull();
    expect(await resolveClaim(publicClaimId, origin, await as(null))).not.toBeNull();
    const collection = new URL(`${origin}/annotations?thread=${slug}&group=${groupId}`);
    const mine = await resolveCollection(collection, origin, await as(member));
    expect(JSON.stringify(mine?.document)).toContain('quokka');
    expect(await resolveCollection(collection, origin, await as(outsider))).toBeNull();
  });

  it('draws the reader’s highlights of one layer only', async () => {
    expect((await claimHighlights(threadId, revisionId)).map((h) => h.id)).toEqual([publicClaimId]);
    expect((await claimHighlights(threadId, revisionId, groupId)).map((h) => h.id)).toEqual([groupClaimId]);
  });

  it('hides the whole layer once the group is deleted, from its members too', async () => {
    const created = await call('/api/groups', { method: 'POST', body: { name: 'Short-lived' }, user: owner });
    const passage = await db.passage.findFirstOrThrow({ where: { revisionId, ordinal: 1 } });
    const claimId = await claimOn(passage, owner, created.json.id);
    await tag(claimId, owner, 40);
    await call('/api/groups/{id}', { method: 'DELETE', params: { id: created.json.id }, user: owner });
    expect((await call('/api/claims/{id}', { params: { id: claimId }, user: owner })).status).toBe(404);
    const listed = await call('/api/threads/{slug}/claims', {
      params: { slug },
      query: { group: created.json.id },
      user: owner,
    });
    expect(listed.status).toBe(404);
    expect(await db.claim.count({ where: { id: claimId } })).toBe(1);
  });
});

async function openStream(user: User | null, group?: string) {
  const headers = new Headers(user ? { cookie: await sessionCookie(user) } : {});
  const url = `http://localhost/api/threads/${slug}/events${group ? `?group=${group}` : ''}`;
  return api.request(url, { headers }, { remoteAddress: '127.0.0.1' });
}

describe('live events by layer', () => {
  it('gives a non-member of the group 404, never a stream', async () => {
    expect((await openStream(outsider, groupId)).status).toBe(404);
    expect((await openStream(null, groupId)).status).toBe(404);
  });

  it('sends a group tag to that group’s stream only, and a public tag to the public stream only', async () => {
    const [publicStream, groupStream] = await Promise.all([openStream(member), openStream(member, groupId)]);
    expect(groupStream.status).toBe(200);
    const seen = Promise.all([
      readStream(publicStream, (t) => t.includes(publicClaimId)),
      readStream(groupStream, (t) => t.includes(publicClaimId) || t.includes('groupDone')),
    ]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const current = await db.tag.findFirstOrThrow({ where: { claimId: groupClaimId, userId: member.id } });
    const grp = await call('/api/claims/{id}/tag', {
      method: 'PUT',
      params: { id: groupClaimId },
      body: { axis: 'inner', confidence: 15, note: 'groupDone', version: current.version },
      user: member,
    });
    expect(grp.status, grp.text).toBe(200);
    const edit = await db.tag.findFirstOrThrow({ where: { claimId: publicClaimId, userId: outsider.id } });
    const pub = await call('/api/claims/{id}/tag', {
      method: 'PUT',
      params: { id: publicClaimId },
      body: { axis: 'outer', confidence: 70, version: edit.version },
      user: outsider,
    });
    expect(pub.status, pub.text).toBe(200);
    const [publicText, groupText] = await seen;
    expect(publicText).toContain(publicClaimId);
    expect(publicText).not.toContain(groupClaimId);
    expect(publicText).not.toContain('groupDone');
    expect(groupText).toContain('groupDone');
    expect(groupText).not.toContain(publicClaimId);
  });
});
