/** A Markdown heading found at the start of a paragraph's text: its depth and the "## " marker, if ATX. */
export interface MarkdownHeading {
  depth: number;
  /** The ATX marker with its spaces ("## "), or '' for a setext heading (underlined). */
  marker: string;
}

/**
 * Whether a paragraph of a Markdown thread is a heading. Its text keeps the markup as written — the
 * reader's offsets and the original's rebuild depend on that — so the heading is read from it: an
 * ATX marker at the start ("## Part two" → 2) or a setext underline at the end ("Part\n---" → 2).
 * Only for Markdown threads: in plain text a line starting with "#" is just text.
 */
export function markdownHeading(text: string): MarkdownHeading | null {
  const atx = /^( {0,3}(#{1,6})[ \t]+)\S/.exec(text);
  if (atx) return { depth: atx[2].length, marker: atx[1] };
  const setext = /\S[^\n]*\r?\n {0,3}(=+|-+)[ \t]*$/.exec(text);
  if (setext && !text.slice(0, setext.index).includes('\n')) return { depth: setext[1][0] === '=' ? 1 : 2, marker: '' };
  return null;
}
