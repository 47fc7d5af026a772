/** The quality an Accept header gives `type` (an explicit entry first, else type/*, else *\/*); 1 without a header. */
function quality(entries: { type: string; q: number }[], type: string): number {
  const [major] = type.split('/');
  const exact = entries.find((e) => e.type === type);
  const family = entries.find((e) => e.type === `${major}/*`);
  const any = entries.find((e) => e.type === '*/*');
  return (exact ?? family ?? any)?.q ?? 0;
}

function parseAccept(header: string): { type: string; q: number }[] {
  return header.split(',').map((part) => {
    const [type, ...parameters] = part.split(';').map((p) => p.trim().toLowerCase());
    const q = parameters.find((p) => p.startsWith('q='));
    const value = q ? Number(q.slice(2)) : 1;
    return { type, q: Number.isFinite(value) ? value : 0 };
  });
}

/**
 * Whether a request for one of this site's IRIs wants the page a person reads rather than the
 * data: a browser asks for text/html above everything else; a Web Annotation client asks for
 * application/ld+json, and a client that says nothing (curl's *\/*) gets the data, as the Web
 * Annotation Protocol expects.
 */
export function prefersHtml(accept: string | null): boolean {
  if (!accept?.trim()) return false;
  const entries = parseAccept(accept);
  const html = Math.max(quality(entries, 'text/html'), quality(entries, 'application/xhtml+xml'));
  const data = Math.max(quality(entries, 'application/ld+json'), quality(entries, 'application/json'));
  return html > data;
}
