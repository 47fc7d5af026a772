import type { Root, RootContent } from 'mdast';
import { toString as plainText } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

export interface MarkdownBlock {
  /** Offsets of the block in the Markdown source. */
  start: number;
  end: number;
  /** The block's source with the blockquote markers taken off every line after its first. */
  text: string;
  quoted: boolean;
  /** For a heading: its depth and its text without the markup. */
  heading?: { depth: number; text: string };
}

const parser = unified().use(remarkParse).use(remarkGfm);

/** Blocks that hold other blocks: their leaves are the paragraphs. */
const CONTAINERS = new Set(['blockquote', 'list', 'listItem', 'footnoteDefinition']);
/** Blocks with no text of their own: their source goes with the next paragraph's raw. */
const SILENT = new Set(['definition', 'thematicBreak']);

/**
 * Leaf blocks (paragraphs, headings, code, tables…) of a Markdown document, in order. A leading
 * byte-order mark is skipped by the parser, so offsets are shifted back past it.
 */
export function markdownBlocks(source: string): MarkdownBlock[] {
  const bom = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  const blocks: MarkdownBlock[] = [];
  const visit = (nodes: RootContent[], quoted: boolean) => {
    for (const node of nodes) {
      if (CONTAINERS.has(node.type) && 'children' in node) {
        visit(node.children as RootContent[], quoted || node.type === 'blockquote');
        continue;
      }
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start === undefined || end === undefined || SILENT.has(node.type)) continue;
      const text = source
        .slice(start + bom, end + bom)
        .split('\n')
        .map((line, i) => (i === 0 ? line : line.replace(/^\s*(?:>\s?)+/, '')))
        .join('\n');
      const heading = node.type === 'heading' ? { depth: node.depth, text: plainText(node) } : undefined;
      blocks.push({ start: start + bom, end: end + bom, text, quoted, ...(heading ? { heading } : {}) });
    }
  };
  visit((parser.parse(source.slice(bom)) as Root).children, false);
  return blocks;
}
