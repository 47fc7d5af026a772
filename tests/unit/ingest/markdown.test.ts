import { describe, expect, it } from 'vitest';
import { findRepeats } from '@/lib/dedup/find-repeats';
import { rebuildInput } from '@/lib/dedup/rebuild';
import { parseThread } from '@/lib/ingest/parse-thread';

const MARKDOWN = `# On *reward* functions

Outer alignment is mostly about specification gaming, and that is real.

> Outer alignment is mostly about specification gaming, and that is real.
> It continues on a second line.

---

I disagree: *inner* alignment matters more.

- first item
- second item
`;

describe('Markdown', () => {
  it('makes a paragraph of each block, with the first heading as title and the text as written', () => {
    const thread = parseThread(MARKDOWN, 'markdown');
    expect(thread.title).toBe('On reward functions');
    expect(thread.paragraphs.map((p) => [p.line, p.text, p.quoted])).toEqual([
      [1, '# On *reward* functions', false],
      [3, 'Outer alignment is mostly about specification gaming, and that is real.', false],
      [
        5,
        'Outer alignment is mostly about specification gaming, and that is real.\nIt continues on a second line.',
        true,
      ],
      [10, 'I disagree: *inner* alignment matters more.', false],
      [12, 'first item', false],
      [13, 'second item', false],
    ]);
  });

  it('rebuilds the file exactly, and finds the quote of the earlier paragraph', () => {
    for (const source of [MARKDOWN, MARKDOWN.replace(/\n/g, '\r\n'), `\uFEFF${MARKDOWN}`]) {
      const thread = parseThread(source, 'markdown');
      expect(thread.paragraphs.map((p) => p.raw).join('')).toBe(source);
      const result = findRepeats(thread.paragraphs);
      expect(rebuildInput(result)).toBe(source);
      expect(result.occurrences.find((o) => o.paragraph === 2)).toMatchObject({ kind: 'exact', source: 1 });
    }
  });

  it('reads past a byte-order mark and takes a setext heading as title', () => {
    const thread = parseThread('\uFEFFA *Title*\n===\n\nBody text.\n', 'markdown');
    expect(thread.title).toBe('A Title');
    expect(thread.paragraphs[1]).toMatchObject({ line: 4, text: 'Body text.' });
  });

  it('does not take a heading inside a quote for the title', () => {
    expect(parseThread('> # Quoted heading\n\nText.\n', 'markdown').title).toBeUndefined();
  });
});
