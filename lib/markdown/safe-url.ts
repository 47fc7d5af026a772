/** Schemes a link in user-written Markdown may use, wherever it is shown or exported. */
export const SAFE_SCHEMES = ['http', 'https', 'mailto'] as const;

/** Space and the C0/C1 control characters, which a browser strips or ignores in a URL. */
function isIgnoredInUrl(char: string): boolean {
  const code = char.charCodeAt(0);
  return code <= 0x20 || (code >= 0x7f && code <= 0x9f);
}

/**
 * Whether a link target is safe to emit: a listed scheme, or no scheme at all (a relative URL).
 * Browsers drop tabs and newlines inside a URL and ignore case, so "Java\tScript:" is a scheme too;
 * a colon after the first "/", "?" or "#" is part of a path, not a scheme.
 */
export function isSafeUrl(url: string): boolean {
  const cleaned = Array.from(url)
    .filter((char) => !isIgnoredInUrl(char))
    .join('');
  const colon = cleaned.indexOf(':');
  const pathStart = cleaned.search(/[/?#]/);
  if (colon === -1 || (pathStart !== -1 && pathStart < colon)) return true;
  return (SAFE_SCHEMES as readonly string[]).includes(cleaned.slice(0, colon).toLowerCase());
}
