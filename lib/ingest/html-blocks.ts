import type { Element, Root, RootContent } from 'hast';
import { toText } from 'hast-util-to-text';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';

export interface TextBlock {
  text: string;
  quoted: boolean;
}

const parser = unified().use(rehypeParse, { fragment: true });

/** Elements whose text is one paragraph. */
const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'pre', 'figcaption', 'td', 'th', 'dt', 'dd']);

/**
 * The paragraphs of an HTML body (a LessWrong comment's `contents.html`), as plain text; those
 * inside a <blockquote> are quoted. Text outside any block element becomes one paragraph.
 */
export function htmlBlocks(html: string): TextBlock[] {
  const root = parser.parse(html) as Root;
  const blocks: TextBlock[] = [];
  const visit = (nodes: RootContent[], quoted: boolean) => {
    for (const node of nodes) {
      if (node.type !== 'element') continue;
      const element = node as Element;
      if (BLOCKS.has(element.tagName)) {
        const text = toText(element).trim();
        if (text) blocks.push({ text, quoted });
      } else visit(element.children as RootContent[], quoted || element.tagName === 'blockquote');
    }
  };
  visit(root.children, false);
  if (blocks.length > 0) return blocks;
  const text = toText(root).trim();
  return text ? [{ text, quoted: false }] : [];
}
