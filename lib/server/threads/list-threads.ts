import { db } from '../db/client';

export interface ThreadSummary {
  slug: string;
  title: string;
  format: string;
  lines: number;
  passages: number;
  repeatsHidden: number;
  revision: number;
  claims: number;
  updatedAt: string;
}

export async function listThreads(): Promise<ThreadSummary[]> {
  const threads = await db.thread.findMany({
    where: { currentRevisionId: { not: null } },
    orderBy: [{ title: 'asc' }, { id: 'asc' }],
    select: {
      slug: true,
      title: true,
      updatedAt: true,
      currentRevision: {
        select: { format: true, lineCount: true, passageCount: true, repeatCount: true, number: true },
      },
      _count: { select: { claims: { where: { tagCount: { gt: 0 } } } } },
    },
  });
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
        updatedAt: thread.updatedAt.toISOString(),
      },
    ];
  });
}
