import type { ClaimView, TagView } from '@/lib/claims/types';
import type { AnnotationSelection } from './w3c-iris';
import { userIri } from './w3c-iris';

/** A tag as the annotation exports need it (a TagView fits); imported tags carry where they came from. */
export type ExportTag = Pick<
  TagView,
  | 'id'
  | 'userId'
  | 'userName'
  | 'axis'
  | 'confidence'
  | 'concreteStoryNeeded'
  | 'crux'
  | 'labels'
  | 'note'
  | 'createdAt'
  | 'updatedAt'
> & {
  /** An external author's IRI (acct:alice@hypothes.is); absent or null for a reader of this site. */
  externalIri?: string | null;
  /** An external author's own name, as their source gave it. */
  externalName?: string | null;
  /** Where an imported annotation was first published, if elsewhere. */
  canonicalIri?: string | null;
};

/** A claim as the annotation exports need it (a ClaimView fits); offsets may be missing on re-export of an import. */
export type ExportClaim = Pick<ClaimView, 'id' | 'threadSlug' | 'passageOrdinal' | 'exact' | 'prefix' | 'suffix'> &
  Partial<Pick<ClaimView, 'start' | 'end' | 'orphan' | 'threadTitle' | 'replies'>> & { tags: ExportTag[] };

/** Who wrote a tag, as an agent: this site's user IRI and name, or the external author's own IRI and name. */
export function tagAuthor(tag: ExportTag, baseUrl: string): { id: string; name: string; nickname?: string } {
  if (!tag.externalIri) return { id: userIri(baseUrl, tag.userId), name: tag.userName };
  const account = /^acct:([^@]+)@/i.exec(tag.externalIri);
  return {
    id: tag.externalIri,
    name: tag.externalName ?? tag.userName,
    ...(account ? { nickname: account[1] } : {}),
  };
}

/**
 * The claims and tags an annotation export holds, chosen as the crux exports choose theirs: one
 * thread or all; only the tags of a tagger group when `taggers` is given; only claims with at
 * least `minTaggers` of those taggers (default 1: an annotation export leaves no tag out unasked).
 */
export function selectForExport<C extends ExportClaim>(claims: readonly C[], selection: AnnotationSelection): C[] {
  const group = selection.taggers?.length ? new Set(selection.taggers) : null;
  const minTaggers = selection.minTaggers ?? 1;
  return claims
    .filter((claim) => !selection.thread || claim.threadSlug === selection.thread)
    .map((claim) => (group ? { ...claim, tags: claim.tags.filter((tag) => group.has(tag.userId)) } : claim))
    .filter((claim) => new Set(claim.tags.map((tag) => tag.userId)).size >= minTaggers);
}
