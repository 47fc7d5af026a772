/**
 * The IRIs of the W3C export (docs/formats/w3c.md). Each names one thing of this site and can be
 * read back: parseW3c recovers thread slug, passage ordinal and ids from them.
 */

import { siteBase as base } from './links';

const segment = encodeURIComponent;

/** The passage a claim's selectors are relative to: its 0-based ordinal in the thread's current text. */
export function passageIri(baseUrl: string, threadSlug: string, passageOrdinal: number): string {
  return `${base(baseUrl)}/threads/${segment(threadSlug)}/passages/${passageOrdinal}`;
}

export const annotationIri = (baseUrl: string, tagId: string) => `${base(baseUrl)}/annotations/${segment(tagId)}`;
export const claimIri = (baseUrl: string, claimId: string) => `${base(baseUrl)}/claims/${segment(claimId)}`;
export const userIri = (baseUrl: string, userId: string) => `${base(baseUrl)}/users/${segment(userId)}`;
export const collectionIri = (baseUrl: string, collectionId: string) =>
  `${base(baseUrl)}/exports/${segment(collectionId)}`;

export interface PassageAddress {
  baseUrl: string;
  threadSlug: string;
  passageOrdinal: number;
}

const PASSAGE_IRI = /^(.*)\/threads\/([^/?#]+)\/passages\/(\d+)$/;

/** Thread and passage named by a passage IRI, or null when it is not one. */
export function readPassageIri(iri: string): PassageAddress | null {
  const match = PASSAGE_IRI.exec(iri);
  if (!match) return null;
  try {
    return { baseUrl: match[1], threadSlug: decodeURIComponent(match[2]), passageOrdinal: Number(match[3]) };
  } catch {
    return null;
  }
}

/** The id at the end of `{baseUrl}/{kind}/{id}`, or null when the IRI is not of that form. */
export function readIdIri(iri: string, baseUrl: string, kind: 'annotations' | 'claims' | 'users'): string | null {
  const prefix = `${base(baseUrl)}/${kind}/`;
  if (!iri.startsWith(prefix)) return null;
  const rest = iri.slice(prefix.length);
  if (rest === '' || rest.includes('/')) return null;
  try {
    return decodeURIComponent(rest);
  } catch {
    return null;
  }
}
