import type { BlockContent, Heading, ListItem, Paragraph, PhrasingContent } from 'mdast';

/** Tiny mdast constructors, so the summary reads as a document outline rather than node literals. */

export const text = (value: string): PhrasingContent => ({ type: 'text', value });
export const strong = (value: string): PhrasingContent => ({ type: 'strong', children: [text(value)] });
export const code = (value: string): PhrasingContent => ({ type: 'inlineCode', value });
export const link = (url: string, label: string): PhrasingContent => ({ type: 'link', url, children: [text(label)] });

export const paragraph = (...children: PhrasingContent[]): Paragraph => ({ type: 'paragraph', children });
export const heading = (depth: Heading['depth'], value: string): Heading => ({
  type: 'heading',
  depth,
  children: [text(value)],
});
export const quote = (value: string): BlockContent => ({ type: 'blockquote', children: [paragraph(text(value))] });

/** A list item; one holding several blocks (a note) gets blank lines between them, so each stays a block. */
export const item = (...children: BlockContent[]): ListItem => ({
  type: 'listItem',
  spread: children.length > 1,
  children,
});
export const list = (items: ListItem[]): BlockContent => ({
  type: 'list',
  ordered: false,
  spread: false,
  children: items,
});

/** Parts joined by " · ", the summary's separator for facts on one line. */
export function joined(parts: PhrasingContent[][]): PhrasingContent[] {
  return parts.flatMap((part, i) => (i === 0 ? part : [text(' · '), ...part]));
}
