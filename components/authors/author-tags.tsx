import Link from 'next/link';
import { claimContextUrl } from '@/lib/export/links';
import type { ProfileTag } from '@/lib/server/authors/author-profile';

const date = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' });

/** One author's tags, each with its claim linked in context: what they said and where. */
export function AuthorTags({ tags }: { tags: ProfileTag[] }) {
  return (
    <ol className="space-y-3">
      {tags.map((tag) => {
        const { claim } = tag;
        const href = claimContextUrl('', {
          id: claim.id,
          threadSlug: claim.thread.slug,
          passageOrdinal: claim.passage.ordinal,
        });
        return (
          <li key={tag.id} className="rounded border border-stone-300 bg-white p-3" data-testid="profile-tag">
            <p className="text-xs text-stone-600">
              {claim.thread.title} ¶{claim.passage.ordinal + 1} · {date.format(tag.updatedAt)}
            </p>
            <blockquote className="mt-1 border-l-4 border-stone-300 pl-3 font-serif">
              <Link href={href} className="hover:underline">
                <span className="line-clamp-3">{claim.exact}</span>
              </Link>
            </blockquote>
            <p className="mt-1 text-sm">
              {tag.axis}
              {tag.confidence !== null && ` · ${tag.confidence} % likely true`}
              {tag.crux && ' · crux'}
              {tag.concreteStoryNeeded && ' · concrete story needed'}
              {tag.labels.length > 0 && <span className="text-stone-600"> · {tag.labels.join(', ')}</span>}
            </p>
            {tag.noteHtml && (
              // biome-ignore lint/security/noDangerouslySetInnerHtml: noteHtml was sanitised by renderNote (lib/markdown) when written
              <div className="note mt-1 text-sm text-stone-800" dangerouslySetInnerHTML={{ __html: tag.noteHtml }} />
            )}
          </li>
        );
      })}
    </ol>
  );
}
