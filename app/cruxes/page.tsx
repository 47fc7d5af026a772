import type { Metadata } from 'next';
import { CruxFilters } from '@/components/cruxes/crux-filters';
import { CruxPageHeader } from '@/components/cruxes/crux-page-header';
import { CruxSummaryView } from '@/components/cruxes/crux-summary';
import { currentUser } from '@/lib/server/auth/current-user';
import { cruxPageData } from '@/lib/server/cruxes/crux-page-data';
import { notFoundPage } from '@/lib/server/http/not-found-page';
import { publicOrigin } from '@/lib/server/public-origin';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Cruxes across threads' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CruxesPage({ searchParams }: Props) {
  const data = await notFoundPage(cruxPageData(await searchParams, undefined, publicOrigin(), await currentUser()));
  return (
    <div className="space-y-6">
      <CruxPageHeader
        title={data.report.thread ? `Cruxes of “${data.report.thread.title}”` : 'Cruxes across all threads'}
        layer={data.layer}
        generatedAt={data.report.input.generatedAt}
        selected={data.selected}
      />
      <CruxFilters
        action="/cruxes"
        threads={data.threads}
        taggers={data.taggers}
        selected={data.selected}
        exportBase="/api/cruxes"
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
