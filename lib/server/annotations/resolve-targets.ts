import type { ImportedAnnotation } from '@/lib/export';
import { readPassageIri, readSiteIri } from '@/lib/export/w3c-iris';
import { db } from '../db/client';
import { notFound, unprocessable } from '../http/errors';
import type { PassageText, PlacementHint } from './anchor-imported';

export interface ImportThread {
  id: string;
  slug: string;
  passages: PassageText[];
}

export interface ResolvedTarget {
  thread: ImportThread;
  hint: PlacementHint;
}

const paragraphOf = (fragment: string | null) => {
  const match = /^p-(\d+)$/.exec(fragment ?? '');
  return match && Number(match[1]) > 0 ? Number(match[1]) - 1 : null;
};

interface Where {
  slug: string;
  hint: PlacementHint;
}

/**
 * The thread each annotation lands on: the one its source names when that is one of this site's
 * thread or passage IRIs; otherwise (a web page annotated with Hypothesis, another site's thread)
 * the thread the importer names (`?thread=SLUG`), or a 422 at the source's path saying to name one.
 */
function whereOf(annotation: ImportedAnnotation, origin: string, named: string | undefined): Where {
  const { target } = annotation;
  const site = readSiteIri(target.source, origin);
  if (site?.kind === 'passage') {
    return { slug: site.threadSlug, hint: { ordinal: site.passageOrdinal, positions: 'passage' } };
  }
  if (site?.kind === 'thread') {
    const ordinal = paragraphOf(target.fragment) ?? site.passageOrdinal;
    return { slug: site.threadSlug, hint: { ordinal, positions: 'document' } };
  }
  if (named) {
    // Another Crux Reader site's passage IRI still says which paragraph the offsets count from.
    const passage = site ? null : readPassageIri(target.source);
    return passage
      ? { slug: named, hint: { ordinal: passage.passageOrdinal, positions: 'passage' } }
      : { slug: named, hint: { ordinal: paragraphOf(target.fragment), positions: 'document' } };
  }
  const what = site ? `this site's ${site.kind} ${site.id}, not a thread or passage` : 'not a thread of this site';
  throw unprocessable(
    `${target.sourcePath}: ${what} (${target.source}); name the thread to anchor it on with ?thread=SLUG`,
    target.sourcePath,
  );
}

/** Every annotation's thread (with its current passages) and placement hint; 422 or 404 when a thread is not here. */
export async function resolveTargets(
  annotations: readonly ImportedAnnotation[],
  origin: string,
  named: string | undefined,
): Promise<ResolvedTarget[]> {
  const wheres = annotations.map((annotation) => whereOf(annotation, origin, named));
  const slugs = [...new Set([...wheres.map((w) => w.slug), ...(named ? [named] : [])])];
  const threads = await db.thread.findMany({
    where: { slug: { in: slugs } },
    select: {
      id: true,
      slug: true,
      currentRevision: {
        select: { passages: { select: { id: true, ordinal: true, text: true }, orderBy: { ordinal: 'asc' } } },
      },
    },
  });
  const bySlug = new Map(
    threads.flatMap((t) => (t.currentRevision ? [[t.slug, { id: t.id, slug: t.slug, ...t.currentRevision }]] : [])),
  );
  if (named && !bySlug.has(named))
    throw notFound(`No thread "${named}" to anchor the annotations on; ingest it first.`);
  return wheres.map((where, i) => {
    const thread = bySlug.get(where.slug);
    if (!thread) {
      const { sourcePath } = annotations[i].target;
      throw unprocessable(`${sourcePath}: there is no thread "${where.slug}" here; ingest it first.`, sourcePath);
    }
    return { thread, hint: where.hint };
  });
}
