import type { SessionUser } from '../auth/session';
import { db } from '../db/client';
import { forbidden } from '../http/errors';
import { getThreadOrThrow } from './find-thread';

/** Who may rename a thread: the reader who uploaded it, or an admin. */
export async function mayRenameThread(threadId: string, user: SessionUser | null): Promise<boolean> {
  if (!user) return false;
  if (user.role === 'ADMIN') return true;
  const { createdById } = await db.thread.findUniqueOrThrow({ where: { id: threadId }, select: { createdById: true } });
  return createdById === user.id;
}

/** A new title for a thread, by the reader who uploaded it (or an admin): a title found in the text can be wrong. */
export async function renameThread(
  slug: string,
  user: SessionUser,
  title: string,
): Promise<{ slug: string; title: string }> {
  const thread = await getThreadOrThrow(slug);
  if (!(await mayRenameThread(thread.id, user)))
    throw forbidden('Only the reader who uploaded this thread can rename it.');
  return db.thread.update({ where: { id: thread.id }, data: { title }, select: { slug: true, title: true } });
}
