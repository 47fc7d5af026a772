import { describe, expect, it } from 'vitest';
import { compact, dedupLines, pieces, quoted } from './helpers';

const A = 'Outer alignment is mostly about specification gaming, and that is a real problem in practice.';
const B =
  'Inner alignment is about goal misgeneralization. It shows up when training and deployment differ. That is why I worry about it.';
const C = 'I think both matter, but the second one worries me more.';
const SECOND = 'It shows up when training and deployment differ.';

describe('findRepeats: exact repeats', () => {
  it('marks a whole line equal to an earlier one, however short, with the line it repeats', () => {
    const { statuses } = dedupLines([
      'My picture is, roughly:',
      A,
      'My picture is, roughly:',
      A,
      'EDIT: I see you added',
      'EDIT: I see you added',
    ]);
    expect(compact(statuses)).toBe('o o e1 e2 o e5');
  });

  it('matches through curly quotes, case, white space, footnote markers and edge punctuation', () => {
    const { statuses } = dedupLines([
      'It’s “hard” to   write spam.[1] Really hard indeed, believe me.',
      'its "HARD" to write spam. really hard indeed, believe me',
      '> It’s “hard” to write spam. Really hard indeed, believe me.',
    ]);
    expect(compact(statuses)).toBe('o e1 e1');
  });

  it('treats a line of only a footnote marker or punctuation as text, not as blank', () => {
    const { result, statuses } = dedupLines(['[1]', A, '[1]', '---', '---', '“”']);
    expect(result.occurrences.map((o) => o.kind)).toEqual([
      'original',
      'original',
      'exact',
      'original',
      'exact',
      'original',
    ]);
    expect(compact(statuses)).toBe('o o e1 o e4 o');
  });

  it('keeps blank lines as blank pieces, never repeats', () => {
    const { result, statuses } = dedupLines([A, '', '   ', A]);
    expect(result.occurrences.map((o) => o.kind)).toEqual(['original', 'blank', 'blank', 'exact']);
    expect(compact(statuses)).toBe('o o o e1');
  });
});

describe('findRepeats: partial quotes', () => {
  it('finds a quoted sentence of an earlier paragraph, with its span, and links the reply after it', () => {
    const { statuses, result } = dedupLines([B, SECOND, C]);
    expect(compact(statuses)).toBe('o p1 o');
    expect(result.occurrences[1]).toMatchObject({ kind: 'partial', source: 0, passage: null });
    expect(quoted(result, result.occurrences[1])).toEqual([SECOND]);
    expect(result.occurrences[2].replyTo).toBe(0);
  });

  it('finds a fragment of twenty characters or more, even when the quoter ends it with a full stop', () => {
    const { statuses, result } = dedupLines([A, 'specification gaming, and that is a real problem.']);
    expect(compact(statuses)).toBe('o p1');
    expect(quoted(result, result.occurrences[1])).toEqual(['specification gaming, and that is a real problem']);
  });

  it('does not take stock phrases for quotes unless the whole line repeats', () => {
    const { statuses } = dedupLines([
      'Thanks for the reply! I will think about the reward model more carefully.',
      'Thanks for the reply!',
      "I don't think that's right. The reward model is learned from data.",
      "I don't think that's right. Gradient descent does not care about goals.",
      'Thanks for the reply!',
    ]);
    expect(compact(statuses)).toBe('o o o o e2');
  });

  it('leaves a phrase quoted inside the writer’s own sentence as prose', () => {
    const first =
      'The proposal design process failed. Multiple loops incentivize more agentic and context-aware behavior and not actual alignment.';
    const reply =
      'I currently don’t understand what you mean by “multiple loops incentivize more agentic and context-aware behavior and not actual alignment.” One guess: it gets smarter.';
    expect(compact(dedupLines([first, reply]).statuses)).toBe('o o');
  });
});

describe('findRepeats: elided quotes', () => {
  it.each(['....', '…', ' [...] ', ' […] ', '...'])('finds "start%send" with a span for each part', (mark) => {
    const { statuses, result } = dedupLines([
      B,
      `“Inner alignment is about goal misgeneralization${mark}That is why I worry about it.”`,
    ]);
    expect(compact(statuses)).toBe('o p1');
    expect(result.occurrences[1].kind).toBe('elided');
    expect(quoted(result, result.occurrences[1])).toEqual([
      'Inner alignment is about goal misgeneralization',
      'That is why I worry about it',
    ]);
  });

  it('finds an elided quote with short parts when it is the whole line', () => {
    const { result } = dedupLines([B, '“Inner alignment is....why I worry about it.”']);
    expect(result.occurrences[1].kind).toBe('elided');
    expect(quoted(result, result.occurrences[1])).toEqual(['Inner alignment is', 'why I worry about it']);
  });

  it('finds an elided quote whose longest part is long in characters but only two words', () => {
    const source = 'Mesa models need not arise — possibility realized — in practice.';
    const { result } = dedupLines([source, '“Mesa models need....— possibility realized —.”']);
    expect(result.occurrences[1].kind).toBe('elided');
  });

  it('splits an elided quote from the reply that follows it on the same line', () => {
    const { result } = dedupLines([
      B,
      '“Inner alignment is about goal misgeneralization....why I worry about it.” I am not convinced by that at all.',
    ]);
    expect(pieces(result).slice(1)).toEqual([
      ['elided', '“Inner alignment is about goal misgeneralization....why I worry about it.”'],
      ['original', 'I am not convinced by that at all.'],
    ]);
    expect(result.occurrences[2].replyTo).toBe(0);
  });
});

