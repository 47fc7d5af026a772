import type { Metadata } from 'next';
import Link from 'next/link';
import { CruxFilters, layerQuery } from '@/components/cruxes/crux-filters';
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
      <header>
        <h1 className="font-serif text-3xl font-semibold">
          {data.report.thread ? `Cruxes of “${data.report.thread.title}”` : 'Cruxes across all threads'}
        </h1>
        <p className="text-sm text-muted">
          {data.layer ? `On the layer of “${data.layer.name}” · ` : ''}Generated{' '}
          {new Date(data.report.input.generatedAt).toUTCString()}
        </p>
        <Link href={`/cruxes/double${layerQuery(data.selected)}`} className="text-sm text-link underline">
          Compare two readers
        </Link>
      </header>
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
