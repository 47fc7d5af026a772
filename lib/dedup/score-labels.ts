import type { LineStatus } from './types';

export interface ClassScore {
  precision: number;
  recall: number;
  f1: number;
  truePositives: number;
  predicted: number;
  expected: number;
}

export interface LabelScore {
  exact: ClassScore;
  partial: ClassScore;
  overall: ClassScore;
}

function score(truePositives: number, predicted: number, expected: number): ClassScore {
  const precision = predicted === 0 ? (expected === 0 ? 1 : 0) : truePositives / predicted;
  const recall = expected === 0 ? 1 : truePositives / expected;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, truePositives, predicted, expected };
}

/**
 * Precision, recall and F1 of repeat labels against gold labels. A line counts as found when its
 * status matches and — when `strict` — it names the same earlier line (`of`).
 */
export function scoreLabels(predicted: LineStatus[], gold: LineStatus[], strict = true): LabelScore {
  const byLine = new Map(predicted.map((l) => [l.line, l]));
  const tally = { exact: [0, 0, 0], partial: [0, 0, 0], overall: [0, 0, 0] };
  for (const expected of gold) {
    const got = byLine.get(expected.line) ?? { line: expected.line, status: 'original' as const };
    const hit = got.status === expected.status && (!strict || got.of === expected.of);
    for (const kind of ['exact', 'partial'] as const) {
      if (got.status === kind) tally[kind][1]++;
      if (expected.status === kind) tally[kind][2]++;
      if (hit && expected.status === kind) tally[kind][0]++;
    }
    if (got.status !== 'original') tally.overall[1]++;
    if (expected.status !== 'original') tally.overall[2]++;
    if (hit && expected.status !== 'original') tally.overall[0]++;
  }
  return {
    exact: score(...(tally.exact as [number, number, number])),
    partial: score(...(tally.partial as [number, number, number])),
    overall: score(...(tally.overall as [number, number, number])),
  };
}
