import { beforeAll, describe, expect, it } from 'vitest';
import { claimAggregates } from '@/lib/cruxes/aggregates';
import {
  deleteTag as deleteOwnTag,
  putTag as putOwnTag,
  restoreTag as restoreOwnTag,
} from '@/lib/server/claims/put-tag';
import { db } from '@/lib/server/db/client';
import { insertThread, insertUser } from '../../support/factories';
import { call } from '../../support/requests';

const putTag = '/api/claims/{id}/tag';
const deleteTag = putTag;
const deleteAnyTag = '/api/tags/{id}';
const createClaim = '/api/threads/{slug}/claims';

/**
 * Tag writes that arrive together are committed together (lib/server/claims/put-tag.ts): each
 * must still be decided as if alone, in arrival order, and only a write at fault may fail.
 */

const TEXT = 'Mesa-optimisers need not share the base objective. Deception is instrumentally useful.';

let slug: string;
let threadId: string;
let passageId: string;
let users: { id: string; name: string }[];

beforeAll(async () => {
  const { thread, passages } = await insertThread([TEXT]);
  slug = thread.slug;
  threadId = thread.id;
  passageId = passages[0].id;
  users = [];
  for (let i = 0; i < 24; i++) users.push(await insertUser({ name: `Tagger ${i}` }));
});

async function newClaim(start: number, end: number) {
  const body = { passageId, start, end, exact: Array.from(TEXT).slice(start, end).join(''), prefix: '', suffix: '' };
  const response = await call(createClaim, { method: 'POST', params: { slug }, body, user: users[0] });
  expect(response.status, response.text).toBeLessThan(300);
  return response.json.claim.id as string;
}

const put = (claimId: string, user: { id: string; name: string }, body: Record<string, unknown>) =>
  call(putTag, { method: 'PUT', params: { id: claimId }, user, body });

