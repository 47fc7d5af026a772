import { describe, expect, it } from 'vitest';
import { codePointLength } from '@/lib/anchoring/code-points';
import { db } from '@/lib/server/db/client';
import { ingestThread } from '@/lib/server/threads/ingest-thread';
import { insertUser } from '../../support/factories';
import { tagPassage } from '../../support/tagging';

const FIRST = [
  'Reward learning is doomed for treacherous turns because evaluation cannot see deception.',
  'Interpretability might rescue oversight if it scales to frontier models.',
  'A quick aside that will be deleted in the next version of the thread.',
].join('\n');

const SECOND = [
  'A new opening paragraph was added at the top of the thread.',
  'Reward learning is doomed for treacherous turns because evaluation cannot see deception.',
  'Interpretability might rescue oversight if it scales to the frontier models of 2027.',
].join('\n');

describe('thread revisions', () => {
  it('stores a changed version as a new revision and re-anchors claims, orphaning what is gone', async () => {
    const first = await ingestThread({ bytes: Buffer.from(FIRST), format: 'text', sourceName: 'revisions.txt' });
    expect(first).toMatchObject({ created: true, revision: 1 });
    expect(
      await ingestThread({ bytes: Buffer.from(FIRST), format: 'text', sourceName: 'revisions.txt' }),
    ).toMatchObject({ created: false, revision: 1 });

    const user = await insertUser({ name: 'Reviser' });
    const passages = await db.passage.findMany({
      where: { revision: { thread: { slug: first.slug } } },
      orderBy: { ordinal: 'asc' },
    });
    const unchanged = await tagPassage(first.slug, passages[0], user, { axis: 'inner', confidence: 20 });
    const edited = await tagPassage(first.slug, passages[1], user, { axis: 'outer', confidence: 70 });
    const deleted = await tagPassage(first.slug, passages[2], user, { axis: 'other', confidence: 50 });

    const second = await ingestThread({ bytes: Buffer.from(SECOND), format: 'text', sourceName: 'revisions.txt' });
    expect(second).toMatchObject({
      created: true,
      revision: 2,
      slug: first.slug,
      reanchored: { anchored: 2, orphaned: 1 },
    });
    const revisions = await db.threadRevision.findMany({
      where: { thread: { slug: first.slug } },
      orderBy: { number: 'asc' },
    });
    expect(revisions.map((r) => r.number)).toEqual([1, 2]);

    const newPassages = await db.passage.findMany({
      where: { revisionId: revisions[1].id },
      orderBy: { ordinal: 'asc' },
    });
    const claimNow = async (id: string) => db.claim.findUniqueOrThrow({ where: { id }, include: { tags: true } });
    expect(await claimNow(unchanged.id)).toMatchObject({
      passageId: newPassages[1].id,
      start: 0,
      end: codePointLength(newPassages[1].text),
      orphan: false,
    });
    const moved = await claimNow(edited.id);
    expect(moved).toMatchObject({ passageId: newPassages[2].id, orphan: false });
    expect(moved.exact).toContain('Interpretability might rescue oversight');
    const orphan = await claimNow(deleted.id);
    expect(orphan.orphan).toBe(true);
    expect(orphan.tags).toHaveLength(1);
    expect(await db.threadEvent.findFirst({ where: { type: 'revision' } })).toMatchObject({
      payload: { revision: 2, anchored: 2, orphaned: 1 },
    });
  });
});
