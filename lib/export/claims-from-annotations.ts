import { readCreatorIri } from '@/lib/authors/creator-iri';
import type { ExportClaim } from './export-claims';
import type { ImportedAnnotation } from './imported-annotation';
import { readPassageIri, readSiteIri } from './w3c-iris';

/** The thread and passage an annotation's target names: this site's IRIs, or any Crux Reader passage IRI. */
function placeOf(annotation: ImportedAnnotation, origin: string) {
  const site = readSiteIri(annotation.target.source, origin);
  const paragraph = /^p-(\d+)$/.exec(annotation.target.fragment ?? '');
  if (site?.kind === 'passage') return { threadSlug: site.threadSlug, passageOrdinal: site.passageOrdinal };
  if (site?.kind === 'thread')
    return {
      threadSlug: site.threadSlug,
      passageOrdinal: paragraph ? Number(paragraph[1]) - 1 : (site.passageOrdinal ?? 0),
    };
  const passage = readPassageIri(annotation.target.source);
  return passage ?? { threadSlug: annotation.target.source, passageOrdinal: 0 };
}

/**
 * Imported annotations regrouped into claims (one per target), in first-seen order — the shape the
 * exports take, so a document read back writes out again. This site's IRIs give back its ids;
 * other annotations keep their own ids and IRIs, and external authors their IRIs.
 */
export function claimsFromAnnotations(annotations: readonly ImportedAnnotation[], origin: string): ExportClaim[] {
  const claims = new Map<string, ExportClaim>();
  for (const annotation of annotations) {
    const { target, creator } = annotation;
    const place = placeOf(annotation, origin);
    const claimSite = target.id ? readSiteIri(target.id, origin) : null;
    const quote = target.quote ?? { exact: '', prefix: '', suffix: '' };
    const key =
      claimSite?.kind === 'claim'
        ? claimSite.id
        : JSON.stringify([place.threadSlug, place.passageOrdinal, quote.start, quote.end, quote.exact]);
    const claim = claims.get(key) ?? { id: key, ...place, ...quote, tags: [] };
    const ours = [annotation.id, annotation.iri]
      .map((iri) => (iri ? readSiteIri(iri, origin) : null))
      .find((site) => site?.kind === 'annotation');
    const author = creator.iri ? readCreatorIri(creator.iri, origin) : null;
    const external = creator.iri && author?.kind !== 'site-user' ? creator.iri : null;
    claim.tags.push({
      id: ours?.kind === 'annotation' ? ours.id : annotation.id,
      userId: author?.kind === 'site-user' ? author.userId : (creator.iri ?? ''),
      userName: creator.name ?? '',
      ...(external && { externalIri: external, externalName: creator.name }),
      ...(!ours && annotation.iri && { canonicalIri: annotation.iri }),
      axis: annotation.axis,
      confidence: annotation.confidence,
      concreteStoryNeeded: annotation.concreteStoryNeeded,
      crux: annotation.crux,
      labels: annotation.labels,
      note: annotation.note,
      createdAt: annotation.created ?? '',
      updatedAt: annotation.modified ?? '',
    });
    claims.set(key, claim);
  }
  return [...claims.values()];
}
