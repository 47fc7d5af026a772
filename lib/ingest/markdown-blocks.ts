import type { Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

export interface MarkdownBlock {
  /** Offsets of the block in the Markdown source. */
  start: number;
  end: number;
  /** The block's source with blockquote markers taken off every line. */
  text: string;
  quoted: boolean;
  heading: number | null;
}

const parser = unified().use(remarkParse).use(remarkGfm);

const CONTAINERS = new Set(['blockquote', 'list', 'listItem', 'footnoteDefinition']);

/** Leaf blocks (paragraphs, headings, code, tables…) of a Markdown document, in order. */
export function markdownBlocks(source: string): MarkdownBlock[] {
  const blocks: MarkdownBlock[] = [];
  const visit = (nodes: RootContent[], quoted: boolean) => {
    for (const node of nodes) {
      if (CONTAINERS.has(node.type) && 'children' in node) {
        visit(node.children as RootContent[], quoted || node.type === 'blockquote');
        continue;
      }
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start === undefined || end === undefined || node.type === 'definition') continue;
      const text = source
        .slice(start, end)
        .split('\n')
        .map((line, i) => (i === 0 ? line : line.replace(/^\s*(?:>\s?)+/, '')))
        .join('\n');
      blocks.push({ start, end, text, quoted, heading: node.type === 'heading' ? node.depth : null });
    }
  };
  visit((parser.parse(source) as Root).children, false);
  return blocks;
}
