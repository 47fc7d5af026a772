import { describe, expect, it } from 'vitest';
import { normalizeForMatch, originalSpan } from '@/lib/dedup/normalize';

describe('normalizeForMatch', () => {
  it('folds quotes, dashes, case, white space, accents and footnote markers', () => {
    expect(normalizeForMatch('  It’s “Naïve”—\tright?[12]  Yes ').text).toBe('its naive- right? yes');
  });

  it('maps a normalised span back to the exact original characters', () => {
    const original = 'A “quoted” 🙂 phrase[1] here';
    const normalized = normalizeForMatch(original);
    const from = normalized.text.indexOf('🙂 phrase');
    const span = originalSpan(normalized, from, from + '🙂 phrase'.length);
    expect(original.slice(span.start, span.end)).toBe('🙂 phrase');
  });

  it('is NFC/NFD-insensitive', () => {
    expect(normalizeForMatch('cafe\u0301').text).toBe(normalizeForMatch('caf\u00e9').text);
  });
});
