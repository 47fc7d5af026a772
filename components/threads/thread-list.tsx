import Link from 'next/link';
import type { ThreadSummary } from '@/lib/server/threads/list-threads';

const number = new Intl.NumberFormat('en');

export function ThreadList({ threads }: { threads: ThreadSummary[] }) {
  if (threads.length === 0) {
    return <p className="text-muted">No threads yet. Upload one to start reading.</p>;
  }
  return (
    <table className="reflow-table w-full border-collapse text-left text-sm">
      <caption className="sr-only">Loaded threads</caption>
      <thead>
        <tr className="border-b border-line text-muted">
          <th scope="col" className="py-2 pr-4 font-medium">
            Thread
          </th>
          <th scope="col" className="py-2 pr-4 text-right font-medium">
            Lines
          </th>
          <th scope="col" className="py-2 pr-4 text-right font-medium">
            Passages
          </th>
          <th scope="col" className="py-2 pr-4 text-right font-medium">
            Repeats hidden
          </th>
          <th scope="col" className="py-2 pr-4 text-right font-medium">
            Tagged claims
          </th>
          <th scope="col" className="py-2 pr-4 text-right font-medium">
            Taggers
          </th>
          <th scope="col" className="py-2 text-right font-medium">
            Disputed
          </th>
        </tr>
      </thead>
      <tbody>
        {threads.map((thread) => (
          <tr key={thread.slug} className="border-b border-line" data-testid="thread-row">
            <td className="py-2 pr-4">
              <Link href={`/threads/${thread.slug}`} className="font-medium text-link hover:underline">
                {thread.title}
              </Link>
              <span className="ml-2 text-xs text-muted">{thread.format}</span>
              {(thread.author || thread.postedAt) && (
                <span className="block text-xs text-muted">
                  {thread.author && `by ${thread.author}`}
                  {thread.author && thread.postedAt && ' · '}
                  {thread.postedAt && <time dateTime={thread.postedAt}>{thread.postedAt.slice(0, 10)}</time>}
                </span>
              )}
            </td>
            <td data-label="Lines" className="py-2 pr-4 text-right tabular-nums">
              {number.format(thread.lines)}
            </td>
            <td data-label="Passages" className="py-2 pr-4 text-right tabular-nums">
              {number.format(thread.passages)}
            </td>
            <td data-label="Repeats hidden" className="py-2 pr-4 text-right tabular-nums">
              {number.format(thread.repeatsHidden)}
            </td>
            <td data-label="Tagged claims" className="py-2 pr-4 text-right tabular-nums">
              {number.format(thread.claims)}
            </td>
            <td data-label="Taggers" className="py-2 pr-4 text-right tabular-nums">
              {number.format(thread.taggers)}
            </td>
            <td data-label="Disputed" className="py-2 text-right tabular-nums" data-testid="disputed-count">
              {number.format(thread.disputed)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
