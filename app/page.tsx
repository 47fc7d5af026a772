import Link from 'next/link';
import { ThreadList } from '@/components/threads/thread-list';
import { UploadForm } from '@/components/threads/upload-form';
import { currentUser } from '@/lib/server/auth/current-user';
import { listThreads } from '@/lib/server/threads/list-threads';

export const dynamic = 'force-dynamic';

export default async function HomePage() {
  const [threads, user] = await Promise.all([listThreads(), currentUser()]);
  return (
    <div className="space-y-8">
      <div>
        <h1 className="font-serif text-3xl font-semibold">Threads</h1>
        <p className="mt-1 text-muted">
          Long discussions with every repeated quote shown once. Open one to read and tag its claims.
        </p>
      </div>
      <ThreadList threads={threads} />
      {user ? (
        <UploadForm />
      ) : (
        <p className="text-sm text-muted">
          <Link href="/signin" className="text-link underline">
            Sign in
          </Link>{' '}
          to add a thread of your own.
        </p>
      )}
    </div>
  );
}
