import type { Metadata } from 'next';
import Link from 'next/link';
import { GroupsManager } from '@/components/groups/groups-manager';
import { currentUser } from '@/lib/server/auth/current-user';
import { getGroup, listGroups, listInvites } from '@/lib/server/groups/groups';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Groups' };

export default async function GroupsPage() {
  const user = await currentUser();
  if (!user) {
    return (
      <div className="space-y-4">
        <h1 className="font-serif text-3xl font-semibold">Groups</h1>
        <p>
          <Link href="/signin?next=/groups" className="text-link underline">
            Sign in
          </Link>{' '}
          to start a reading circle or see yours.
        </p>
      </div>
    );
  }
  const groups = await Promise.all(
    (await listGroups(user)).map(async (summary) => ({
      ...(await getGroup(summary.id, user)),
      invites: summary.role === 'owner' ? await listInvites(summary.id, user) : [],
    })),
  );
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="font-serif text-3xl font-semibold">Groups</h1>
        <p className="text-muted">
          A reading circle tags on a layer of its own, seen only by its members. Hand out an invite link to bring people
          in.
        </p>
      </header>
      <GroupsManager groups={groups} me={user.id} />
    </div>
  );
}
