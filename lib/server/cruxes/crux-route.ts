import { cruxQuerySchema } from '@/lib/cruxes/crux-query';
import { readQuery } from '../http/body';
import { annotationDownload } from '../annotations/annotation-export';
import { publicOrigin } from '../public-origin';
import { cruxReport, exportResponse } from './crux-report';

/**
 * Both crux endpoints: `format=html` sends the reader to the page, every other format downloads —
 * md, json and csv the crux summary, w3c and hypothesis the annotations of the same selection.
 */
export async function cruxExport(url: URL, thread?: string): Promise<Response> {
  const query = readQuery(url, cruxQuerySchema);
  const slug = thread ?? query.thread;
  if (query.format === 'html') {
    const page = new URL(slug ? `/threads/${slug}/cruxes` : '/cruxes', publicOrigin());
    for (const [key, value] of url.searchParams)
      if (key !== 'format' && key !== 'thread') page.searchParams.append(key, value);
    if (!thread && query.thread) page.searchParams.set('thread', query.thread);
    return Response.redirect(page, 303);
  }
  const baseUrl = publicOrigin();
  const selection = { thread: slug, taggers: query.taggers, minTaggers: query.minTaggers };
  if (query.format === 'w3c' || query.format === 'hypothesis')
    return annotationDownload(selection, query.format, baseUrl);
  const report = await cruxReport({ thread: slug, taggers: query.taggers, minTaggers: query.minTaggers }, baseUrl);
  return exportResponse(report, query.format, baseUrl);
}
