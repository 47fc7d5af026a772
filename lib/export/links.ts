/**
 * Every address an export writes, in one place. `baseUrl` is the site's origin (and path prefix,
 * if any), e.g. "https://cruxreader.example.org"; a trailing slash is ignored.
 */

/** `baseUrl` without trailing slashes, to append paths to. */
export function siteBase(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, '');
}

const segment = encodeURIComponent;

/** The thread's reading page. */
export function threadUrl(baseUrl: string, slug: string): string {
  return `${siteBase(baseUrl)}/threads/${segment(slug)}`;
}

/**
 * A claim in context: the reading page scrolled to its paragraph (the reader numbers paragraphs
 * from 1, "#p-4" is ¶4), with the claim named so the page can highlight it.
 */
export function claimContextUrl(
  baseUrl: string,
  claim: { id: string; threadSlug: string; passageOrdinal: number },
): string {
  return `${threadUrl(baseUrl, claim.threadSlug)}?claim=${segment(claim.id)}#p-${claim.passageOrdinal + 1}`;
}

/** "¶4" for the passage of ordinal 3, as the reader shows it. */
export function paragraphLabel(passageOrdinal: number): string {
  return `¶${passageOrdinal + 1}`;
}
