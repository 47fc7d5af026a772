import { beforeAll, describe, expect, it } from 'vitest';
import type { ClaimView } from '@/lib/claims/types';
import { claimSummaries, claimViews } from '@/lib/server/claims/claim-views';
import { db } from '@/lib/server/db/client';
import { insertThread, insertUser } from '../../support/factories';
import { call } from '../../support/requests';

const getClaim = '/api/claims/{id}';
const putTag = '/api/claims/{id}/tag';
const deleteTag = putTag;
const createClaim = '/api/threads/{slug}/claims';
const listClaims = createClaim;

const TEXTS = [
  'First 🙂 claim here, and a second one. Then a third.',
  'Another paragraph with "quotes" & <angle> brackets.',
];

/**
 * The claims and live tags as the ORM reads them, mapped to the API's shape independently of
 * claim-views.ts (which reads them with plain SQL): the two must agree field for field.
 */
async function expected(threadId: string, orphan: boolean): Promise<ClaimView[]> {
  const rows = await db.claim.findMany({
    where: { threadId, orphan, tags: { some: { deletedAt: null } } },
    orderBy: [{ passage: { ordinal: 'asc' } }, { start: 'asc' }, { end: 'asc' }, { id: 'asc' }],
    include: {
      thread: true,
      passage: true,
      tags: { where: { deletedAt: null }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], include: { user: true } },
    },
  });
  return rows.map((c) => ({
    id: c.id,
    threadSlug: c.thread.slug,
    threadTitle: c.thread.title,
    passageId: c.passageId,
    passageOrdinal: c.passage.ordinal,
    start: c.start,
    end: c.end,
    exact: c.exact,
    prefix: c.prefix,
    suffix: c.suffix,
    orphan: c.orphan,
    createdAt: c.createdAt.toISOString(),
    group: c.groupId,
    replyCount: c.replyCount,
    tags: c.tags.map((t) => ({
      id: t.id,
      claimId: t.claimId,
      userId: t.userId,
      userName: t.user.name,
      axis: t.axis,
      confidence: t.confidence,
      concreteStoryNeeded: t.concreteStoryNeeded,
      crux: t.crux,
      note: t.note,
      noteHtml: t.noteHtml,
      labels: t.labels,
      version: t.version,
      createdAt: t.createdAt.toISOString(),
      updatedAt: t.updatedAt.toISOString(),
    })),
  }));
}

let threadId: string;
let slug: string;
const claimIds: string[] = [];

beforeAll(async () => {
  const { thread, passages } = await insertThread(TEXTS);
  threadId = thread.id;
  slug = thread.slug;
  const [ada, bo, cy] = [
    await insertUser({ name: 'Ada <Admin> & "Co"' }),
    await insertUser({ name: 'Bo' }),
    await insertUser({ name: 'Cy' }),
  ];
  const spans = [
    { passage: 1, start: 0, end: 14 },
    { passage: 0, start: 21, end: 37 },
    { passage: 0, start: 0, end: 19 },
    { passage: 0, start: 39, end: 51 },
  ];
  for (const s of spans) {
    const chars = Array.from(TEXTS[s.passage]);
    const body = {
      passageId: passages[s.passage].id,
      start: s.start,
      end: s.end,
      exact: chars.slice(s.start, s.end).join(''),
      prefix: '',
      suffix: '',
    };
    const response = await call(createClaim, { method: 'POST', params: { slug }, body, user: ada });
    expect(response.status, response.text).toBeLessThan(300);
    claimIds.push(response.json.claim.id);
  }
  const tag = async (claim: number, user: typeof ada, body: Record<string, unknown>) => {
    const response = await call(putTag, { method: 'PUT', params: { id: claimIds[claim] }, user, body });
    expect(response.status, response.text).toBe(200);
  };
  await tag(0, ada, {
    axis: 'outer',
    confidence: 10,
    note: '**Bold** and <script>x</script>',
    labels: ['spec gaming', 'RLHF'],
  });
  await tag(0, bo, { axis: 'inner', crux: true, concreteStoryNeeded: true });
  await tag(1, cy, { axis: 'both', confidence: 0 });
  await tag(2, bo, { axis: 'other', confidence: 100, note: 'Only Bo, then deleted.' });
  expect((await call(deleteTag, { method: 'DELETE', params: { id: claimIds[2] }, user: bo })).status).toBe(200);
  await tag(3, cy, { axis: 'inner', confidence: 55 });
  await db.claim.update({ where: { id: claimIds[3] }, data: { orphan: true } });
});

