import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { JoinButton } from '@/components/groups/join-button';
import { currentUser } from '@/lib/server/auth/current-user';
import { inviteState } from '@/lib/server/groups/groups';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Join a group' };

type Props = { params: Promise<{ token: string }> };

/**
 * The page an invite link opens: sign in first (coming back here), then join with one click. A link
 * that opens no group (unknown, revoked, expired) is answered at once with a 404 page saying which.
 */
export default async function JoinGroupPage({ params }: Props) {
  const { token } = await params;
  const invite = await inviteState(token);
  // The 404 page (not-found.tsx) reads the link again to say which.
  if (invite.state !== 'open') notFound();
  const user = await currentUser();
  const here = `/groups/join/${encodeURIComponent(token)}`;
  return (
    <div className="max-w-md space-y-4">
      <h1 className="font-serif text-3xl font-semibold">Join “{invite.group.name}”</h1>
      <p className="text-muted">
        You were invited to a reading circle: its members tag threads on a layer of their own.
      </p>
      {user ? (
        <JoinButton token={token} />
      ) : (
        <p>
          <Link href={`/signin?next=${encodeURIComponent(here)}`} className="text-link underline">
            Sign in
          </Link>{' '}
          or{' '}
          <Link href={`/signup?next=${encodeURIComponent(here)}`} className="text-link underline">
            create an account
          </Link>{' '}
          to join.
        </p>
      )}
    </div>
  );
}
