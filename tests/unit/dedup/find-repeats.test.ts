import { describe, expect, it } from 'vitest';
import { compact, dedupLines } from './helpers';

const A = 'Outer alignment is mostly about specification gaming, and that is a real problem in practice.';
const B = 'Inner alignment is about goal misgeneralization. It shows up when training and deployment differ. That is why I worry.';
const C = 'I think both matter, but the second one worries me more.';

describe('findRepeats', () => {
  it('marks exact repeats of whole lines, however short, with the line they repeat', () => {
    const { statuses } = dedupLines(['My picture is, roughly:', A, 'My picture is, roughly:', A]);
    expect(compact(statuses)).toBe('o o e1 e2');
  });

  it('matches through curly quotes, case, white space and footnote markers', () => {
    const { statuses } = dedupLines(['It’s “hard” to   write spam.[1] Really hard indeed, believe me.', 'its "HARD" to write spam. really hard indeed, believe me.']);
    expect(compact(statuses)).toBe('o e1');
  });

  it('finds a quoted sentence of an earlier paragraph and links the reply after it', () => {
    const { statuses, result } = dedupLines([B, 'It shows up when training and deployment differ.', C]);
    expect(compact(statuses)).toBe('o p1 o');
    const quote = result.occurrences[1];
    expect(quote).toMatchObject({ kind: 'partial', source: 0 });
    expect(B.slice(quote.spans![0].start, quote.spans![0].end)).toBe('It shows up when training and deployment differ.');
    expect(result.occurrences[2].replyTo).toBe(0);
  });

  it('finds a fragment of twenty characters or more, even when the quoter ends it with a full stop', () => {
    const { statuses } = dedupLines([A, 'specification gaming, and that is a real problem.']);
    expect(compact(statuses)).toBe('o p1');
  });

  it('finds elided quotes with ...., … and [...]', () => {
    for (const mark of ['....', '…', ' [...] ', '...']) {
      const { statuses, result } = dedupLines([B, `“Inner alignment is about goal misgeneralization${mark}That is why I worry.”`]);
      expect(compact(statuses), mark).toBe('o p1');
      expect(result.occurrences[1].kind).toBe('elided');
      expect(result.occurrences[1].spans).toHaveLength(2);
    }
  });

  it('splits a line that quotes an earlier paragraph and then answers it', () => {
    const { statuses, result } = dedupLines([A, `${A} ${C}`]);
    expect(compact(statuses)).toBe('o p1');
    expect(result.occurrences.map((o) => o.kind)).toEqual(['original', 'exact', 'original']);
    expect(result.occurrences[2]).toMatchObject({ text: C, replyTo: 0 });
  });

  it('splits glued paragraphs where a sentence ends without a space', () => {
    const { result, statuses } = dedupLines([
      'Here is a first paragraph, so I struck it.(IE the reasoning was not what I meant.)',
      'Here is a first paragraph, so I struck it.',
      '(IE the reasoning was not what I meant.)Something new follows here.',
    ]);
    expect(result.passages.map((p) => p.text)).toEqual([
      'Here is a first paragraph, so I struck it.',
      '(IE the reasoning was not what I meant.)',
      'Something new follows here.',
    ]);
    expect(compact(statuses)).toBe('o p1 p1');
  });

  it('folds a long run of repeats into one block and leaves quote-replies alone', () => {
    const lines = ['First point here, stated at some length.', 'Second point here, stated at length too.', 'Third point, also long enough to count.', 'Fourth point closes the comment off.'];
    const { result } = dedupLines([...lines, 'A new reply that is all new.', ...lines]);
    expect(result.blocks).toEqual([{ fromPosition: 5, toPosition: 8, fromLine: 6, toLine: 9, sourceFromLine: 1, sourceToLine: 4 }]);
    expect(result.occurrences[4].replyTo).toBeNull();
  });

  it('hides nothing in a thread without repeats, even with common phrases', () => {
    const { statuses } = dedupLines([
      'I think that this is a really important point about alignment research.',
      'I think that this is a really important question, but I disagree with the framing.',
      'On the other hand, I think that the evidence points the other way entirely.',
      'On the other hand, I think that nobody has tried this in practice yet.',
      'Thanks!',
      'Thanks for the reply!',
    ]);
    expect(compact(statuses)).toBe('o o o o o o');
  });

  it('keeps blank lines as blank pieces, never repeats', () => {
    const { result, statuses } = dedupLines([A, '', '   ', A]);
    expect(result.occurrences.map((o) => o.kind)).toEqual(['original', 'blank', 'blank', 'exact']);
    expect(compact(statuses)).toBe('o o o e1');
  });
});
