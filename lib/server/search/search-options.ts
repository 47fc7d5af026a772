import { displayNames } from '@/lib/users/display-names';
import { db } from '../db/client';

/** The choices the search form offers: threads and the people who have tagged something. */
export async function searchOptions() {
  const [threads, taggers] = await Promise.all([
    db.thread.findMany({
      where: { currentRevisionId: { not: null } },
      select: { slug: true, title: true },
      orderBy: { title: 'asc' },
    }),
    db.user.findMany({
      where: { tags: { some: { deletedAt: null } } },
      select: { id: true, name: true },
      orderBy: { name: 'asc' },
      take: 500,
    }),
  ]);
  const names = displayNames(taggers);
  return { threads, taggers: taggers.map((tagger) => ({ id: tagger.id, name: names.get(tagger.id) ?? tagger.name })) };
}