describe('findRepeats: lines holding a quote and new text', () => {
  it('splits a line that quotes an earlier paragraph and then answers it', () => {
    const { statuses, result } = dedupLines([A, `${A} ${C}`]);
    expect(compact(statuses)).toBe('o p1');
    expect(pieces(result).slice(1)).toEqual([
      ['exact', A],
      ['original', C],
    ]);
    expect(result.occurrences[2]).toMatchObject({ replyTo: 0 });
  });

  it('keeps quotation marks and markers with the quote', () => {
    const { result } = dedupLines([B, `“${SECOND}” Why would that be?`, `> ${A}`, A]);
    expect(pieces(result).slice(1, 3)).toEqual([
      ['partial', `“${SECOND}”`],
      ['original', 'Why would that be?'],
    ]);
    expect(result.occurrences[3]).toMatchObject({ kind: 'original', text: `> ${A}` });
  });

  it('finds a quote after the writer’s lead-in and one between new sentences', () => {
    expect(pieces(dedupLines([B, `I am not convinced, because as you said: ${SECOND}`]).result).slice(1)).toEqual([
      ['original', 'I am not convinced, because as you said:'],
      ['partial', SECOND],
    ]);
    expect(
      pieces(dedupLines([B, `Let me push back here. ${SECOND} That is not obviously true.`]).result).slice(1),
    ).toEqual([
      ['original', 'Let me push back here.'],
      ['partial', SECOND],
      ['original', 'That is not obviously true.'],
    ]);
  });

  it('finds quotes of two different passages on one line', () => {
    const { result } = dedupLines([A, B, `${A} ${SECOND} ${C}`]);
    expect(result.occurrences.slice(2).map((o) => [o.kind, o.source])).toEqual([
      ['exact', 0],
      ['partial', 1],
      ['original', null],
    ]);
  });
});

describe('findRepeats: glued paragraphs', () => {
  it('splits paragraphs glued where a sentence ends without a space', () => {
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

  it('splits a quote glued letter to letter to its reply', () => {
    const { result } = dedupLines([
      'You won’t solve alignment without agent foundations',
      'You won’t solve alignment without agent foundationsI disagree with this claim.',
    ]);
    expect(pieces(result).slice(1)).toEqual([
      ['exact', 'You won’t solve alignment without agent foundations'],
      ['original', 'I disagree with this claim.'],
    ]);
  });

  it('cuts a repeated line exactly as it cut the line it repeats', () => {
    const line = `${A}Something new that was glued on.`;
    const { result, statuses } = dedupLines([A, line, line]);
    expect(result.occurrences.slice(3).map((o) => [o.kind, o.text])).toEqual([
      ['exact', A],
      ['exact', 'Something new that was glued on.'],
    ]);
    expect(compact(statuses)).toBe('o p1 e2');
  });
});

describe('findRepeats: whole-thread copies', () => {
  const lines = [
    'First point here, stated at some length.',
    'Second point here, stated at length too.',
    'Third point, also long enough to count.',
    'Fourth point closes the comment off.',
  ];

  it('folds a long run of repeats into one block, with no reply links inside it', () => {
    const { result } = dedupLines([
      ...lines,
      'A new reply that is all new.',
      ...lines,
      'And a new reply after the copy.',
    ]);
    expect(result.blocks).toEqual([
      { fromPosition: 5, toPosition: 8, fromLine: 6, toLine: 9, sourceFromLine: 1, sourceToLine: 4 },
    ]);
    expect(result.occurrences.map((o) => o.replyTo).filter((r) => r !== null)).toEqual([]);
  });

  it('leaves short runs and runs out of order as single repeats', () => {
    expect(
      dedupLines([...lines, lines[0], lines[1], 'new text here, quite new.', lines[3], lines[2], lines[1]]).result
        .blocks,
    ).toEqual([]);
  });
});
