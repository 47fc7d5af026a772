import { describe, expect, it } from 'vitest';
import { extendByWord, stepWord, type WordSpan, wordsOf } from '@/components/reader/word-steps';

const text = '“Reward models are learned,” she said. Then they fail.';
const sentences = [
  { start: 0, end: 38 },
  { start: 39, end: 54 },
];
const show = (span: { start: number; end: number } | null) => (span ? text.slice(span.start, span.end) : null);
const sentence = (i: number): WordSpan => ({ ...sentences[i], moving: 'end' });

describe('word-by-word keyboard selection', () => {
  it('finds the words, leaving out quotes, commas and full stops', () => {
    expect(wordsOf(text).map(show)).toEqual([
      'Reward',
      'models',
      'are',
      'learned',
      'she',
      'said',
      'Then',
      'they',
      'fail',
    ]);
  });

  it('→ after a sentence takes its first word, then walks on; ← takes the last and walks back', () => {
    const first = stepWord(text, sentences[0], 1);
    expect(show(first)).toBe('Reward');
    expect(show(stepWord(text, first!, 1))).toBe('models');
    expect(show(stepWord(text, sentences[0], -1))).toBe('said');
    expect(show(stepWord(text, { start: 39, end: 43 }, -1))).toBe('said');
    expect(stepWord(text, { start: 49, end: 53 }, 1)).toBeNull();
  });

  it('Shift+← shrinks a sentence from its end a word at a time, and Shift+→ grows it back to the exact sentence', () => {
    const shorter = extendByWord(text, sentences, sentence(0), -1);
    expect(show(shorter)).toBe('“Reward models are learned,” she');
    const shortest = extendByWord(text, sentences, shorter!, -1);
    expect(show(shortest)).toBe('“Reward models are learned');
    const back = extendByWord(text, sentences, extendByWord(text, sentences, shortest!, 1)!, 1);
    expect(back).toEqual({ ...sentences[0], moving: 'end' });
  });

  it('turns round at one word: Shift+← from a lone word grows to the left, then Shift+→ shrinks from the left', () => {
    const word: WordSpan = { start: 19, end: 26, moving: 'end' };
    expect(show(word)).toBe('learned');
    const left = extendByWord(text, sentences, word, -1);
    expect(left).toMatchObject({ moving: 'start' });
    expect(show(left)).toBe('are learned');
    const again = extendByWord(text, sentences, left!, -1);
    expect(show(again)).toBe('models are learned');
    expect(show(extendByWord(text, sentences, again!, 1))).toBe('are learned');
  });

  it('stops at the passage edges, and on a span that holds no word', () => {
    expect(extendByWord(text, sentences, sentence(1), 1)).toBeNull();
    expect(extendByWord(text, sentences, { start: 1, end: 7, moving: 'start' }, -1)).toBeNull();
    expect(extendByWord(text, sentences, { start: 38, end: 39, moving: 'end' }, 1)).toBeNull();
  });
});
