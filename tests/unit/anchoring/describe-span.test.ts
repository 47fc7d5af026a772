import { describe, expect, it } from 'vitest';
import { CONTEXT_LENGTH, describeSpan, selectorProblems, spanProblems } from '@/lib/anchoring';

const passage =
  'Outer alignment 🎯 is about the objective we write down; inner alignment 🧠 is about the objective the model learns.';

describe('describeSpan', () => {
  it('describes a span by code points, with 32 code points of context', () => {
    const start = Array.from(passage).indexOf('🧠');
    const selector = describeSpan(passage, start, start + 1);
    expect(selector.exact).toBe('🧠');
    expect(Array.from(selector.prefix)).toHaveLength(CONTEXT_LENGTH);
    expect(selector.prefix.endsWith('inner alignment ')).toBe(true);
    expect(Array.from(selector.suffix)).toHaveLength(CONTEXT_LENGTH);
    expect(selector.suffix.startsWith(' is about the objective the')).toBe(true);
    expect(selector).toMatchObject({ start, end: start + 1 });
  });

  it('keeps whole emoji in the context, never half a surrogate pair', () => {
    const text = `${'😀'.repeat(40)}claim${'🎯'.repeat(40)}`;
    const selector = describeSpan(text, 40, 45);
    expect(selector.exact).toBe('claim');
    expect(selector.prefix).toBe('😀'.repeat(32));
    expect(selector.suffix).toBe('🎯'.repeat(32));
  });

  it('shortens the context at the passage edges', () => {
    expect(describeSpan('Short claim.', 0, 5)).toEqual({
      exact: 'Short',
      prefix: '',
      suffix: ' claim.',
      start: 0,
      end: 5,
    });
  });

  it('throws on a span it cannot describe', () => {
    expect(() => describeSpan(passage, 5, 5)).toThrow(/empty/);
    expect(() => describeSpan(passage, 0, 500)).toThrow(/outside/);
  });
});

describe('span and selector problems (the API answers 422 with them)', () => {
  it('says what is wrong with a span', () => {
    expect(spanProblems('abc', 2, 2)).toEqual([expect.objectContaining({ field: 'end', code: 'empty' })]);
    expect(spanProblems('abc', 3, 1)).toEqual([expect.objectContaining({ code: 'empty' })]);
    expect(spanProblems('abc', -1, 2)).toEqual([expect.objectContaining({ field: 'start', code: 'out-of-range' })]);
    expect(spanProblems('a😀', 0, 3)).toEqual([expect.objectContaining({ field: 'end', code: 'out-of-range' })]);
    expect(spanProblems('abc', 0.5, 2)).toEqual([expect.objectContaining({ field: 'start', code: 'not-integer' })]);
    expect(spanProblems('a   b', 1, 3)).toEqual([expect.objectContaining({ code: 'blank' })]);
    expect(spanProblems('a😀', 0, 2)).toEqual([]);
  });

  it('catches an exact that is not the text at those offsets', () => {
    const selector = describeSpan(passage, 0, 15);
    expect(selectorProblems(passage, selector)).toEqual([]);
    expect(selectorProblems(passage, { ...selector, exact: 'Inner alignment' })).toEqual([
      expect.objectContaining({ field: 'exact', code: 'mismatch' }),
    ]);
  });

  it('catches UTF-16 offsets sent where code points were due', () => {
    const start16 = passage.indexOf('inner');
    const selector = {
      ...describeSpan(
        passage,
        Array.from(passage.slice(0, start16)).length,
        Array.from(passage.slice(0, start16)).length + 5,
      ),
      start: start16,
      end: start16 + 5,
    };
    expect(selectorProblems(passage, selector)).toEqual([
      expect.objectContaining({ field: 'exact', code: 'mismatch' }),
    ]);
  });

  it('catches context that is not next to the span, when a client sends it', () => {
    const selector = describeSpan(passage, 0, 15);
    expect(selectorProblems(passage, { ...selector, suffix: ' is about something else' })).toEqual([
      expect.objectContaining({ field: 'suffix', code: 'mismatch' }),
    ]);
    expect(selectorProblems(passage, { ...selector, prefix: 'x' })).toEqual([
      expect.objectContaining({ field: 'prefix', code: 'mismatch' }),
    ]);
    expect(selectorProblems(passage, { exact: selector.exact, start: 0, end: 15, prefix: '', suffix: '' })).toEqual([]);
  });
});
