import { describe, expect, it } from 'vitest';
import { db } from '@/lib/server/db/client';
import { ingestThread } from '@/lib/server/threads/ingest-thread';
import { getThreadModel, rebuildOriginal } from '@/lib/server/threads/thread-model';

const comment = (id: string, parent: string | null, author: string, markdown: string) => ({
  _id: id,
  parentCommentId: parent,
  postedAt: '2024-03-01T12:00:00.000Z',
  user: { displayName: author },
  contents: { markdown },
});

const EXPORT = JSON.stringify({
  data: {
    comments: {
      results: [
        comment(
          'c1',
          null,
          'Ada',
          'Outer alignment is mostly a specification problem.\n\nWe can write down what we want.',
        ),
        comment(
          'c2',
          'c1',
          'Bo',
          '> Outer alignment is mostly a specification problem.\n\nI doubt specifications survive optimisation pressure.',
        ),
        comment('c3', 'c2', 'Cy', 'Goodhart bites hardest exactly where the stakes are highest.'),
        comment('c4', null, 'Di', 'A separate top-level point about interpretability tools.'),
      ],
    },
  },
});

describe('LessWrong reply tree', () => {
  it('stores each comment’s parent and shows the reply on the first passage of the reply', async () => {
    const outcome = await ingestThread({
      bytes: Buffer.from(EXPORT),
      format: 'lesswrong-json',
      sourceName: 'tree.json',
    });
    const stored = await db.passage.findMany({
      where: { revision: { thread: { slug: outcome.slug } } },
      orderBy: { ordinal: 'asc' },
    });
    expect(stored.map((p) => [p.commentId, p.parentCommentId])).toEqual([
      ['c1', null],
      ['c1', null],
      ['c2', 'c1'],
      ['c3', 'c2'],
      ['c4', null],
    ]);

    const model = await getThreadModel(outcome.slug);
    expect(model.passages.map((p) => [p.author, p.inReplyTo])).toEqual([
      ['Ada', null],
      ['Ada', null],
      ['Bo', { ordinal: 0, author: 'Ada' }],
      ['Cy', { ordinal: 2, author: 'Bo' }],
      ['Di', null],
    ]);
    // The quote opening Bo's comment is a repeat, not a passage of its own.
    expect(model.occurrences.some((o) => o.kind === 'exact')).toBe(true);
    expect(rebuildOriginal(model.occurrences)).toBe(EXPORT);
  });
});
