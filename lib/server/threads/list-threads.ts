import { DISPUTED_AT } from '@/lib/cruxes/disputed';
import { db } from '../db/client';
import { pgPool } from '../db/pg-pool';

export interface ThreadSummary {
  slug: string;
  title: string;
  format: string;
  lines: number;
  passages: number;
  repeatsHidden: number;
  revision: number;
  claims: number;
  /** Readers with a live tag on the thread. */
  taggers: number;
  /** Claims whose confidence disagreement reaches the reader's disputed bar (lib/cruxes/disputed). */
  disputed: number;
  /** The author and date of the thread's first post, when the source names them (LessWrong JSON does). */
  author: string | null;
  postedAt: string | null;
  updatedAt: string;
}

/** Taggers and disputed claims per thread, in one grouped query over the live tags and stored aggregates. */
async function disagreementCounts(): Promise<Map<string, { taggers: number; disputed: number }>> {
  const { rows } = await pgPool().query<{ threadId: string; taggers: number; disputed: number }>({
    text: `SELECT c."threadId",
                  COUNT(DISTINCT g."userId")::int AS "taggers",
                  COUNT(DISTINCT c."id") FILTER (WHERE c."disagreement" >= $1)::int AS "disputed"
           FROM "Claim" c JOIN "Tag" g ON g."claimId" = c."id" AND g."deletedAt" IS NULL
           GROUP BY c."threadId"`,
    values: [DISPUTED_AT],
  });
  return new Map(rows.map((row) => [row.threadId, { taggers: row.taggers, disputed: row.disputed }]));
}

/** Who wrote the first passage of each thread's current text, and when, where known. */
async function firstPosts(): Promise<Map<string, { author: string | null; postedAt: string | null }>> {
  const { rows } = await pgPool().query<{ threadId: string; author: string | null; postedAt: Date | null }>(
    `SELECT t."id" AS "threadId", p."author", p."postedAt"
     FROM "Thread" t JOIN "Passage" p ON p."revisionId" = t."currentRevisionId" AND p."ordinal" = 0`,
  );
  return new Map(
    rows.map((row) => [row.threadId, { author: row.author, postedAt: row.postedAt?.toISOString() ?? null }]),
  );
}

export async function listThreads(): Promise<ThreadSummary[]> {
  const counts = disagreementCounts();
  const posts = firstPosts();
  const threads = await db.thread.findMany({
    where: { currentRevisionId: { not: null } },
    orderBy: [{ title: 'asc' }, { id: 'asc' }],
    select: {
      id: true,
      slug: true,
      title: true,
      updatedAt: true,
      currentRevision: {
        select: { format: true, lineCount: true, passageCount: true, repeatCount: true, number: true },
      },
      _count: { select: { claims: { where: { tagCount: { gt: 0 } } } } },
    },
  });
  const [byThread, firstPost] = await Promise.all([counts, posts]);
  return threads.flatMap((thread) => {
    const revision = thread.currentRevision;
    if (!revision) return [];
    return [
      {
        slug: thread.slug,
        title: thread.title,
        format: revision.format,
        lines: revision.lineCount,
        passages: revision.passageCount,
        repeatsHidden: revision.repeatCount,
        revision: revision.number,
        claims: thread._count.claims,
        taggers: byThread.get(thread.id)?.taggers ?? 0,
        disputed: byThread.get(thread.id)?.disputed ?? 0,
        author: firstPost.get(thread.id)?.author ?? null,
        postedAt: firstPost.get(thread.id)?.postedAt ?? null,
        updatedAt: thread.updatedAt.toISOString(),
      },
    ];
  });
}
