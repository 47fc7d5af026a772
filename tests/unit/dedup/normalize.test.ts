import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizedText, normalizeForMatch, originalSpan } from '@/lib/dedup/normalize';
import { repeatKey } from '@/lib/dedup/repeat-key';

const norm = (text: string) => normalizeForMatch(text).text;

describe('normalizeForMatch', () => {
  it('folds quotes and apostrophes, dashes, case, white space, accents and footnote markers', () => {
    expect(norm('  It’s “Naïve”—\tright?[12]  Yes ')).toBe('its naive- right? yes');
    expect(norm(`It's "naive" – right? Yes`)).toBe('its naive - right? yes');
  });

  it('is NFC/NFD-insensitive', () => {
    expect(norm('cafe\u0301')).toBe(norm('caf\u00e9'));
  });

  it('turns every kind of ellipsis into one spaced token', () => {
    for (const mark of ['...', '....', '…', '[...]', '[…]', ' … '])
      expect(norm(`start${mark}end`), mark).toBe('start ... end');
  });

  it('drops a leading quote marker but keeps ">" as a sign', () => {
    expect(norm('> > quoted text')).toBe('quoted text');
    expect(norm('>5% under current uncertainty.')).toBe('>5% under current uncertainty.');
  });

  it('keeps section signs, decimals and abbreviations as they are', () => {
    expect(norm('Per §2.4.2, e.g. 3.5 times')).toBe('per §2.4.2, e.g. 3.5 times');
  });

  it('maps a normalised span back to the exact original characters', () => {
    const original = 'A “quoted” 🙂 phrase[1] here… and there';
    const normalized = normalizeForMatch(original);
    for (const piece of ['🙂 phrase here', 'quoted', 'there']) {
      const from = normalized.text.indexOf(piece);
      const span = originalSpan(normalized, from, from + piece.length);
      expect(normalizeForMatch(original.slice(span.start, span.end)).text).toBe(piece);
    }
    const from = normalized.text.indexOf('phrase');
    expect(originalSpan(normalized, from, from + 'phrase here'.length)).toEqual({
      start: original.indexOf('phrase'),
      end: original.indexOf('here') + 4,
    });
  });

  it('gives the same text with and without offsets, and one offset pair per character', () => {
    const text = fc.string({
      unit: fc.constantFrom(
        'a',
        'B',
        ' ',
        '\t',
        '.',
        '…',
        '[',
        ']',
        '1',
        '“',
        '’',
        '—',
        'é',
        'e\u0301',
        '🙂',
        '>',
        'ﬁ',
        'Σ',
      ),
      maxLength: 60,
    });
    fc.assert(
      fc.property(text, (original) => {
        const normalized = normalizeForMatch(original);
        expect(normalizedText(original)).toBe(normalized.text);
        expect(normalized.starts.length).toBe(normalized.text.length);
        expect(normalized.text).toBe(normalized.text.trim());
        expect(normalized.text).not.toContain('  ');
      }),
      { numRuns: 300 },
    );
  });
});

describe('repeatKey', () => {
  it('ignores the punctuation a writer adds or drops at the edges', () => {
    expect(repeatKey('x', norm('It’s hard to jailbreak LLMs.'))).toBe(
      repeatKey('x', norm("it's hard to jailbreak LLMs")),
    );
    expect(repeatKey('x', norm('...approach;'))).toBe('approach');
  });

  it('keys text that normalises to nothing on its own characters, so it repeats only itself', () => {
    expect(repeatKey('[1]', norm('[1]'))).toBe(repeatKey(' [1] ', norm(' [1] ')));
    expect(repeatKey('[1]', norm('[1]'))).not.toBe(repeatKey('“”', norm('“”')));
  });
});
