import type { ClaimReply } from '@/lib/claims/types';
import { type ExportClaim, type ExportTag, tagAuthor } from './export-claims';
import {
  type AnnotationSelection,
  annotationIri,
  claimIri,
  collectionIri,
  collectionPageIri,
  passageIri,
  replyIri,
  siteIri,
  userIri,
} from './w3c-iris';
import { ANNO_CONTEXT, axisTag, CRUX_TAG, confidenceValue, labelTag, MOTIVATION, STORY_TAG } from './w3c-vocabulary';

export interface W3cOptions {
  /** The site's public origin; every IRI in the document but external authors' starts with it. */
  baseUrl: string;
  /** What the collection holds; its IRI names it, so the IRI fetches the same selection again. */
  selection: AnnotationSelection;
  /** A label for the collection, e.g. the thread's title. */
  label: string;
  /** When the export was made, ISO 8601 — passed in so the same claims give the same document. */
  generated: string;
}

export interface TextualBody {
  type: 'TextualBody';
  purpose: 'tagging' | 'assessing' | 'commenting';
  value: string;
  /** Tags and probabilities are plain text; notes are Markdown. */
  format: 'text/plain' | 'text/markdown';
  /** The tagger, who wrote every body of their tag … */
  creator: W3cAgent;
  /** … as it stands since the tag's last change. */
  created?: string;
}

type Selector =
  | { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string }
  | { type: 'TextPositionSelector'; start: number; end: number };

export interface W3cAgent {
  id: string;
  type: 'Person' | 'Software';
  name: string;
  nickname?: string;
  homepage?: string;
}

/**
 * A reply on a claim as a W3C Annotation: motivation `replying`, its Markdown body, its target the
 * claim's IRI (the target of every tag annotation on that claim); an answer names its parent too.
 */
export interface W3cReply {
  '@context'?: typeof ANNO_CONTEXT;
  id: string;
  type: 'Annotation';
  motivation: 'replying';
  creator: W3cAgent;
  generator: W3cAgent;
  created: string;
  modified?: string;
  /** The reply's words, by its author, as of its last edit. */
  body: {
    type: 'TextualBody';
    purpose: 'replying';
    value: string;
    format: 'text/markdown';
    creator: W3cAgent;
    created: string;
  }[];
  target: string;
  /** The reply this one answers (one level deep), when it answers one. */
  inReplyTo?: string;
}

export interface W3cAnnotation {
  '@context'?: typeof ANNO_CONTEXT;
  id: string;
  type: 'Annotation';
  motivation: typeof MOTIVATION;
  creator: W3cAgent;
  generator: W3cAgent;
  created?: string;
  modified?: string;
  canonical?: string;
  body: TextualBody[];
  target: { id: string; type: 'SpecificResource'; source: string; selector: Selector[] };
}

export interface W3cPage {
  '@context'?: typeof ANNO_CONTEXT;
  id: string;
  type: 'AnnotationPage';
  partOf: string | { id: string; type: 'AnnotationCollection'; label: string; total: number };
  startIndex: 0;
  items: (W3cAnnotation | W3cReply)[];
}

export interface W3cCollection {
  '@context': typeof ANNO_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  generated: string;
  total: number;
  first: W3cPage;
  last: string;
}

function bodies(tag: ExportTag, creator: W3cAgent): TextualBody[] {
  const text = (purpose: TextualBody['purpose'], value: string): TextualBody => ({
    type: 'TextualBody',
    purpose,
    value,
    format: 'text/plain',
    creator,
    ...(tag.updatedAt && { created: tag.updatedAt }),
  });
  return [
    text('tagging', axisTag(tag.axis)),
    ...(tag.crux ? [text('tagging', CRUX_TAG)] : []),
    ...(tag.concreteStoryNeeded ? [text('tagging', STORY_TAG)] : []),
    ...tag.labels.map((label) => text('tagging', labelTag(label))),
    ...(tag.confidence === null ? [] : [text('assessing', confidenceValue(tag.confidence))]),
    ...(tag.note ? [{ ...text('commenting', tag.note), format: 'text/markdown' } as const] : []),
  ];
}

