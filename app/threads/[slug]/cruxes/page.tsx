import type { Metadata } from 'next';
import Link from 'next/link';
import { CruxFilters } from '@/components/cruxes/crux-filters';
import { CruxPageHeader } from '@/components/cruxes/crux-page-header';
import { CruxSummaryView } from '@/components/cruxes/crux-summary';
import { currentUser } from '@/lib/server/auth/current-user';
import { cruxPageData } from '@/lib/server/cruxes/crux-page-data';
import { notFoundPage } from '@/lib/server/http/not-found-page';
import { publicOrigin } from '@/lib/server/public-origin';

export const dynamic = 'force-dynamic';

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const metadata: Metadata = { title: 'Cruxes' };

export default async function ThreadCruxesPage({ params, searchParams }: Props) {
  const [{ slug }, raw] = await Promise.all([params, searchParams]);
  const data = await notFoundPage(cruxPageData(raw, slug, publicOrigin(), await currentUser()));
  const title = data.report.thread?.title ?? slug;
  return (
    <div className="space-y-6">
      <CruxPageHeader
        title={`Cruxes of “${title}”`}
        layer={data.layer}
        generatedAt={data.report.input.generatedAt}
        selected={data.selected}
        before={
          <p className="no-print text-sm">
            <Link href={`/threads/${slug}`} className="text-link underline">
              ← Back to the thread
            </Link>
          </p>
        }
      />
      <CruxFilters
        action={`/threads/${slug}/cruxes`}
        taggers={data.taggers}
        selected={data.selected}
        exportBase={`/api/threads/${slug}/cruxes`}
      />
      {data.problem && (
        <p role="alert" className="text-danger">
          {data.problem}
        </p>
      )}
      <CruxSummaryView report={data.report} />
    </div>
  );
}
