import type { ClaimView, TagView } from '@/lib/claims/types';
import { annotationIri, claimIri, collectionIri, passageIri, userIri } from './w3c-iris';
import { ANNO_CONTEXT, axisTag, CRUX_TAG, confidenceValue, labelTag, MOTIVATION, STORY_TAG } from './w3c-vocabulary';

/** A claim as the W3C export needs it (a ClaimView fits); offsets may be missing on re-export of an import. */
export type W3cClaim = Pick<ClaimView, 'id' | 'threadSlug' | 'passageOrdinal' | 'exact' | 'prefix' | 'suffix'> &
  Partial<Pick<ClaimView, 'start' | 'end'>> & { tags: W3cTag[] };

export type W3cTag = Pick<
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
>;

export interface W3cOptions {
  /** The site's origin; every IRI in the document starts with it. */
  baseUrl: string;
  /** Names this export: the collection is {baseUrl}/exports/{collectionId}. */
  collectionId: string;
  /** When the export was made, ISO 8601 — passed in so the same claims give the same document. */
  generated: string;
}

export interface TextualBody {
  type: 'TextualBody';
  purpose: 'tagging' | 'assessing' | 'commenting';
  value: string;
  format?: 'text/markdown';
}

export interface W3cAnnotation {
  id: string;
  type: 'Annotation';
  motivation: typeof MOTIVATION;
  creator: { id: string; type: 'Person'; name: string };
  created?: string;
  modified?: string;
  body: TextualBody[];
  target: {
    id: string;
    source: string;
    selector: (
      | { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string }
      | { type: 'TextPositionSelector'; start: number; end: number }
    )[];
  };
}

export interface W3cCollection {
  '@context': typeof ANNO_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  generated: string;
  total: number;
  first: { id: string; type: 'AnnotationPage'; startIndex: 0; items: W3cAnnotation[] };
}

function bodies(tag: W3cTag): TextualBody[] {
  const tagging = (value: string): TextualBody => ({ type: 'TextualBody', purpose: 'tagging', value });
  return [
    tagging(axisTag(tag.axis)),
    ...(tag.crux ? [tagging(CRUX_TAG)] : []),
    ...(tag.concreteStoryNeeded ? [tagging(STORY_TAG)] : []),
    ...tag.labels.map((label) => tagging(labelTag(label))),
    ...(tag.confidence === null
      ? []
      : [{ type: 'TextualBody', purpose: 'assessing', value: confidenceValue(tag.confidence) } as const]),
    ...(tag.note
      ? [{ type: 'TextualBody', purpose: 'commenting', format: 'text/markdown', value: tag.note } as const]
      : []),
  ];
}

function annotation(claim: W3cClaim, tag: W3cTag, baseUrl: string): W3cAnnotation {
  const position =
    claim.start !== undefined && claim.end !== undefined
      ? [{ type: 'TextPositionSelector', start: claim.start, end: claim.end } as const]
      : [];
  return {
    id: annotationIri(baseUrl, tag.id),
    type: 'Annotation',
    motivation: MOTIVATION,
    creator: { id: userIri(baseUrl, tag.userId), type: 'Person', name: tag.userName },
    ...(tag.createdAt && { created: tag.createdAt }),
    ...(tag.updatedAt && { modified: tag.updatedAt }),
    body: bodies(tag),
    target: {
      id: claimIri(baseUrl, claim.id),
      source: passageIri(baseUrl, claim.threadSlug, claim.passageOrdinal),
      selector: [
        { type: 'TextQuoteSelector', exact: claim.exact, prefix: claim.prefix, suffix: claim.suffix },
        ...position,
      ],
    },
  };
}

/**
 * Claims and their tags as a W3C Web Annotation collection (JSON-LD): one Annotation per tag,
 * all on one embedded page. Offsets are code points, as TextPositionSelector requires.
 */
export function toW3c(claims: readonly W3cClaim[], options: W3cOptions): W3cCollection {
  const id = collectionIri(options.baseUrl, options.collectionId);
  const items = claims.flatMap((claim) => claim.tags.map((tag) => annotation(claim, tag, options.baseUrl)));
  return {
    '@context': ANNO_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: 'Crux Reader claims and tags',
    generated: options.generated,
    total: items.length,
    first: { id: `${id}/pages/0`, type: 'AnnotationPage', startIndex: 0, items },
  };
}
