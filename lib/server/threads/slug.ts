/** A readable URL slug from a title: lower-case ASCII words joined by "-", at most 60 chars. */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'thread';
}

/** A title for a thread that has none: its first line, cut at a word near 80 characters. */
export function titleFromText(firstLine: string, fallback: string): string {
  const line = firstLine
    .replace(/\[\d{1,3}\]/g, '')
    .trim()
    .replace(/\s+/g, ' ');
  if (!line) return fallback;
  if (line.length <= 80) return line;
  const cut = line.slice(0, 80);
  const space = cut.lastIndexOf(' ');
  return `${cut.slice(0, space > 40 ? space : 80)}…`;
}
