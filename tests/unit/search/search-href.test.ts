import { describe, expect, it } from 'vitest';
import { searchHref } from '@/lib/search/search-params';

describe('searchHref', () => {
  it('keeps only the set parameters, in their order, and leaves defaults out', () => {
    const form = {
      q: 'reward',
      axis: ['outer', 'inner'],
      minConfidence: '',
      confidenceOf: 'mean',
      sort: '',
      limit: '20',
    };
    expect(searchHref(form)).toBe('/claims?q=reward&axis=outer&axis=inner');
    expect(searchHref({ q: '', sort: '' })).toBe('/claims');
    expect(searchHref({ confidenceOf: 'mine', minConfidence: '50' })).toBe(
      '/claims?confidenceOf=mine&minConfidence=50',
    );
  });

  it('sets and drops parameters, starting again from the first page unless the cursor is what changes', () => {
    const asked = { q: 'reward', axis: 'outer', cursor: 'abc' };
    expect(searchHref(asked, { axis: 'inner' })).toBe('/claims?q=reward&axis=inner');
    expect(searchHref(asked, { q: null })).toBe('/claims?axis=outer');
    expect(searchHref(asked, { crux: 'true' })).toBe('/claims?q=reward&axis=outer&crux=true');
    expect(searchHref(asked, { cursor: 'def' })).toBe('/claims?q=reward&axis=outer&cursor=def');
    expect(searchHref(asked)).toBe('/claims?q=reward&axis=outer&cursor=abc');
  });
});
