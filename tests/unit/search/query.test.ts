import { describe, expect, it } from 'vitest';
import { parseQuery, wantedTerms } from '@/lib/search/query';
import { forEachWord, termOf, termsOf } from '@/lib/search/words';

const word = (term: string) => ({ terms: [term], offsets: [0] });

describe('search words', () => {
  it('reduce words to Porter2 stems, as Postgres’ english configuration does, and drop stop words', () => {
    expect(['alignment', 'aligned', 'generalization', 'rewards', 'optimizers'].map(termOf)).toEqual([
      'align',
      'align',
      'general',
      'reward',
      'optim',
    ]);
    expect(['the', 'and', 'should'].map(termOf)).toEqual([null, null, null]);
    expect(termsOf('The reward of a model')).toEqual([null, 'reward', null, null, 'model']);
  });

  it('split at hyphens, apostrophes and signs, and find words in any script with their offsets', () => {
    const found: [string, number, number][] = [];
    forEachWord('Über-alignment, naïve 𝒜I; don’t', (w, start, end) => found.push([w, start, end]));
    expect(found).toEqual([
      ['über', 0, 4],
      ['alignment', 5, 14],
      ['naïve', 16, 21],
      ['𝒜i', 22, 25],
      ['don', 27, 30],
      ['t', 31, 32],
    ]);
  });
});

describe('parseQuery', () => {
  it('reads words, phrases, exclusions and alternatives as a web search box does', () => {
    expect(parseQuery('inner alignment -"reward model" or mesa')).toEqual([
      { must: [word('inner'), word('align')], mustNot: [{ terms: ['reward', 'model'], offsets: [0, 1] }] },
      { must: [word('mesa')], mustNot: [] },
    ]);
    expect(parseQuery('-reward training')).toEqual([{ must: [word('train')], mustNot: [word('reward')] }]);
  });

  it('keeps the places of stop words inside a phrase, and reads a hyphenated word as a phrase', () => {
    expect(parseQuery('"reward the model"')).toEqual([
      { must: [{ terms: ['reward', 'model'], offsets: [0, 2] }], mustNot: [] },
    ]);
    expect(parseQuery('world-model')).toEqual([
      { must: [{ terms: ['world', 'model'], offsets: [0, 1] }], mustNot: [] },
    ]);
  });

  it('drops what holds no term: stop words, signs, a stray "or", an unclosed quote’s emptiness', () => {
    expect(parseQuery('the')).toEqual([]);
    expect(parseQuery('!!! & | :*')).toEqual([]);
    expect(parseQuery('or reward or')).toEqual([{ must: [word('reward')], mustNot: [] }]);
    expect(parseQuery('"')).toEqual([]);
    expect(parseQuery('"reward model')).toEqual([
      { must: [{ terms: ['reward', 'model'], offsets: [0, 1] }], mustNot: [] },
    ]);
  });

  it('marks the terms a hit may hold, not the excluded ones', () => {
    expect([...wantedTerms(parseQuery('inner -outer or "reward model"'))].sort()).toEqual(['inner', 'model', 'reward']);
  });
});
