import type { CreatorIri } from './creator-iri';

type External = Extract<CreatorIri, { kind: 'external' }>;

/** Names longer than this are cut: a name is shown beside every tag. */
const MAX_NAME = 80;

function tidy(name: string | null | undefined): string | null {
  const cleaned = name?.replace(/\s+/g, ' ').trim();
  if (!cleaned) return null;
  const characters = Array.from(cleaned);
  return characters.length > MAX_NAME ? `${characters.slice(0, MAX_NAME - 1).join('')}…` : cleaned;
}

/**
 * An external author's own name: the one their source gives, else the handle in their IRI, else
 * the IRI itself. Written back into exports as the creator's name.
 */
export function externalName(creator: External, given: string | null | undefined): string {
  return tidy(given) ?? tidy(creator.handle) ?? tidy(creator.iri) ?? creator.iri;
}

/**
 * How an external author is shown on every page and export of this site: their name and where
 * they live, "alice · hypothes.is", so that they are never mistaken for a reader of this site.
 */
export function externalAuthorLabel(creator: External, given: string | null | undefined): string {
  const name = externalName(creator, given);
  return creator.host ? `${name} · ${creator.host}` : `${name} · external`;
}
