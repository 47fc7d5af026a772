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

/** Where a sentence ends: its closing punctuation and any closing quote or bracket, then space. */
const SENTENCE_END = /[.!?…]["”’)\]]*\s+/g;

/** Shorter than this, a first sentence ("Cool post!") says nothing of the thread; the next one joins it. */
const SHORTEST_TITLE = 20;

/**
 * A title for a thread that has none: the first sentence of its first paragraph (with the next ones
 * while it is shorter than 20 characters), cut at a word near 80 characters.
 */
export function titleFromText(firstLine: string, fallback: string): string {
  const line = firstLine
    .replace(/\[\d{1,3}\]/g, '')
    .trim()
    .replace(/\s+/g, ' ');
  if (!line) return fallback;
  let end = line.length;
  for (const match of line.matchAll(SENTENCE_END)) {
    const candidate = match.index + match[0].trimEnd().length;
    if (candidate >= SHORTEST_TITLE) {
      end = candidate;
      break;
    }
  }
  const sentence = line.slice(0, end);
  if (sentence.length <= 80) return sentence;
  const cut = sentence.slice(0, 80);
  const space = cut.lastIndexOf(' ');
  return `${cut.slice(0, space > 40 ? space : 80)}…`;
}
