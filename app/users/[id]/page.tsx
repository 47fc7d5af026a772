import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { AuthorTags } from '@/components/authors/author-tags';
import { authorProfile, PROFILE_TAGS } from '@/lib/server/authors/author-profile';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }> };

/** The title and the page read the profile once per request. */
const profileOf = cache(authorProfile);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const profile = await profileOf((await params).id);
  return { title: profile?.name ?? 'Reader not found' };
}

const isWebAddress = (iri: string) => /^https?:\/\//i.test(iri);

/** A user's IRI: who they are (a reader of this site, or an external author and their IRI) and their tags. */
export default async function UserPage({ params }: Props) {
  const profile = await profileOf((await params).id);
  if (!profile) notFound();
  const { externalIri } = profile;
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="break-words font-serif text-3xl font-semibold">{profile.name}</h1>
        {externalIri ? (
          <div className="space-y-1 text-sm text-stone-700" data-testid="external-author">
            <p>
              <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900">
                External author
              </span>{' '}
              Their annotations were imported by readers of this site; they have no account here.
            </p>
            <p className="break-all">
              Known elsewhere as{' '}
              {isWebAddress(externalIri) ? (
                <a href={externalIri} rel="nofollow noopener" className="text-blue-800 underline">
                  {externalIri}
                </a>
              ) : (
                <code>{externalIri}</code>
              )}
            </p>
          </div>
        ) : (
          <p className="text-sm text-stone-700">Reader of this site</p>
        )}
      </header>
      <section className="space-y-3" aria-labelledby="tags-heading">
        <h2 id="tags-heading" className="text-lg font-semibold">
          Tags{' '}
          <span className="text-sm font-normal text-stone-600">
            ({profile.tagCount}
            {profile.tagCount > PROFILE_TAGS && `, the newest ${PROFILE_TAGS} below`})
          </span>
        </h2>
        {profile.tags.length ? <AuthorTags tags={profile.tags} /> : <p className="text-stone-600">No tags yet.</p>}
        {profile.tagCount > PROFILE_TAGS && (
          <p className="text-sm">
            <Link href={`/claims?tagger=${profile.id}&sort=newest`} className="text-blue-800 underline">
              Search all their tagged claims
            </Link>
          </p>
        )}
      </section>
    </div>
  );
}
