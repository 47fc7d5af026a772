import { beforeAll, describe, expect, it } from 'vitest';
import { parseAnnotations } from '@/lib/export';
import { api } from '@/lib/server/api/app';
import { db } from '@/lib/server/db/client';
import { searchEngine } from '@/lib/server/search/search-claims';
import { insertThread, insertUser } from '../../support/factories';
import { call } from '../../support/requests';
import { sessionCookie } from '../../support/session';
import { tagPassage } from '../../support/tagging';
import { readStream } from '../../support/streams';

type User = { id: string; name: string };
let ann: User;
let ben: User;
let outsider: User;
let slug: string;
let publicClaimId: string;
let groupClaimId: string;
let groupId: string;

const replies = '/api/claims/{id}/replies';
const post = (id: string, user: User | null, body: unknown) =>
  call(replies, { method: 'POST', params: { id }, body, user });

beforeAll(async () => {
  [ann, ben, outsider] = await Promise.all(
    ['Ann Replier', 'Ben Replier', 'Ola Outsider'].map((name) => insertUser({ name })),
  );
  const { thread, passages } = await insertThread(
    ['Replies are threaded one level deep under a claim about otters.', 'A circle claim about beavers.'],
    'reply-thread',
  );
  slug = thread.slug;
  publicClaimId = (await tagPassage(slug, passages[0], ann, { axis: 'inner', confidence: 30 })).id;
  const group = await call('/api/groups', { method: 'POST', body: { name: 'Beaver circle' }, user: ann });
  groupId = group.json.id;
  await db.membership.create({ data: { groupId, userId: ben.id } });
  const claim = await call('/api/threads/{slug}/claims', {
    method: 'POST',
    params: { slug },
    body: { passageId: passages[1].id, start: 0, end: 5, exact: passages[1].text.slice(0, 5), group: groupId },
    user: ann,
  });
  groupClaimId = claim.json.claim.id;
  await call('/api/claims/{id}/tag', {
    method: 'PUT',
    params: { id: groupClaimId },
    body: { axis: 'outer' },
    user: ann,
  });
  await searchEngine().loaded();
});

