import type { ImportedAnnotation } from './read-annotation';
import type { W3cClaim } from './to-w3c';

/**
 * Imported annotations regrouped into claims (one per target), in first-seen order — the shape
 * toW3c takes, so an import can be exported again. Where an annotation carries no Crux Reader ids,
 * its IRIs stand in for them and missing times are left empty.
 */
export function claimsFromAnnotations(annotations: readonly ImportedAnnotation[]): W3cClaim[] {
  const claims = new Map<string, W3cClaim>();
  for (const annotation of annotations) {
    const { selector } = annotation;
    const key =
      annotation.claimId ??
      JSON.stringify([annotation.threadSlug, annotation.passageOrdinal, selector.start, selector.end, selector.exact]);
    const claim = claims.get(key) ?? {
      id: key,
      threadSlug: annotation.threadSlug,
      passageOrdinal: annotation.passageOrdinal,
      ...selector,
      tags: [],
    };
    claim.tags.push({
      id: annotation.tagId ?? annotation.id,
      userId: annotation.creator.userId ?? annotation.creator.iri ?? '',
      userName: annotation.creator.name ?? '',
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
