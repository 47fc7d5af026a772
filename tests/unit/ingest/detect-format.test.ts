import { describe, expect, it } from 'vitest';
import { detectFormat } from '@/lib/ingest/detect-format';
import { parseThread } from '@/lib/ingest/parse-thread';
import { ingestError } from './helpers';

describe('detectFormat', () => {
  it('goes by the file name first', () => {
    expect(detectFormat('anything', 'thread.md')).toBe('markdown');
    expect(detectFormat('anything', 'thread.JSON')).toBe('lesswrong-json');
    expect(detectFormat('# looks like markdown\n\n> quote\n\n- item', 'thread.txt')).toBe('text');
  });

  it('recognises JSON by its opening, but not a text that opens with a footnote', () => {
    expect(detectFormat('\uFEFF  {"data":{}}')).toBe('lesswrong-json');
    expect(detectFormat('[{"_id":"a"}]')).toBe('lesswrong-json');
    expect(detectFormat('[1] A footnote opens this thread.\nSecond line.')).toBe('text');
  });

  it('recognises Markdown by its syntax in blank-line separated paragraphs', () => {
    expect(detectFormat('# Title\n\nA paragraph.\n\n> A quote.\n\nA reply.\n')).toBe('markdown');
  });

  it('keeps a flattened thread as text, even when some lines look like Markdown', () => {
    expect(detectFormat('plain line one\nplain line two')).toBe('text');
    expect(
      detectFormat('> quoted line\nreply line\n> another quote\nanother reply\nmore\nmore\nmore\nmore\nmore\nmore'),
    ).toBe('text');
  });
});

describe('parseThread', () => {
  it('detects the format when none is given', () => {
    expect(parseThread('# Title\n\nA paragraph.\n\n> A quote.\n').format).toBe('markdown');
    expect(parseThread('one\ntwo').format).toBe('text');
  });

  it('refuses an unknown format', () => {
    expect(ingestError(() => parseThread('text', 'pdf' as never))).toMatchObject({ code: 'unknown_format' });
  });
});