describe('replies', () => {
  it('writes a reply as its sender, renders its Markdown sanitised like notes, and counts it on the claim', async () => {
    const created = await post(publicClaimId, ben, {
      body: 'I **doubt** it <script>alert(1)</script> [x](javascript:alert(1))',
    });
    expect(created.status, created.text).toBe(201);
    expect(created.json.reply).toMatchObject({ authorId: ben.id, authorName: 'Ben Replier', parentId: null });
    expect(created.json.reply.bodyHtml).toContain('<strong>doubt</strong>');
    expect(created.json.reply.bodyHtml).not.toMatch(/<script|javascript:/);
    const claim = await call('/api/claims/{id}', { params: { id: publicClaimId } });
    expect(claim.json.claim.replyCount).toBe(1);
    const listed = await call(replies, { params: { id: publicClaimId } });
    expect(listed.json.replies.map((r: { id: string }) => r.id)).toEqual([created.json.reply.id]);
  });

  it('threads one level deep: an answer names a top-level reply of the same claim', async () => {
    const top = await post(publicClaimId, ann, { body: 'Top level.' });
    const answer = await post(publicClaimId, ben, { body: 'An answer.', parentId: top.json.reply.id });
    expect(answer.status, answer.text).toBe(201);
    expect(answer.json.reply.parentId).toBe(top.json.reply.id);
    const deeper = await post(publicClaimId, ann, { body: 'Too deep.', parentId: answer.json.reply.id });
    expect(deeper.status).toBe(422);
    expect(deeper.json.error.message).toMatch(/one level/);
    const elsewhere = await post(groupClaimId, ann, { body: 'Wrong claim.', parentId: top.json.reply.id });
    expect(elsewhere.status).toBe(422);
  });

  it('says what to fix in a bad reply', async () => {
    expect((await post(publicClaimId, ann, { body: '   ' })).json.error.message).toMatch(/empty/);
    expect((await post(publicClaimId, ann, {})).status).toBe(400);
    expect((await post(publicClaimId, ann, { body: 'x'.repeat(20_001) })).status).toBe(413);
    expect((await post(publicClaimId, null, { body: 'Anonymous.' })).status).toBe(401);
  });

  it('lets only the author edit (keeping the earlier body) or delete a reply', async () => {
    const created = await post(publicClaimId, ann, { body: 'First words.' });
    const id = created.json.reply.id;
    const byOther = await call('/api/replies/{id}', {
      method: 'PATCH',
      params: { id },
      body: { body: 'Hijacked' },
      user: ben,
    });
    expect(byOther.status).toBe(403);
    expect((await call('/api/replies/{id}', { method: 'DELETE', params: { id }, user: ben })).status).toBe(403);
    const edited = await call('/api/replies/{id}', {
      method: 'PATCH',
      params: { id },
      body: { body: 'Second words.' },
      user: ann,
    });
    expect(edited.status).toBe(200);
    expect(edited.json.reply).toMatchObject({ body: 'Second words.', authorId: ann.id });
    expect(edited.json.reply.editedAt).not.toBeNull();
    expect((await db.replyRevision.findMany({ where: { replyId: id } })).map((r) => r.body)).toEqual(['First words.']);
    const before = (await db.claim.findUniqueOrThrow({ where: { id: publicClaimId } })).replyCount;
    expect((await call('/api/replies/{id}', { method: 'DELETE', params: { id }, user: ann })).status).toBe(200);
    expect((await db.claim.findUniqueOrThrow({ where: { id: publicClaimId } })).replyCount).toBe(before - 1);
    const listed = await call(replies, { params: { id: publicClaimId } });
    expect(listed.json.replies.some((r: { id: string }) => r.id === id)).toBe(false);
    expect(
      (await call('/api/replies/{id}', { method: 'PATCH', params: { id }, body: { body: 'Back' }, user: ann })).status,
    ).toBe(404);
  });

  it('follows the claim’s layer: a group claim’s replies are its members’ alone', async () => {
    const created = await post(groupClaimId, ben, { body: 'Beavers build dams, circle only.' });
    expect(created.status, created.text).toBe(201);
    expect((await call(replies, { params: { id: groupClaimId }, user: ann })).json.replies).toHaveLength(1);
    for (const user of [outsider, null]) {
      expect((await call(replies, { params: { id: groupClaimId }, user })).status).toBe(404);
    }
    expect((await post(groupClaimId, outsider, { body: 'Let me in.' })).status).toBe(404);
    const id = created.json.reply.id;
    const edit = await call('/api/replies/{id}', {
      method: 'PATCH',
      params: { id },
      body: { body: 'x' },
      user: outsider,
    });
    expect(edit.status).toBe(404);
  });

  it('shows the reply count in search results, of the claim’s layer', async () => {
    const found = await call('/api/claims', { query: { q: 'otters' } });
    const hit = found.json.items.find((i: { id: string }) => i.id === publicClaimId);
    expect(hit.replyCount).toBe(await db.reply.count({ where: { claimId: publicClaimId, deletedAt: null } }));
    expect(hit.replyCount).toBeGreaterThan(0);
    const circle = await call('/api/claims', { query: { group: groupId }, user: ben });
    expect(circle.json.items.find((i: { id: string }) => i.id === groupClaimId).replyCount).toBe(1);
  });

  it('streams a reply live on its layer only', async () => {
    const open = async (group?: string) =>
      api.request(
        `http://localhost/api/threads/${slug}/events${group ? `?group=${group}` : ''}`,
        { headers: { cookie: await sessionCookie(ben) } },
        { remoteAddress: '127.0.0.1' },
      );
    const [pub, grp] = await Promise.all([open(), open(groupId)]);
    const read = (response: Response, until: string) => readStream(response, (text) => text.includes(until));
    const seen = Promise.all([read(pub, 'public-live-reply'), read(grp, 'circle-live-reply')]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await post(groupClaimId, ann, { body: 'circle-live-reply' });
    await post(publicClaimId, ann, { body: 'public-live-reply' });
    const [publicText, groupText] = await seen;
    expect(publicText).toContain('event: reply');
    expect(publicText).toContain('public-live-reply');
    expect(publicText).not.toContain('circle-live-reply');
    expect(groupText).toContain('circle-live-reply');
    expect(groupText).not.toContain('public-live-reply');
  });
});

describe('replies in the exports', () => {
  it('writes replies into the crux Markdown and JSON, and as W3C `replying` annotations on the claim’s IRI', async () => {
    // A second tagger far from the first makes the claim a crux, so the summary lists it.
    await call('/api/claims/{id}/tag', {
      method: 'PUT',
      params: { id: publicClaimId },
      body: { axis: 'outer', confidence: 95, crux: true },
      user: ben,
    });
    const top = await post(publicClaimId, ben, { body: 'Exported *reply* about otters.' });
    await post(publicClaimId, ann, { body: 'An exported answer.', parentId: top.json.reply.id });
    const query = { format: 'md', minTaggers: '1' };
    const md = await call('/api/threads/{slug}/cruxes', { params: { slug }, query });
    expect(md.text).toContain('Replies:');
    expect(md.text).toContain('Exported _reply_ about otters.');
    expect(md.text).toContain('(answering a reply)');
    const json = await call('/api/threads/{slug}/cruxes', { params: { slug }, query: { ...query, format: 'json' } });
    const entry = [
      ...json.json.cruxes,
      ...json.json.consensus,
      ...(json.json.byAxis ?? []).flatMap((a: { cruxes: unknown[] }) => a.cruxes),
    ].find((c: { claim: { id: string } }) => c.claim.id === publicClaimId);
    expect(entry.replies.map((r: { body: string }) => r.body)).toContain('Exported *reply* about otters.');
    const w3c = await call('/api/threads/{slug}/cruxes', { params: { slug }, query: { format: 'w3c' } });
    const replying = w3c.json.first.items.filter((a: { motivation: string }) => a.motivation === 'replying');
    const mine = replying.find(
      (a: { body: { value: string }[] }) => a.body[0].value === 'Exported *reply* about otters.',
    );
    expect(mine.target).toMatch(new RegExp(`/claims/${publicClaimId}$`));
    expect(mine.id).toMatch(new RegExp(`/replies/${top.json.reply.id}$`));
    expect(mine.creator.name).toBe('Ben Replier');
    const answer = replying.find((a: { body: { value: string }[] }) => a.body[0].value === 'An exported answer.');
    expect(answer.inReplyTo).toBe(mine.id);
    expect(w3c.text).not.toContain('circle-live-reply');
    const circle = await call('/api/threads/{slug}/cruxes', {
      params: { slug },
      query: { format: 'w3c', group: groupId },
      user: ben,
    });
    expect(circle.text).toContain('circle-live-reply');
    // Read back, the replies are skipped: they never come in as tags.
    const parsed = parseAnnotations(w3c.json);
    expect(parsed.ok && parsed.annotations.length).toBe(w3c.json.first.items.length - replying.length);
  });
});
