import { beforeAll, describe, expect, it } from 'vitest';
import { api } from '@/lib/server/api/app';
import { db } from '@/lib/server/db/client';
import { insertThread, insertUser } from '../../support/factories';
import { call } from '../../support/requests';
import { sessionCookie } from '../../support/session';
import { tagPassage } from '../../support/tagging';
import { readStream } from '../../support/streams';

type User = { id: string; name: string };
let tagger: User;
let replier: User;
let stranger: User;
let publicClaim: string;
let otherClaim: string;
let groupClaim: string;

const reply = (claimId: string, user: User, body: string) =>
  call('/api/claims/{id}/replies', { method: 'POST', params: { id: claimId }, body: { body }, user });

beforeAll(async () => {
  [tagger, replier, stranger] = await Promise.all(
    ['Tia Tagger', 'Rex Replier', 'Sam Stranger'].map((name) => insertUser({ name })),
  );
  const { thread, passages } = await insertThread(
    ['Tia tagged this one.', 'Nobody of Tia’s.', 'A circle claim.'],
    'inbox-thread',
  );
  publicClaim = (await tagPassage(thread.slug, passages[0], tagger, { axis: 'inner', confidence: 40 })).id;
  otherClaim = (await tagPassage(thread.slug, passages[1], stranger, { axis: 'outer', confidence: 40 })).id;
  const group = await call('/api/groups', { method: 'POST', body: { name: 'Inbox circle' }, user: replier });
  await db.membership.create({ data: { groupId: group.json.id, userId: tagger.id } });
  const claim = await call('/api/threads/{slug}/claims', {
    method: 'POST',
    params: { slug: thread.slug },
    body: { passageId: passages[2].id, start: 0, end: 6, exact: 'A circ', group: group.json.id },
    user: tagger,
  });
  groupClaim = claim.json.claim.id;
  await call('/api/claims/{id}/tag', {
    method: 'PUT',
    params: { id: groupClaim },
    body: { axis: 'both' },
    user: tagger,
  });
});

describe('the inbox', () => {
  it('lists others’ replies on claims I tagged or replied to, unread until I mark it read', async () => {
    await reply(publicClaim, replier, 'First reply to Tia.');
    await reply(otherClaim, replier, 'Not for Tia.');
    await reply(publicClaim, tagger, 'Tia answers herself.');
    await reply(groupClaim, replier, 'Circle reply to Tia.');
    const mine = await call('/api/inbox', { user: tagger });
    expect(mine.status).toBe(200);
    expect(mine.json.items.map((i: { body: string; unread: boolean }) => [i.body, i.unread])).toEqual([
      ['Circle reply to Tia.', true],
      ['First reply to Tia.', true],
    ]);
    expect(mine.json.items[0].claim.group.name).toBe('Inbox circle');

    const seen = await call('/api/inbox/seen', { method: 'POST', user: tagger });
    expect(seen.status).toBe(200);
    await reply(publicClaim, stranger, 'Later reply.');
    const after = await call('/api/inbox', { user: tagger });
    expect(after.json.items.map((i: { body: string; unread: boolean }) => [i.body, i.unread])).toEqual([
      ['Later reply.', true],
      ['Circle reply to Tia.', false],
      ['First reply to Tia.', false],
    ]);
  });

  it('counts a claim I replied to, and never shows a group’s replies to someone outside it', async () => {
    await reply(otherClaim, tagger, 'Tia joins in.');
    await reply(otherClaim, stranger, 'Answer to Tia.');
    const mine = await call('/api/inbox', { user: tagger });
    expect(mine.json.items.map((i: { body: string }) => i.body)).toContain('Answer to Tia.');
    const strangers = await call('/api/inbox', { user: stranger });
    expect(strangers.text).not.toContain('Circle reply');
    await db.membership.deleteMany({ where: { userId: tagger.id } });
    const left = await call('/api/inbox', { user: tagger });
    expect(left.text).not.toContain('Circle reply');
    expect((await call('/api/inbox')).status).toBe(401);
  });

  it('tells two authors who share a name apart ("Rex Replier · 1a2b")', async () => {
    const twin = await insertUser({ name: 'Rex Replier' });
    await reply(publicClaim, twin, 'The other Rex.');
    const mine = await call('/api/inbox', { user: stranger });
    const names = new Map(
      mine.json.items.map((i: { body: string; author: { name: string } }) => [i.body, i.author.name]),
    );
    expect(names.get('The other Rex.')).toMatch(/^Rex Replier · [0-9a-f]{4,}$/);
    expect(names.get('Later reply.')).toBeUndefined();
    const tias = await call('/api/inbox', { user: tagger });
    const shown = tias.json.items.map((i: { author: { id: string; name: string } }) => i.author);
    const rexes = new Set(
      shown.filter((a: { name: string }) => a.name.startsWith('Rex Replier')).map((a: { name: string }) => a.name),
    );
    expect(rexes.size).toBe(2);
    for (const name of rexes) expect(name).toMatch(/^Rex Replier · /);
  });

  it('is live: an empty `inbox` event when a reply reaches it, none for a reply elsewhere', async () => {
    const open = async (user: User | null) =>
      api.request(
        'http://localhost/api/inbox/events',
        { headers: user ? { cookie: await sessionCookie(user) } : {} },
        { remoteAddress: '127.0.0.1' },
      );
    expect((await open(null)).status).toBe(401);
    /** What the stream sends within `ms`. */
    const within = (response: Response, ms: number) => readStream(response, () => false, ms);
    const tias = await open(tagger);
    expect(tias.status).toBe(200);
    const seen = within(tias, 2_500);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await reply(publicClaim, stranger, 'A live reply for Tia.');
    const text = await seen;
    expect(text).toContain('event: inbox\ndata: {}');
    expect(text).not.toContain('A live reply');

    // A reply on a claim Tia neither tagged nor replied to sends her nothing.
    const again = await open(tagger);
    const quiet = within(again, 1_500);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const { thread, passages } = await insertThread(['Not Tia’s at all.'], 'inbox-elsewhere');
    const elsewhere = await tagPassage(thread.slug, passages[0], stranger, { axis: 'other' });
    await reply(elsewhere.id, replier, 'Not for Tia.');
    expect(await quiet).not.toContain('event: inbox');
  });
});
