import { ThreadList } from '@/components/threads/thread-list';
import { listThreads } from '@/lib/server/threads/list-threads';

export const dynamic = 'force-dynamic';

export default async function HomePage() {
  const threads = await listThreads();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="font-serif text-3xl font-semibold">Threads</h1>
        <p className="mt-1 text-stone-600">
          Long discussions with every repeated quote shown once. Open one to read and tag its claims.
        </p>
      </div>
      <ThreadList threads={threads} />
    </div>
  );
}
