import { describe, expect, it } from 'vitest';
import { gluePoints, splitSentences } from '@/lib/dedup/sentences';

const sentences = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  it('copes with abbreviations, section numbers, percentages, brackets and quotes', () => {
    expect(sentences('Per §2.4.2, both are real (e.g. goal misgeneralization). I also think so.')).toEqual([
      'Per §2.4.2, both are real (e.g. goal misgeneralization).',
      'I also think so.',
    ]);
    expect(sentences('It is doomed because (IIUC) it relies on RLHF, i.e. on feedback. See §2.4.1 there.')).toEqual([
      'It is doomed because (IIUC) it relies on RLHF, i.e. on feedback.',
      'See §2.4.1 there.',
    ]);
    expect(sentences('Risk is >5% under current uncertainty. “Really?” Yes. Mr. Smith said 3.5 times.')).toEqual([
      'Risk is >5% under current uncertainty.',
      '“Really?”',
      'Yes.',
      'Mr. Smith said 3.5 times.',
    ]);
    expect(sentences('Cool post![1] I especially liked it.')).toEqual(['Cool post![1]', 'I especially liked it.']);
  });

  it('splits glued sentences and reports where they were glued', () => {
    const text = 'so I struck it.(IE the reasoning was bad.)I also am confused.';
    expect(sentences(text)).toEqual(['so I struck it.', '(IE the reasoning was bad.)', 'I also am confused.']);
    expect(gluePoints(text)).toEqual([15, 42]);
    expect(gluePoints('See e.g.(this) and U.S.A. policy.')).toEqual([]);
  });
});
