import { type ExportClaim, type ExportTag, tagAuthor } from './export-claims';
import { claimContextUrl, threadUrl } from './links';
import { annotationIri } from './w3c-iris';
import { axisTag, CRUX_TAG, confidenceTag, hypothesisLabelTag, STORY_TAG } from './w3c-vocabulary';

type HypothesisSelector =
  | { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string }
  | { type: 'FragmentSelector'; conformsTo: string; value: string };

/** One annotation in Hypothesis's API shape (GET /api/annotations/{id}). */
export interface HypothesisAnnotation {
  id: string;
  created: string;
  updated: string;
  user: string;
  user_info: { display_name: string };
  uri: string;
  text: string;
  tags: string[];
  group: '__world__';
  permissions: { read: string[]; admin: string[]; update: string[]; delete: string[] };
  target: { source: string; selector: HypothesisSelector[] }[];
  document: { title: string[] };
  links: { html: string; incontext: string };
  hidden: false;
  flagged: false;
  /** The author's exact IRI when `user` (an acct: URI) cannot hold it; Hypothesis keeps such extra fields. */
  creator?: string;
}

/** Hypothesis's search response shape (GET /api/search), which its tools and Crux Reader's import read. */
export interface HypothesisSearchResponse {
  total: number;
  rows: HypothesisAnnotation[];
}

/** The media type of HTML fragment identifiers, as the W3C model names it for a FragmentSelector. */
const HTML_FRAGMENT = 'http://tools.ietf.org/rfc/rfc3236';

/**
 * Hypothesis names users `acct:{username}@{authority}`. A reader of this site is
 * `acct:{userId}@{this host}`; an external author keeps an acct: IRI as it is; any other IRI is
 * written as an acct: URI of its host, and the IRI itself goes in `creator`.
 */
function hypothesisUser(tag: ExportTag, baseUrl: string): { user: string; creator?: string } {
  const host = new URL(baseUrl).host;
  const iri = tag.externalIri;
  if (!iri) return { user: `acct:${tag.userId}@${host}` };
  if (/^acct:[^@]+@[^@]+$/i.test(iri)) return { user: iri };
  const url = URL.canParse(iri) ? new URL(iri) : null;
  const handle = url?.pathname.split('/').filter(Boolean).pop() ?? tag.userId;
  return { user: `acct:${handle}@${url?.host || host}`, creator: iri };
}

/** Crux Reader's fields as Hypothesis tags, in the order of the W3C bodies: axis, crux, story, labels, confidence. */
function tags(tag: ExportTag): string[] {
  return [
    axisTag(tag.axis),
    ...(tag.crux ? [CRUX_TAG] : []),
    ...(tag.concreteStoryNeeded ? [STORY_TAG] : []),
    ...tag.labels.map(hypothesisLabelTag),
    ...(tag.confidence === null ? [] : [confidenceTag(tag.confidence)]),
  ];
}

function row(claim: ExportClaim, tag: ExportTag, baseUrl: string): HypothesisAnnotation {
  const { user, creator } = hypothesisUser(tag, baseUrl);
  const uri = threadUrl(baseUrl, claim.threadSlug);
  return {
    id: tag.id,
    created: tag.createdAt,
    updated: tag.updatedAt,
    user,
    user_info: { display_name: tagAuthor(tag, baseUrl).name },
    uri,
    text: tag.note,
    tags: tags(tag),
    group: '__world__',
    permissions: { read: ['group:__world__'], admin: [user], update: [user], delete: [user] },
    target: [
      {
        source: uri,
        selector: [
          { type: 'TextQuoteSelector', exact: claim.exact, prefix: claim.prefix, suffix: claim.suffix },
          // The reader's paragraph: where on the thread's page the quote stands (the page numbers from ¶1).
          { type: 'FragmentSelector', conformsTo: HTML_FRAGMENT, value: `p-${claim.passageOrdinal + 1}` },
        ],
      },
    ],
    document: { title: claim.threadTitle ? [claim.threadTitle] : [] },
    links: { html: annotationIri(baseUrl, tag.id), incontext: claimContextUrl(baseUrl, claim) },
    hidden: false,
    flagged: false,
    ...(creator && { creator }),
  };
}

/**
 * Claims and their tags in Hypothesis's API shape: a search response whose rows are annotations
 * on the thread's page (`uri`), anchored by quote and paragraph, with the tag's fields as tags
 * (docs/formats/hypothesis.md).
 */
export function toHypothesis(claims: readonly ExportClaim[], baseUrl: string): HypothesisSearchResponse {
  const rows = claims.flatMap((claim) => claim.tags.map((tag) => row(claim, tag, baseUrl)));
  return { total: rows.length, rows };
}
