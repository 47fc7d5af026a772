import type { CruxQuery } from '@/lib/cruxes/crux-query';
import { annotationDownload } from '../annotations/annotation-export';
import type { SessionUser } from '../auth/session';
import { layerOf } from '../groups/layer';
import { publicOrigin } from '../public-origin';
import { cruxReport, exportResponse } from './crux-report';

/**
 * Both crux endpoints: `format=html` sends the reader to the page (with the other parameters of
 * `asked`), every other format downloads — md, json and csv the crux summary, w3c and hypothesis
 * the annotations of the same selection.
 */
export async function cruxExport(
  query: CruxQuery,
  asked: URLSearchParams,
  user: SessionUser | null,
  thread?: string,
): Promise<Response> {
  // A group's layer, in any format, only for its members: to anyone else it does not exist.
  await layerOf(query.group, user);
  const slug = thread ?? query.thread;
  if (query.format === 'html') {
    const page = new URL(slug ? `/threads/${slug}/cruxes` : '/cruxes', publicOrigin());
    for (const [key, value] of asked) if (key !== 'format' && key !== 'thread') page.searchParams.append(key, value);
    if (!thread && query.thread) page.searchParams.set('thread', query.thread);
    return new Response(null, { status: 303, headers: { Location: page.href } });
  }
  const baseUrl = publicOrigin();
  const selection = { thread: slug, taggers: query.taggers, minTaggers: query.minTaggers, group: query.group };
  if (query.format === 'w3c' || query.format === 'hypothesis')
    return annotationDownload(selection, query.format, baseUrl);
  const report = await cruxReport(selection, baseUrl);
  return exportResponse(report, query.format, baseUrl);
}