/** The site itself, as the software that writes every annotation it serves. */
function siteAgent(baseUrl: string): W3cAgent {
  const home = siteIri(baseUrl);
  return { id: home, type: 'Software', name: 'Crux Reader', nickname: 'crux-reader', homepage: home };
}

/**
 * A claim as an annotation's target: a SpecificResource of its passage. Offsets are code points,
 * as TextPositionSelector requires; an orphaned claim has none (it lost its place), only its quote.
 */
export function w3cTarget(claim: ExportClaim, baseUrl: string): W3cAnnotation['target'] {
  const placed =
    claim.start !== undefined && claim.end !== undefined && !claim.orphan && claim.start >= 0 && claim.end >= 0;
  return {
    id: claimIri(baseUrl, claim.id),
    type: 'SpecificResource',
    source: passageIri(baseUrl, claim.threadSlug, claim.passageOrdinal),
    selector: [
      { type: 'TextQuoteSelector', exact: claim.exact, prefix: claim.prefix, suffix: claim.suffix },
      ...(placed ? [{ type: 'TextPositionSelector', start: claim.start, end: claim.end } as Selector] : []),
    ],
  };
}

/** One tag as a W3C Annotation. */
export function w3cAnnotation(claim: ExportClaim, tag: ExportTag, baseUrl: string): W3cAnnotation {
  const author = tagAuthor(tag, baseUrl);
  const creator: W3cAgent = {
    id: author.id,
    type: 'Person',
    name: author.name,
    ...(author.nickname && { nickname: author.nickname }),
  };
  return {
    id: annotationIri(baseUrl, tag.id),
    type: 'Annotation',
    motivation: MOTIVATION,
    creator,
    generator: siteAgent(baseUrl),
    ...(tag.createdAt && { created: tag.createdAt }),
    ...(tag.updatedAt && { modified: tag.updatedAt }),
    ...(tag.canonicalIri && { canonical: tag.canonicalIri }),
    body: bodies(tag, creator),
    target: w3cTarget(claim, baseUrl),
  };
}

/** One reply as a W3C Annotation (see W3cReply). */
export function w3cReply(claim: ExportClaim, reply: ClaimReply, baseUrl: string): W3cReply {
  const creator: W3cAgent = { id: userIri(baseUrl, reply.authorId), type: 'Person', name: reply.authorName };
  return {
    id: replyIri(baseUrl, reply.id),
    type: 'Annotation',
    motivation: 'replying',
    creator,
    generator: siteAgent(baseUrl),
    created: reply.createdAt,
    ...(reply.editedAt && { modified: reply.editedAt }),
    body: [
      {
        type: 'TextualBody',
        purpose: 'replying',
        value: reply.body,
        format: 'text/markdown',
        creator,
        created: reply.editedAt ?? reply.createdAt,
      },
    ],
    target: claimIri(baseUrl, claim.id),
    ...(reply.parentId && { inReplyTo: replyIri(baseUrl, reply.parentId) }),
  };
}

/**
 * Claims and their tags as a W3C Web Annotation collection (JSON-LD): one Annotation per tag,
 * all on one page, embedded as `first` (and named as `last`): an export is one file.
 */
export function toW3c(claims: readonly ExportClaim[], options: W3cOptions): W3cCollection {
  const { baseUrl, selection } = options;
  const id = collectionIri(baseUrl, selection);
  const page = collectionPageIri(baseUrl, selection, 0);
  const items = claims.flatMap((claim) => [
    ...claim.tags.map((tag) => w3cAnnotation(claim, tag, baseUrl)),
    ...(claim.replies ?? []).map((reply) => w3cReply(claim, reply, baseUrl)),
  ]);
  return {
    '@context': ANNO_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: options.label,
    generated: options.generated,
    total: items.length,
    first: { id: page, type: 'AnnotationPage', partOf: id, startIndex: 0, items },
    last: page,
  };
}

/** The collection's one page as a document of its own, as its page IRI answers it. */
export function w3cPage(collection: W3cCollection): W3cPage {
  return {
    '@context': ANNO_CONTEXT,
    ...collection.first,
    partOf: { id: collection.id, type: 'AnnotationCollection', label: collection.label, total: collection.total },
  };
}
