import { describe, expect, it } from 'vitest';
import { trigrams, Vocabulary } from '@/lib/server/search/spelling';
import { wordsOf } from '@/lib/search/words';

function vocabularyOf(text: string) {
  const vocabulary = new Vocabulary();
  for (const word of wordsOf(text)) vocabulary.add(word);
  return vocabulary;
}

describe('spelling correction', () => {
  it('makes trigrams as pg_trgm does: padded, each once', () => {
    expect(trigrams('cat').sort()).toEqual(['  c', ' ca', 'at ', 'cat'].sort());
    expect(trigrams('aaa').sort()).toEqual(['  a', ' aa', 'aa ', 'aaa'].sort());
  });

  it('replaces an unknown word by the most similar known one, at pg_trgm similarity 0.4 or more', () => {
    const vocabulary = vocabularyOf('Inner alignment and specification gaming; interpretability tools.');
    // alignmnet ~ alignment: 0.5; specfication ~ specification: 0.71 (as pg_trgm's similarity()).
    expect(vocabulary.closest('alignmnet')).toBe('alignment');
    expect(vocabulary.closest('specfication')).toBe('specification');
    expect(vocabulary.closest('zebra')).toBeNull();
    expect(vocabulary.closest('alignment')).toBeNull();
    expect(vocabulary.correct('Inner Alignmnet -specfication')).toBe('Inner alignment -specification');
    expect(vocabulary.correct('inner alignment')).toBeNull();
    expect(vocabulary.correct('zebra stripes')).toBeNull();
  });

  it('breaks a tie of similarity alphabetically', () => {
    expect(vocabularyOf('bat cat').closest('xat')).toBeNull();
    // carx ~ cart and carx ~ carp: 3 of 7 trigrams each.
    expect(vocabularyOf('cart carp').closest('carx')).toBe('carp');
    expect(vocabularyOf('rewards rewarded').closest('rewardz')).toBe('rewards');
  });
});
