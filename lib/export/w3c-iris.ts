/**
 * The IRIs Crux Reader writes into its exports (docs/formats/w3c.md), all under the site's public
 * origin, and each answered by this site: readSiteIri reads them back.
 */

import { siteBase as base, threadUrl } from './links';

const segment = encodeURIComponent;

/** The passage a claim's selectors are relative to: its 0-based ordinal in the thread's current text. */
export function passageIri(baseUrl: string, threadSlug: string, passageOrdinal: number): string {
  return `${threadUrl(baseUrl, threadSlug)}/passages/${passageOrdinal}`;
}

export const annotationIri = (baseUrl: string, tagId: string) => `${base(baseUrl)}/annotations/${segment(tagId)}`;
export const replyIri = (baseUrl: string, replyId: string) => `${base(baseUrl)}/replies/${segment(replyId)}`;
export const claimIri = (baseUrl: string, claimId: string) => `${base(baseUrl)}/claims/${segment(claimId)}`;
export const userIri = (baseUrl: string, userId: string) => `${base(baseUrl)}/users/${segment(userId)}`;
/** The software that writes the annotations: the site itself (the W3C `generator`). */
export const siteIri = (baseUrl: string) => `${base(baseUrl)}/`;

/** Which annotations a collection holds: the same choices as the crux exports. */
export interface AnnotationSelection {
  thread?: string;
  taggers?: readonly string[];
  minTaggers?: number;
  /** A group's layer instead of the public one. */
  group?: string;
}

function selectionQuery(selection: AnnotationSelection): URLSearchParams {
  const query = new URLSearchParams();
  if (selection.thread) query.set('thread', selection.thread);
  if (selection.taggers?.length) query.set('taggers', selection.taggers.join(','));
  if (selection.minTaggers !== undefined) query.set('minTaggers', String(selection.minTaggers));
  if (selection.group) query.set('group', selection.group);
  return query;
}

/**
 * A collection names its selection, so fetching its IRI again gives the current annotations of the
 * same selection: `{baseUrl}/annotations?thread=…&taggers=…&minTaggers=…`.
 */
export function collectionIri(baseUrl: string, selection: AnnotationSelection): string {
  const query = selectionQuery(selection).toString();
  return `${base(baseUrl)}/annotations${query ? `?${query}` : ''}`;
}

export function collectionPageIri(baseUrl: string, selection: AnnotationSelection, page: number): string {
  const query = selectionQuery(selection);
  query.set('page', String(page));
  return `${base(baseUrl)}/annotations?${query}`;
}

/** A passage of any Crux Reader site, by its IRI: the base, thread slug and ordinal. */
export interface PassageAddress {
  baseUrl: string;
  threadSlug: string;
  passageOrdinal: number;
}

const PASSAGE_IRI = /^(.*)\/threads\/([^/?#]+)\/passages\/(\d+)$/;

/** Thread and passage named by a passage IRI of any Crux Reader site, or null when it is not one. */
export function readPassageIri(iri: string): PassageAddress | null {
  const match = PASSAGE_IRI.exec(iri);
  if (!match) return null;
  try {
    return { baseUrl: match[1], threadSlug: decodeURIComponent(match[2]), passageOrdinal: Number(match[3]) };
  } catch {
    return null;
  }
}

/** What an IRI of this site names. */
export type SiteIri =
  | { kind: 'passage'; threadSlug: string; passageOrdinal: number }
  /** The thread's page; `#p-4` (as the reader numbers paragraphs) names the passage of ordinal 3. */
  | { kind: 'thread'; threadSlug: string; passageOrdinal: number | null }
  | { kind: 'annotation'; id: string }
  | { kind: 'claim'; id: string }
  | { kind: 'user'; id: string };

function decoded(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/** What `iri` names on the site at `origin`, or null when it is not an IRI of that site (or of nothing there). */
export function readSiteIri(iri: string, origin: string): SiteIri | null {
  if (!URL.canParse(iri)) return null;
  const url = new URL(iri);
  const site = new URL(origin);
  const prefix = site.pathname.replace(/\/+$/, '');
  if (url.host.toLowerCase() !== site.host.toLowerCase() || !url.pathname.startsWith(`${prefix}/`)) return null;
  const parts = url.pathname
    .slice(prefix.length + 1)
    .split('/')
    .map(decoded);
  if (parts.some((part) => part === null || part === '')) return null;
  const [first, second, third, fourth] = parts as string[];
  if (first === 'threads' && parts.length === 4 && third === 'passages' && /^\d+$/.test(fourth)) {
    return { kind: 'passage', threadSlug: second, passageOrdinal: Number(fourth) };
  }
  if (first === 'threads' && parts.length === 2) {
    const paragraph = /^#p-(\d+)$/.exec(url.hash);
    const ordinal = paragraph ? Number(paragraph[1]) - 1 : null;
    return { kind: 'thread', threadSlug: second, passageOrdinal: ordinal !== null && ordinal >= 0 ? ordinal : null };
  }
  if (parts.length !== 2) return null;
  if (first === 'annotations') return { kind: 'annotation', id: second };
  if (first === 'claims') return { kind: 'claim', id: second };
  if (first === 'users') return { kind: 'user', id: second };
  return null;
}
