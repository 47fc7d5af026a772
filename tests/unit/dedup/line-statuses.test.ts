import { describe, expect, it } from 'vitest';
import { findRepeats } from '@/lib/dedup/find-repeats';
import { lineStatuses } from '@/lib/dedup/line-statuses';
import { scoreLabels } from '@/lib/dedup/score-labels';
import { parseThread } from '@/lib/ingest/parse-thread';
import { compact } from './helpers';

const statuses = (text: string, format: 'text' | 'markdown' = 'text') => {
  const thread = parseThread(text, format);
  return lineStatuses(findRepeats(thread.paragraphs), thread.paragraphs);
};

const A = 'Outer alignment is mostly about specification gaming, and that is a real problem in practice.';
const B = 'Inner alignment is about goal misgeneralization. It shows up when training and deployment differ.';

describe('lineStatuses', () => {
  it('gives every input line exactly once, whatever the line endings', () => {
    for (const text of [`${A}\n\n${A}\n`, `${A}\r\n\r\n${A}`, `${A}\r\rA\r`]) {
      const lines = statuses(text);
      expect(lines.map((l) => l.line)).toEqual([1, 2, 3]);
    }
  });

  it('names the first line an exact repeat repeats, and the line a partial quote comes from', () => {
    expect(compact(statuses([A, B, A, A, 'It shows up when training and deployment differ.'].join('\n')))).toBe(
      'o o e1 e1 p2',
    );
  });

  it('calls a line partial when it holds a quote and new text, and when it repeats one of two glued paragraphs', () => {
    expect(
      compact(
        statuses(
          [A, `${A} And here is my reply to that.`, `${A}Something glued on.`, 'Something glued on.'].join('\n'),
        ),
      ),
    ).toBe('o p1 p1 p3');
  });

  it('does not call a line that repeats itself a repeat of another line', () => {
    const sentence = 'Gradient descent does not care about what we meant by the reward.';
    expect(compact(statuses(`${sentence} ${sentence}\n${A}`))).toBe('o o');
  });

  it('gives Markdown continuation and blank lines a line of their own, as original', () => {
    const lines = statuses(`${A}\n\n> ${A}\n> second line of the quote\n\nMy reply.\n`, 'markdown');
    expect(compact(lines)).toBe('o o p1 o o o');
  });
});

describe('scoreLabels', () => {
  const gold = [
    { line: 1, status: 'original' as const },
    { line: 2, status: 'exact' as const, of: 1 },
    { line: 3, status: 'partial' as const, of: 1 },
  ];

  it('counts a line found when its status matches, and, when strict, the line it repeats too', () => {
    const predicted = [
      { line: 1, status: 'original' as const },
      { line: 2, status: 'exact' as const, of: 1 },
      { line: 3, status: 'partial' as const, of: 2 },
    ];
    expect(scoreLabels(predicted, gold).partial).toMatchObject({ precision: 0, recall: 0 });
    expect(scoreLabels(predicted, gold, false).partial).toMatchObject({ precision: 1, recall: 1 });
    expect(scoreLabels(predicted, gold).overall).toMatchObject({ truePositives: 1, predicted: 2, expected: 2 });
  });
});
