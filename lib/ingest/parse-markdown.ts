import { lineLocator } from './lines';
import { markdownBlocks } from './markdown-blocks';
import type { ParsedThread, SourceParagraph } from './types';

/**
 * Markdown: each leaf block (paragraph, heading, list item text, code) is a paragraph; blocks in a
 * blockquote are marked quoted; the first heading of depth 1 outside a quote is the title. Each
 * paragraph's raw runs from the end of the previous one to its own end (the last takes the rest),
 * so the raws rebuild the file exactly.
 */
export function parseMarkdown(source: string): ParsedThread {
  const blocks = markdownBlocks(source);
  const lineAt = lineLocator(source);
  const paragraphs: SourceParagraph[] = [];
  let from = 0;
  for (const [i, block] of blocks.entries()) {
    const to = i === blocks.length - 1 ? source.length : block.end;
    paragraphs.push({
      index: i,
      line: lineAt(block.start),
      text: block.text,
      raw: source.slice(from, to),
      quoted: block.quoted,
    });
    from = to;
  }
  if (paragraphs.length === 0) paragraphs.push({ index: 0, line: 1, text: '', raw: source, quoted: false });
  const title = blocks.find((b) => b.heading?.depth === 1 && !b.quoted)?.heading?.text.trim();
  return { format: 'markdown', ...(title ? { title } : {}), paragraphs };
}
