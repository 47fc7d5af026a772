import type { SourceParagraph } from './types';

/**
 * Flattened text: one paragraph per line. Each line owns its terminator (\n, \r\n or none at the
 * end); a byte-order mark stays in the first line's raw, out of its text.
 */
export function parseText(text: string): SourceParagraph[] {
  const paragraphs: SourceParagraph[] = [];
  const pattern = /([^\r\n]*)(\r\n|\n|\r|$)/g;
  let line = 0;
  for (let match = pattern.exec(text); match && match.index < text.length; match = pattern.exec(text)) {
    const [raw, content] = match;
    paragraphs.push({
      index: paragraphs.length,
      line: ++line,
      text: line === 1 ? content.replace(/^\uFEFF/, '') : content,
      raw,
      quoted: false,
    });
    if (raw === '') break;
  }
  return paragraphs;
}
