import { markdownBlocks } from './markdown-blocks';
import type { ParsedThread, SourceParagraph } from './types';

const lineAt = (source: string, offset: number) => {
  let line = 1;
  for (let i = 0; i < offset; i++) if (source.charCodeAt(i) === 10) line++;
  return line;
};

/**
 * Markdown: each leaf block (paragraph, heading, list item text, code) is a paragraph; blocks in a
 * blockquote are marked quoted. Each paragraph's raw runs from the end of the previous one to its
 * own end (the last takes the rest), so the raws rebuild the file exactly.
 */
export function parseMarkdown(source: string): ParsedThread {
  const blocks = markdownBlocks(source);
  const paragraphs: SourceParagraph[] = [];
  let from = 0;
  let line = 1;
  let counted = 0;
  for (const [i, block] of blocks.entries()) {
    const to = i === blocks.length - 1 ? source.length : block.end;
    line += lineAt(source.slice(counted, block.start), block.start - counted) - 1;
    counted = block.start;
    paragraphs.push({ index: paragraphs.length, line, text: block.text, raw: source.slice(from, to), quoted: block.quoted });
    from = to;
  }
  if (paragraphs.length === 0) paragraphs.push({ index: 0, line: 1, text: '', raw: source, quoted: false });
  const title = blocks.find((b) => b.heading === 1)?.text.replace(/^#\s+/, '').trim();
  return { format: 'markdown', ...(title ? { title } : {}), paragraphs };
}
