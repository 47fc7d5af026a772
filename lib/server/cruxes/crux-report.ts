import type { ClaimView } from '@/lib/claims/types';
import { type CruxRanking, rankCruxes } from '@/lib/cruxes/rank-cruxes';
import { type CruxSummaryInput, toCsv, toJson, toMarkdown } from '@/lib/export';
import { withDisplayNames } from '@/lib/users/display-names';
import { claimViews } from '../claims/claim-views';
import { getThreadOrThrow } from '../threads/find-thread';

export interface CruxFilters {
  thread?: string;
  /** Only these users' tags count (a tagger group). */
  taggers?: string[];
  minTaggers?: number;
  /** A group's layer (the caller has checked membership); absent: the public layer. */
  group?: string;
}

export interface CruxReport {
  claims: ClaimView[];
  ranking: CruxRanking;
  thread: { slug: string; title: string } | null;
  input: CruxSummaryInput;
}

/** Ranks the tagged claims of one thread (or all threads) into cruxes and consensus. */
export async function cruxReport(filters: CruxFilters, baseUrl: string, now = new Date()): Promise<CruxReport> {
  const thread = filters.thread ? await getThreadOrThrow(filters.thread) : null;
  const layer = { groupId: filters.group ?? null };
  const claims = withDisplayNames(
    await claimViews(thread ? { threadId: thread.id, ...layer } : layer, { replies: true }),
  );
  const ranking = rankCruxes(claims, {
    minTaggers: filters.minTaggers,
    taggers: filters.taggers?.length ? filters.taggers : undefined,
    threadSlug: thread?.slug,
  });
  const summaryThread = thread ? { slug: thread.slug, title: thread.title } : null;
  return {
    claims,
    ranking,
    thread: summaryThread,
    input: { ranking, thread: summaryThread, generatedAt: now.toISOString(), baseUrl },
  };
}

/** The crux summary's own formats (the annotation formats, w3c and hypothesis, are lib/server/annotations'). */
export type SummaryFormat = 'md' | 'json' | 'csv';

/** One export of the report as a download: Markdown, JSON or CSV. */
export function exportResponse(report: CruxReport, format: SummaryFormat, baseUrl: string): Response {
  const name = report.thread ? `cruxes-${report.thread.slug}` : 'cruxes-all-threads';
  const file = (body: string, type: string, extension: string) =>
    new Response(body, {
      headers: {
        'Content-Type': `${type}; charset=utf-8`,
        'Content-Disposition': `attachment; filename="${name}.${extension}"`,
      },
    });
  switch (format) {
    case 'md':
      return file(toMarkdown(report.input), 'text/markdown', 'md');
    case 'json':
      return file(toJson(report.input), 'application/json', 'json');
    case 'csv':
      return file(toCsv(report.ranking.scored, { baseUrl }), 'text/csv', 'csv');
  }
}
