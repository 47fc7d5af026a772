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
  });

  it('keeps closing quotes, brackets and footnote markers with the sentence they end', () => {
    expect(sentences('Cool post![1] I especially liked it.')).toEqual(['Cool post![1]', 'I especially liked it.']);
    expect(sentences('(He said “no.”) Then he left. See No. 5 and p. 12.')).toEqual([
      '(He said “no.”)',
      'Then he left.',
      'See No. 5 and p. 12.',
    ]);
  });

  it('treats an ellipsis as an end only before a new sentence', () => {
    expect(sentences('so like... it is true. Wait… What then?')).toEqual([
      'so like... it is true.',
      'Wait…',
      'What then?',
    ]);
    expect(sentences('“Existing methods....most promising approach.”')).toEqual([
      '“Existing methods....most promising approach.”',
    ]);
  });

  it('does not split numbers, initials or list numbers', () => {
    expect(sentences('See 1. the first and J. Smith in 2023.5 of v2.0 here.')).toEqual([
      'See 1. the first and J. Smith in 2023.5 of v2.0 here.',
    ]);
  });

  it('ends a sentence at a line break', () => {
    expect(sentences('first line\n  second line.')).toEqual(['first line', 'second line.']);
  });

  it('splits glued sentences and reports where they were glued', () => {
    const text = 'so I struck it.(IE the reasoning was bad.)I also am confused.';
    expect(sentences(text)).toEqual(['so I struck it.', '(IE the reasoning was bad.)', 'I also am confused.']);
    expect(gluePoints(text)).toEqual([15, 42]);
    expect(gluePoints('See e.g.(this) and U.S.A. policy, or fig.2 and section.3 here.')).toEqual([]);
  });
});
