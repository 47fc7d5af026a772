import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/server/db/client';
import { insertThread, insertUser } from '../support/factories';
import { call } from '../support/requests';
import { recordFigures } from './figures';

const putTagRoute = '/api/claims/{id}/tag';
const createClaimRoute = '/api/threads/{slug}/claims';

const USERS = 100;
const CLAIMS_PER_USER = 50;
const CLAIM_POOL = 400;

type User = { id: string; name: string };
let users: User[];
let claimIds: string[];

async function pool<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

beforeAll(async () => {
  const paragraphs = Array.from(
    { length: CLAIM_POOL },
    (_, i) => `Claim number ${i} about whether alignment generalises.`,
  );
  const { thread, passages } = await insertThread(paragraphs, 'stress-thread');
  users = [];
  for (let i = 0; i < USERS; i++) users.push(await insertUser({ name: `Stress ${i}` }));
  claimIds = [];
  for (const passage of passages) {
    const response = await call(createClaimRoute, {
      method: 'POST',
      params: { slug: thread.slug },
      user: users[0],
      body: { passageId: passage.id, start: 0, end: 12, exact: passage.text.slice(0, 12), prefix: '', suffix: '' },
    });
    claimIds.push(response.json.claim.id);
  }
}, 300_000);

describe('100 concurrent users tagging 50 claims each', () => {
  it('keeps every acknowledged write, no duplicates, aggregates equal to a recount', async () => {
    // Each user tags 50 distinct claims out of a pool of 400, so many claims get several taggers at once.
    const writes = users.flatMap((user, u) =>
      Array.from({ length: CLAIMS_PER_USER }, (_, k) => ({
        user,
        claimId: claimIds[(u * 7 + k * 13) % CLAIM_POOL],
        confidence: (u * 31 + k * 17) % 101,
      })),
    );
    const acknowledged: typeof writes = [];
    let failed = 0;
    const started = Date.now();
    const perUser = new Map(users.map((user) => [user.id, writes.filter((w) => w.user === user)]));
    await pool([...perUser.values()], USERS, async (list) => {
      for (const write of list) {
        const response = await call(putTagRoute, {
          method: 'PUT',
          params: { id: write.claimId },
          user: write.user,
          body: { axis: 'inner', confidence: write.confidence },
        });
        if (response.status === 200) acknowledged.push(write);
        else failed++;
      }
    });
    const seconds = (Date.now() - started) / 1000;
    expect(failed).toBe(0);
    expect(acknowledged).toHaveLength(USERS * CLAIMS_PER_USER);

    const tags = await db.tag.findMany({ select: { claimId: true, userId: true, confidence: true, version: true } });
    expect(tags).toHaveLength(acknowledged.length);
    const found = new Map(tags.map((t) => [`${t.claimId}:${t.userId}`, t]));
    for (const write of acknowledged)
      expect(found.get(`${write.claimId}:${write.user.id}`)?.confidence).toBe(write.confidence);

    const recount = await db.$queryRaw<
      { id: string; tagCount: number; recount: number; confMean: number | null; mean: number | null }[]
    >`
      SELECT c."id", c."tagCount", count(t.*)::int AS recount, c."confMean", avg(t."confidence")::float8 AS mean
      FROM "Claim" c LEFT JOIN "Tag" t ON t."claimId" = c."id" AND t."deletedAt" IS NULL
      GROUP BY c."id"`;
    for (const row of recount) {
      expect(row.tagCount).toBe(row.recount);
      if (row.mean === null) expect(row.confMean).toBeNull();
      else expect(row.confMean).toBeCloseTo(row.mean, 9);
    }
    expect(await db.tagRevision.count()).toBe(acknowledged.length);
    recordFigures('concurrency', {
      writesAttempted: writes.length,
      writesAcknowledged: acknowledged.length,
      writesFound: tags.length,
      seconds,
      writesPerSecond: Math.round(writes.length / seconds),
    });
  }, 600_000);

  it('answers stale concurrent edits of one tag with 409; the final state is the last acknowledged write; every acknowledged state is a revision', async () => {
    const user = users[1];
    const claimId = claimIds[CLAIM_POOL - 1];
    const current = await db.tag.findUnique({ where: { claimId_userId: { claimId, userId: user.id } } });
    let version = current?.version;
    if (!current) {
      const created = await call(putTagRoute, {
        method: 'PUT',
        params: { id: claimId },
        user,
        body: { axis: 'outer', confidence: 1 },
      });
      version = created.json.tag.version;
    }
    // 20 editors race from the same version: exactly one wins each round, the rest get 409.
    const acknowledgedStates: number[] = [];
    let conflicts = 0;
    for (let round = 0; round < 5; round++) {
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          call(putTagRoute, {
            method: 'PUT',
            params: { id: claimId },
            user,
            body: { axis: 'outer', confidence: round * 20 + i, version },
          }),
        ),
      );
      const winners = results.filter((r) => r.status === 200);
      conflicts += results.filter((r) => r.status === 409).length;
      expect(winners).toHaveLength(1);
      expect(results.every((r) => r.status === 200 || r.status === 409)).toBe(true);
      acknowledgedStates.push(winners[0].json.tag.confidence);
      version = winners[0].json.tag.version;
    }
    const final = await db.tag.findUniqueOrThrow({ where: { claimId_userId: { claimId, userId: user.id } } });
    expect(final.confidence).toBe(acknowledgedStates.at(-1));
    const revisions = await db.tagRevision.findMany({ where: { tagId: final.id }, orderBy: { version: 'asc' } });
    const revisionConfidences = revisions.map((r) => r.confidence);
    for (const state of acknowledgedStates) expect(revisionConfidences).toContain(state);
    expect(conflicts).toBe(5 * 19);
    recordFigures('staleEdits', { attempted: 100, acknowledged: 5, conflicts });
  }, 120_000);
});