describe('tag writes committed together', () => {
  it('keeps a claim exact when many taggers write it at once: every tag, revision and event, aggregates equal to a recount', async () => {
    const claimId = await newClaim(0, 50);
    const seqBefore = (await db.thread.findUniqueOrThrow({ where: { id: threadId } })).eventSeq;
    const responses = await Promise.all(
      users.map((user, i) =>
        put(claimId, user, { axis: i % 2 ? 'inner' : 'outer', confidence: (i * 13) % 101, crux: i % 3 === 0 }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(users.map(() => 200));
    expect(responses.every((r) => r.json.tag.version === 1)).toBe(true);

    const tags = await db.tag.findMany({ where: { claimId } });
    expect(tags).toHaveLength(users.length);
    expect(await db.tagRevision.count({ where: { tagId: { in: tags.map((t) => t.id) } } })).toBe(users.length);
    const recount = claimAggregates({ tags: tags.map((t) => ({ ...t, userName: '', createdAt: '', updatedAt: '' })) });
    const row = await db.claim.findUniqueOrThrow({ where: { id: claimId } });
    expect(row).toMatchObject({
      tagCount: users.length,
      confCount: recount.confidence.count,
      cruxCount: recount.crux,
      axisInner: recount.axes.inner,
      axisOuter: recount.axes.outer,
    });
    expect(row.confMean).toBeCloseTo(recount.confidence.mean ?? Number.NaN, 9);

    // One event per write, numbered without a gap, the last one carrying the final aggregates.
    const events = await db.threadEvent.findMany({
      where: { threadId, seq: { gt: seqBefore } },
      orderBy: { seq: 'asc' },
    });
    expect(events.map((e) => Number(e.seq))).toEqual(users.map((_, i) => Number(seqBefore) + i + 1));
    expect(events.map((e) => (e.payload as { userId: string }).userId).sort()).toEqual(users.map((u) => u.id).sort());
    const last = events.at(-1)?.payload as { aggregates: { taggers: number } } | undefined;
    expect(last?.aggregates.taggers).toBe(users.length);
  });

  it('refuses only the stale edit among writes that arrive together, and decides each write after the ones before it', async () => {
    const claimId = await newClaim(51, 86);
    await put(claimId, users[0], { axis: 'inner', confidence: 40 });
    const [stale, first, second, ...others] = await Promise.all([
      put(claimId, users[0], { axis: 'outer', confidence: 41, version: 7 }),
      put(claimId, users[0], { axis: 'outer', confidence: 42, version: 1 }),
      put(claimId, users[0], { axis: 'outer', confidence: 43, version: 1 }),
      ...users.slice(1, 6).map((user) => put(claimId, user, { axis: 'both', confidence: 50 })),
    ]);
    expect(stale.status).toBe(409);
    // Two edits based on version 1: whichever is decided first wins; the other, decided after it,
    // is stale by then.
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    const winner = first.status === 200 ? first : second;
    expect(winner.json.tag.version).toBe(2);
    expect(others.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    const mine = await db.tag.findFirstOrThrow({ where: { claimId, userId: users[0].id } });
    expect(mine).toMatchObject({ version: 2, confidence: winner.json.tag.confidence, axis: 'outer' });
    expect((await db.claim.findUniqueOrThrow({ where: { id: claimId } })).tagCount).toBe(6);
  });

  it('mixes deletes by tag id with writes on the same claim in one go', async () => {
    const claimId = await newClaim(0, 12);
    await put(claimId, users[1], { axis: 'inner' });
    await put(claimId, users[2], { axis: 'outer' });
    const admin = await insertUser({ name: 'Admin', role: 'ADMIN' });
    const victim = await db.tag.findFirstOrThrow({ where: { claimId, userId: users[1].id } });
    const [removed, own, added, unknown] = await Promise.all([
      call(deleteAnyTag, { method: 'DELETE', params: { id: victim.id }, user: { ...admin, role: 'ADMIN' } }),
      call(deleteTag, { method: 'DELETE', params: { id: claimId }, user: users[2] }),
      put(claimId, users[3], { axis: 'both' }),
      call(deleteAnyTag, {
        method: 'DELETE',
        params: { id: '01890000-0000-7000-8000-000000000001' },
        user: { ...admin, role: 'ADMIN' },
      }),
    ]);
    expect([removed.status, own.status, added.status, unknown.status]).toEqual([200, 200, 200, 404]);
    expect(await db.claim.findUniqueOrThrow({ where: { id: claimId } })).toMatchObject({
      tagCount: 1,
      axisBoth: 1,
      axisInner: 0,
      axisOuter: 0,
    });
  });

  it('fails only the write Postgres refuses when it shares a transaction with others', async () => {
    const claimId = await newClaim(13, 30);
    const ghost = { id: '01890000-0000-7000-8000-0000000000aa', name: 'No such user' };
    const results = await Promise.all([
      put(claimId, users[4], { axis: 'inner', confidence: 10 }),
      put(claimId, users[5], { axis: 'inner', confidence: 20 }),
      put(claimId, ghost, { axis: 'outer', confidence: 30 }),
      put(claimId, users[6], { axis: 'inner', confidence: 30 }),
    ]);
    expect(results.map((r) => r.status)).toEqual([200, 200, expect.any(Number), 200]);
    expect(results[2].status).toBeGreaterThanOrEqual(400);
    expect(results[2].json.error.message).not.toMatch(/at |\.ts:/);
    const tags = await db.tag.findMany({ where: { claimId } });
    expect(tags.map((t) => t.userId).sort()).toEqual([users[4].id, users[5].id, users[6].id].sort());
    expect((await db.claim.findUniqueOrThrow({ where: { id: claimId } })).tagCount).toBe(3);
  });

  it("keeps every step when one tagger's writes share a batch: a revision each, the tag in its last state, events in order", async () => {
    const claimId = await newClaim(31, 50);
    const other = await newClaim(51, 60);
    const [tagger, filler] = [users[7], users[8]];
    const seqBefore = (await db.thread.findUniqueOrThrow({ where: { id: threadId } })).eventSeq;
    // Two writes take the two transaction slots; the chain behind them arrives together. Called
    // through the write functions, which queue at once, in call order: through the route handlers
    // each request first does its own asynchronous work (its body, its session), so requests sent
    // together may reach the queue in any order — and the chain's versions need this one.
    const as = (user: { id: string; name: string }) => ({ ...user, role: 'USER' as const });
    const fields = { confidence: null, concreteStoryNeeded: false, crux: false, note: '', labels: [] };
    const results = await Promise.all([
      putOwnTag(other, as(filler), { ...fields, axis: 'other' }),
      putOwnTag(other, as(users[9]), { ...fields, axis: 'other' }),
      putOwnTag(claimId, as(tagger), { ...fields, axis: 'inner', confidence: 10 }),
      putOwnTag(claimId, as(tagger), { ...fields, axis: 'outer', confidence: 20, version: 1 }),
      deleteOwnTag({ claimId }, as(tagger), 2),
      restoreOwnTag(claimId, as(tagger)),
      putOwnTag(claimId, as(tagger), { ...fields, axis: 'both', confidence: 30, crux: true, version: 4 }),
      putOwnTag(claimId, as(filler), { ...fields, axis: 'inner', confidence: 90 }),
    ]);
    expect(results.slice(2, 7).map((r) => r.tag.version)).toEqual([1, 2, 3, 4, 5]);

    const tag = await db.tag.findFirstOrThrow({
      where: { claimId, userId: tagger.id },
      include: { revisions: { orderBy: { version: 'asc' } } },
    });
    expect(tag).toMatchObject({ version: 5, axis: 'both', confidence: 30, crux: true, deletedAt: null });
    expect(tag.revisions.map((r) => [r.version, r.axis, r.confidence, r.deleted])).toEqual([
      [1, 'inner', 10, false],
      [2, 'outer', 20, false],
      [3, 'outer', 20, true],
      [4, 'outer', 20, false],
      [5, 'both', 30, false],
    ]);
    expect(await db.claim.findUniqueOrThrow({ where: { id: claimId } })).toMatchObject({
      tagCount: 2,
      axisBoth: 1,
      axisInner: 1,
      cruxCount: 1,
      confMean: 60,
    });
    expect(await db.claim.findUniqueOrThrow({ where: { id: other } })).toMatchObject({ tagCount: 2, axisOther: 2 });

    const events = await db.threadEvent.findMany({
      where: { threadId, seq: { gt: seqBefore } },
      orderBy: { seq: 'asc' },
    });
    expect(events.map((e) => Number(e.seq))).toEqual(results.map((_, i) => Number(seqBefore) + i + 1));
    const mine = events
      .map((e) => e.payload as { claimId: string; userId: string; deleted: boolean; tag: { version: number } })
      .filter((p) => p.claimId === claimId && p.userId === tagger.id);
    expect(mine.map((p) => [p.tag.version, p.deleted])).toEqual([
      [1, false],
      [2, false],
      [3, true],
      [4, false],
      [5, false],
    ]);
  });
});
