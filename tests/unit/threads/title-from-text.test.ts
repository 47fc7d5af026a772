import { describe, expect, it } from 'vitest';
import { titleFromText } from '@/lib/server/threads/slug';

describe('titleFromText: a thread without a title is named by its first sentence', () => {
  it('takes the first sentence, leaving footnote marks out', () => {
    expect(titleFromText('Mesa-optimizers are likely.[1] They arise from search. More follows.', 'x')).toBe(
      'Mesa-optimizers are likely.',
    );
  });

  it('adds the next sentence while the first is too short to say anything', () => {
    expect(titleFromText('Cool post![1] I liked the reward-seeker eval. Someone should build it.', 'x')).toBe(
      'Cool post! I liked the reward-seeker eval.',
    );
  });

  it('cuts a long sentence at a word near 80 characters, and falls back on an empty line', () => {
    const long =
      'In the post you say that human programmers will write the AI’s reward function and there will be one step of indirection.';
    expect(titleFromText(long, 'x')).toBe(
      'In the post you say that human programmers will write the AI’s reward function…',
    );
    expect(titleFromText('   ', 'upload.txt')).toBe('upload.txt');
  });
});
