import type { SessionUser } from '../auth/session';
import { db } from '../db/client';
import { forbidden } from '../http/errors';
import { getThreadOrThrow } from './find-thread';

/** A new title for a thread, by the reader who uploaded it (or an admin): a title found in the text can be wrong. */
export async function renameThread(
  slug: string,
  user: SessionUser,
  title: string,
): Promise<{ slug: string; title: string }> {
  const thread = await getThreadOrThrow(slug);
  const { createdById } = await db.thread.findUniqueOrThrow({
    where: { id: thread.id },
    select: { createdById: true },
  });
  if (createdById !== user.id && user.role !== 'ADMIN')
    throw forbidden('Only the reader who uploaded this thread can rename it.');
  const renamed = await db.thread.update({
    where: { id: thread.id },
    data: { title },
    select: { slug: true, title: true },
  });
  return renamed;
}
