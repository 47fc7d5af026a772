import { db } from '../db/client';
import { notFound } from '../http/errors';

/** The thread with its current revision id, or a 404 that names the slug. */
export async function getThreadOrThrow(slug: string) {
  const thread = await db.thread.findUnique({
    where: { slug },
    select: { id: true, slug: true, title: true, currentRevisionId: true },
  });
  if (!thread?.currentRevisionId) throw notFound(`No thread "${slug}".`);
  return { ...thread, currentRevisionId: thread.currentRevisionId };
}
