import type { BlockContent, Definition, Nodes, PhrasingContent, Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { isSafeUrl } from '@/lib/markdown';

const parser = unified().use(remarkParse).use(remarkGfm);

type Definitions = Map<string, Pick<Definition, 'url' | 'title'>>;

function collectDefinitions(node: Nodes, into: Definitions): Definitions {
  if (node.type === 'definition') into.set(node.identifier, { url: node.url, title: node.title });
  if ('children' in node) for (const child of node.children) collectDefinitions(child, into);
  return into;
}

/** A link, or just its text when the target is unsafe or undefined. */
function safeLink(
  url: string | undefined,
  title: string | null | undefined,
  children: PhrasingContent[],
): PhrasingContent[] {
  return url !== undefined && isSafeUrl(url) ? [{ type: 'link', url, title, children }] : children;
}

/** Raw HTML at block level became text, which may not stand alone between blocks. */
function asBlocks(nodes: RootContent[]): BlockContent[] {
  return nodes.map((node) => (node.type === 'text' ? { type: 'paragraph', children: [node] } : (node as BlockContent)));
}

/**
 * One node of a note made fit to sit inside the summary: raw HTML shown as text (a reader of the
 * file may render it with HTML on), headings as bold paragraphs (they would break the summary's
 * outline), references resolved to inline links (definitions of different notes would clash),
 * images as links (nothing loads by itself), unsafe link schemes dropped, footnotes renamed apart.
 */
function adapt(node: RootContent, definitions: Definitions, footnotePrefix: string): RootContent[] {
  const inner = (children: RootContent[]) => children.flatMap((child) => adapt(child, definitions, footnotePrefix));
  switch (node.type) {
    case 'html':
      return [{ type: 'text', value: node.value }];
    case 'definition':
      return [];
    case 'heading':
      return [
        { type: 'paragraph', children: [{ type: 'strong', children: inner(node.children) as PhrasingContent[] }] },
      ];
    case 'image':
      return safeLink(node.url, node.title, [{ type: 'text', value: node.alt || node.url }]);
    case 'imageReference': {
      const target = definitions.get(node.identifier);
      return safeLink(target?.url, target?.title, [{ type: 'text', value: node.alt || node.label || node.identifier }]);
    }
    case 'link':
      return safeLink(node.url, node.title, inner(node.children) as PhrasingContent[]);
    case 'linkReference': {
      const target = definitions.get(node.identifier);
      return safeLink(target?.url, target?.title, inner(node.children) as PhrasingContent[]);
    }
    case 'footnoteReference':
      return [
        {
          ...node,
          identifier: footnotePrefix + node.identifier,
          label: footnotePrefix + (node.label ?? node.identifier),
        },
      ];
    case 'footnoteDefinition':
      return [
        {
          ...node,
          identifier: footnotePrefix + node.identifier,
          label: footnotePrefix + (node.label ?? node.identifier),
          children: asBlocks(inner(node.children)),
        },
      ];
    case 'blockquote':
    case 'listItem':
      return [{ ...node, children: asBlocks(inner(node.children)) }];
    default:
      return 'children' in node ? [{ ...node, children: inner(node.children) } as RootContent] : [node];
  }
}

/**
 * A tag's note (Markdown) as mdast blocks to nest in the summary. `footnotePrefix` keeps each
 * note's footnotes apart from every other note's ("n3-1" instead of "1").
 */
export function noteNodes(markdown: string, footnotePrefix: string): BlockContent[] {
  const tree: Root = parser.parse(markdown);
  const definitions = collectDefinitions(tree, new Map());
  return asBlocks(tree.children.flatMap((child) => adapt(child, definitions, footnotePrefix)));
}
