import { displayNames } from '@/lib/users/display-names';
import type { SessionUser } from '../auth/session';
import { db } from '../db/client';

const INBOX_SIZE = 100;

/** The replies an inbox holds: by others, on claims the reader tagged or replied to, on layers the reader can see. */
function inboxWhere(user: SessionUser) {
  return {
    deletedAt: null,
    authorId: { not: user.id },
    claim: {
      OR: [
        { tags: { some: { userId: user.id, deletedAt: null } } },
        { replies: { some: { authorId: user.id, deletedAt: null } } },
      ],
      AND: [
        {
          OR: [{ groupId: null }, { group: { deletedAt: null, memberships: { some: { userId: user.id } } } }],
        },
      ],
    },
  };
}

/** The id of the newest reply in the reader's inbox, or null: what the live inbox compares. */
export async function newestInboxReply(user: SessionUser): Promise<string | null> {
  const newest = await db.reply.findFirst({
    where: inboxWhere(user),
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: { id: true },
  });
  return newest?.id ?? null;
}

/**
 * New replies for a reader: replies by others on claims the reader tagged or replied to, on layers
 * the reader can see (public, or a live group they are in), newest first; unread when written after
 * the reader last marked the inbox read.
 */
export async function inbox(user: SessionUser) {
  const seen = await db.user.findUnique({ where: { id: user.id }, select: { inboxSeenAt: true } });
  const seenAt = seen?.inboxSeenAt ?? null;
  const replies = await db.reply.findMany({
    where: inboxWhere(user),
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: INBOX_SIZE,
    select: {
      id: true,
      body: true,
      bodyHtml: true,
      createdAt: true,
      author: { select: { id: true, name: true } },
      claim: {
        select: {
          id: true,
          exact: true,
          groupId: true,
          group: { select: { name: true } },
          passage: { select: { ordinal: true } },
          thread: { select: { slug: true, title: true } },
        },
      },
    },
  });
  // Two authors who share a name are told apart ("carol · c3f2"), as everywhere else.
  const names = displayNames(replies.map((r) => r.author));
  return {
    seenAt: seenAt?.toISOString() ?? null,
    items: replies.map((r) => ({
      id: r.id,
      body: r.body,
      bodyHtml: r.bodyHtml,
      createdAt: r.createdAt.toISOString(),
      author: { id: r.author.id, name: names.get(r.author.id) ?? r.author.name },
      unread: seenAt === null || r.createdAt > seenAt,
      claim: {
        id: r.claim.id,
        text: r.claim.exact,
        thread: r.claim.thread,
        group: r.claim.groupId ? { id: r.claim.groupId, name: r.claim.group?.name ?? '' } : null,
        href: `/threads/${r.claim.thread.slug}?claim=${r.claim.id}#p-${r.claim.passage.ordinal + 1}`,
      },
    })),
  };
}

/** Marks everything in the reader's inbox read, as of now. */
export async function markInboxSeen(user: SessionUser): Promise<string> {
  const { inboxSeenAt } = await db.user.update({
    where: { id: user.id },
    data: { inboxSeenAt: new Date() },
    select: { inboxSeenAt: true },
  });
  return (inboxSeenAt as Date).toISOString();
}
