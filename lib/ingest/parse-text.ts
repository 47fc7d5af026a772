import type { SourceParagraph } from './types';

/**
 * Flattened text: one paragraph per line. Each line owns its terminator (\n, \r\n or none at the
 * end); a byte-order mark stays in the first line's raw, out of its text.
 */
export function parseText(text: string): SourceParagraph[] {
  const paragraphs: SourceParagraph[] = [];
  const toLineEnd = /[^\r\n]*/y;
  for (let start = 0; start < text.length; ) {
    toLineEnd.lastIndex = start;
    toLineEnd.test(text);
    const end = toLineEnd.lastIndex;
    const terminator = text.startsWith('\r\n', end) ? 2 : end < text.length ? 1 : 0;
    const content = text.slice(start, end);
    const line = paragraphs.length + 1;
    paragraphs.push({
      index: paragraphs.length,
      line,
      text: line === 1 ? content.replace(/^\uFEFF/, '') : content,
      raw: text.slice(start, end + terminator),
      quoted: false,
    });
    start = end + terminator;
  }
  return paragraphs;
}
