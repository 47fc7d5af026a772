import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { SearchForm } from '@/components/search/search-form';
import { SavedSearches } from '@/components/search/saved-searches';
import { SearchResults } from '@/components/search/search-results';
import { currentUser } from '@/lib/server/auth/current-user';
import { ApiError } from '@/lib/server/http/errors';
import { listSavedSearches } from '@/lib/server/search/saved-searches';
import { searchClaims } from '@/lib/server/search/search-claims';
import { searchOptions } from '@/lib/server/search/search-options';
import { searchHref, searchParamsSchema } from '@/lib/search/search-params';

export const metadata: Metadata = { title: 'Search claims' };
export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Empty form fields arrive as "" — they mean "any", not a bad value. */
function cleaned(raw: Record<string, string | string[] | undefined>) {
  return Object.fromEntries(
    Object.entries(raw).filter(
      ([, value]) => value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0),
    ),
  );
}

export default async function ClaimsPage({ searchParams }: Props) {
  const asked = await searchParams;
  // The form sends every field, empty or not: the address keeps only what is set, so it reads well and shares.
  const href = searchHref(asked);
  const askedQuery = new URLSearchParams(
    Object.entries(asked).flatMap(([key, value]) =>
      (Array.isArray(value) ? value : [value ?? '']).map((v) => [key, v]),
    ),
  ).toString();
  if (href !== (askedQuery ? `/claims?${askedQuery}` : '/claims')) redirect(href);
  const raw = cleaned(asked);
  const [user, options] = await Promise.all([currentUser(), searchOptions()]);
  const saved = user ? await listSavedSearches(user.id) : null;
  const parsed = searchParamsSchema.safeParse(raw);
  let problem: string | null = parsed.success ? null : parsed.error.issues[0].message;
  let result = null;
  if (parsed.success) {
    try {
      result = await searchClaims(parsed.data, user?.id ?? null);
    } catch (error) {
      // A bad cursor or an anonymous "my confidence" (4xx), or search still starting on this server (503).
      if (!(error instanceof ApiError) || (error.status >= 500 && error.status !== 503)) throw error;
      problem = error.message;
    }
  }
  const firstPage = searchHref(raw, { cursor: null });
  const linkTo = (changes: Record<string, string | null>) => searchHref(raw, changes);
  return (
    <div className="space-y-6">
      <h1 className="font-serif text-3xl font-semibold">Search tagged claims</h1>
      <SearchForm
        params={parsed.success ? parsed.data : {}}
        threads={options.threads}
        taggers={options.taggers}
        signedIn={Boolean(user)}
      />
      {saved ? (
        <SavedSearches saved={saved} currentQuery={firstPage.split('?')[1] ?? ''} />
      ) : (
        <p className="text-sm text-muted">
          <Link href={`/signin?next=${encodeURIComponent(firstPage)}`} className="underline">
            Sign in
          </Link>{' '}
          to save searches and come back to them.
        </p>
      )}
      {problem && (
        <p role="alert" className="text-danger">
          {problem}
        </p>
      )}
      {result && <SearchResults result={result} linkTo={linkTo} laterPage={'cursor' in raw} />}
    </div>
  );
}