describe('claim views', () => {
  it('list the tagged claims of a thread in reading order with their live tags, as the ORM reads them', async () => {
    const anchored = await claimViews({ threadId, orphan: false });
    expect(anchored.map((c) => c.id)).toEqual([claimIds[1], claimIds[0]]);
    expect(anchored).toEqual(await expected(threadId, false));
    expect(anchored[1].tags.map((t) => t.userName)).toEqual(['Ada <Admin> & "Co"', 'Bo']);
    expect(anchored[1].tags[0]).toMatchObject({
      confidence: 10,
      labels: ['spec gaming', 'RLHF'],
      noteHtml: expect.stringContaining('<strong>Bold</strong>'),
    });
    expect(anchored[1].tags[1]).toMatchObject({ confidence: null, crux: true, concreteStoryNeeded: true, labels: [] });
    const orphans = await claimViews({ threadId, orphan: true });
    expect(orphans.map((c) => c.id)).toEqual([claimIds[3]]);
    expect(orphans).toEqual(await expected(threadId, true));
  });

  it('serve the same through the API, and one claim by id whether tagged or not', async () => {
    const listed = await call(listClaims, { params: { slug } });
    expect(listed.json.claims).toEqual(await expected(threadId, false));
    const orphans = await call(listClaims, { params: { slug }, query: { orphans: '1' } });
    expect(orphans.json.claims.map((c: ClaimView) => c.id)).toEqual([claimIds[3]]);
    const untagged = await call(getClaim, { params: { id: claimIds[2] } });
    expect(untagged.status).toBe(200);
    expect(untagged.json.claim).toMatchObject({ id: claimIds[2], tags: [] });
  });

  it('summarise the same claims, anchored and orphaned, with names once and the thread’s event number', async () => {
    const full = [...(await expected(threadId, false)), ...(await expected(threadId, true))];
    const listed = await call('/api/threads/{slug}/claims/summary', { params: { slug } });
    expect(listed.status).toBe(200);
    const { eventSeq } = await db.thread.findUniqueOrThrow({ where: { id: threadId }, select: { eventSeq: true } });
    expect(eventSeq).toBeGreaterThan(0);
    expect(listed.json.since).toBe(eventSeq);
    // In reading order: the orphan sits where its passage does.
    const inOrder = [...full].sort((a, b) => a.passageOrdinal - b.passageOrdinal || a.start - b.start);
    expect(listed.json.claims).toEqual(
      inOrder.map((claim) => ({
        id: claim.id,
        passageId: claim.passageId,
        passageOrdinal: claim.passageOrdinal,
        start: claim.start,
        end: claim.end,
        exact: claim.exact,
        orphan: claim.orphan,
        replyCount: claim.replyCount,
        tags: claim.tags.map((tag) => ({
          userId: tag.userId,
          axis: tag.axis,
          confidence: tag.confidence,
          concreteStoryNeeded: tag.concreteStoryNeeded,
          crux: tag.crux,
          noteHtml: tag.noteHtml,
          labels: tag.labels,
          version: tag.version,
        })),
      })),
    );
    expect(listed.json.users).toEqual(
      Object.fromEntries(full.flatMap((claim) => claim.tags.map((tag) => [tag.userId, tag.userName]))),
    );
    // Nothing of the details: no raw note, no times, no context.
    expect(listed.text).not.toContain('Only Bo');
    expect(listed.text).not.toContain('**Bold**');
    expect(await claimSummaries(threadId, null)).toEqual(listed.json);
  });
});
