import { describe, expect, it } from 'vitest';
import { parseText } from '@/lib/ingest/parse-text';

const rows = (text: string) => parseText(text).map((p) => [p.line, p.text, p.raw]);

describe('parseText', () => {
  it('makes one paragraph per line, each owning its terminator', () => {
    expect(rows('one\r\ntwo\nthree\rfour')).toEqual([
      [1, 'one', 'one\r\n'],
      [2, 'two', 'two\n'],
      [3, 'three', 'three\r'],
      [4, 'four', 'four'],
    ]);
  });

  it('keeps blank lines, and no empty line after a final newline', () => {
    expect(rows('one\n\n  \ntwo\n')).toEqual([
      [1, 'one', 'one\n'],
      [2, '', '\n'],
      [3, '  ', '  \n'],
      [4, 'two', 'two\n'],
    ]);
  });

  it('keeps a byte-order mark in the first raw, out of the text', () => {
    expect(rows('\uFEFFone\ntwo')).toEqual([
      [1, 'one', '\uFEFFone\n'],
      [2, 'two', 'two'],
    ]);
  });

  it('partitions the input: the raws rebuild it', () => {
    for (const text of ['a\r\n\r\nb\r\n', '\uFEFF\n', 'x', '\n\n'])
      expect(
        parseText(text)
          .map((p) => p.raw)
          .join(''),
      ).toBe(text);
  });
});
