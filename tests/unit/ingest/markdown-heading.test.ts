import { describe, expect, it } from 'vitest';
import { markdownHeading } from '@/lib/ingest/markdown-heading';
import { parseMarkdown } from '@/lib/ingest/parse-markdown';

describe('markdownHeading', () => {
  it('finds ATX and setext headings in the paragraphs of a Markdown thread', () => {
    const { paragraphs } = parseMarkdown('# Title\n\nSome text.\n\n## Part two\n\nMore.\n\nSetext\n---\n\nEnd.\n');
    expect(paragraphs.map((p) => markdownHeading(p.text))).toEqual([
      { depth: 1, marker: '# ' },
      null,
      { depth: 2, marker: '## ' },
      null,
      { depth: 2, marker: '' },
      null,
    ]);
  });

  it('is null for text that only looks like one', () => {
    expect(markdownHeading('#hashtag and more')).toBeNull();
    expect(markdownHeading('####### seven is too many')).toBeNull();
    expect(markdownHeading('Two lines\nof a paragraph\n---')).toBeNull();
  });
});
