import type { ClaimView } from '@/lib/claims/types';
import {
  type AnnotationSelection,
  type HypothesisSearchResponse,
  selectForExport,
  toHypothesis,
  toW3c,
  type W3cCollection,
} from '@/lib/export';
import { withDisplayNames } from '@/lib/users/display-names';
import { claimViews } from '../claims/claim-views';
import { getThreadOrThrow } from '../threads/find-thread';

export type AnnotationFormat = 'w3c' | 'hypothesis';

interface SelectedClaims {
  claims: ClaimView[];
  thread: { slug: string; title: string } | null;
}

/** The claims and tags of a selection (thread, tagger group, minimum taggers); a 404 for an unknown thread. */
async function selectedClaims(selection: AnnotationSelection): Promise<SelectedClaims> {
  const thread = selection.thread ? await getThreadOrThrow(selection.thread) : null;
  const layer = { groupId: selection.group ?? null };
  const claims = withDisplayNames(
    await claimViews(thread ? { threadId: thread.id, ...layer } : layer, { provenance: true, replies: true }),
  );
  return { claims: selectForExport(claims, selection), thread: thread && { slug: thread.slug, title: thread.title } };
}

/** A selection as a W3C AnnotationCollection whose IRI fetches the same selection again. */
export async function w3cCollection(
  selection: AnnotationSelection,
  baseUrl: string,
  now = new Date(),
): Promise<W3cCollection> {
  const { claims, thread } = await selectedClaims(selection);
  return toW3c(claims, {
    baseUrl,
    selection,
    label: thread ? `Crux Reader claims and tags of “${thread.title}”` : 'Crux Reader claims and tags of every thread',
    generated: now.toISOString(),
  });
}

/** A selection in Hypothesis's API shape (a search response). */
export async function hypothesisExport(
  selection: AnnotationSelection,
  baseUrl: string,
): Promise<HypothesisSearchResponse> {
  return toHypothesis((await selectedClaims(selection)).claims, baseUrl);
}

/** A selection as a download: W3C JSON-LD (`.jsonld`) or Hypothesis JSON (`.hypothesis.json`). */
export async function annotationDownload(
  selection: AnnotationSelection,
  format: AnnotationFormat,
  baseUrl: string,
): Promise<Response> {
  const name = selection.thread ? `cruxes-${selection.thread}` : 'cruxes-all-threads';
  const [body, type, extension] =
    format === 'w3c'
      ? [await w3cCollection(selection, baseUrl), 'application/ld+json', 'jsonld']
      : [await hypothesisExport(selection, baseUrl), 'application/json', 'hypothesis.json'];
  return new Response(`${JSON.stringify(body, null, 2)}\n`, {
    headers: {
      'Content-Type': `${type}; charset=utf-8`,
      'Content-Disposition': `attachment; filename="${name}.${extension}"`,
    },
  });
}
