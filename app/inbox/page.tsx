import type { Metadata } from 'next';
import Link from 'next/link';
import { InboxLive } from '@/components/groups/inbox-live';
import { MarkReadButton } from '@/components/groups/mark-read-button';
import { currentUser } from '@/lib/server/auth/current-user';
import { inbox } from '@/lib/server/replies/inbox';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Inbox' };

/** New replies on the claims I tagged or replied to, unread ones marked. */
export default async function InboxPage() {
  const user = await currentUser();
  if (!user) {
    return (
      <div className="space-y-4">
        <h1 className="font-serif text-3xl font-semibold">Inbox</h1>
        <p>
          <Link href="/signin?next=/inbox" className="text-link underline">
            Sign in
          </Link>{' '}
          to see replies on the claims you tagged.
        </p>
      </div>
    );
  }
  const { items } = await inbox(user);
  const unread = items.filter((i) => i.unread).length;
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="font-serif text-3xl font-semibold">Inbox</h1>
        <p className="text-muted">Replies by others on the claims you tagged or replied to: {unread} unread.</p>
        <InboxLive />
        {unread > 0 && <MarkReadButton />}
      </header>
      {items.length === 0 && <p className="text-muted">No replies yet.</p>}
      <ol className="space-y-3">
        {items.map((item) => (
          <li
            key={item.id}
            data-testid="inbox-item"
            data-unread={item.unread ? 'true' : undefined}
            className={`rounded border bg-surface p-3 text-sm ${item.unread ? 'border-focus' : 'border-line'}`}
          >
            <p className="text-xs text-muted">
              {item.unread && <strong className="text-ink">Unread · </strong>}
              {item.author.name} on “{item.claim.thread.title}”{item.claim.group && ` · ${item.claim.group.name}`} ·{' '}
              {new Date(item.createdAt).toUTCString()}
            </p>
            <Link href={item.claim.href} className="font-serif text-link underline">
              “{item.claim.text}”
            </Link>
            {/* biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised by renderNote on the server */}
            <div className="note mt-1" dangerouslySetInnerHTML={{ __html: item.bodyHtml }} />
          </li>
        ))}
      </ol>
    </div>
  );
}
