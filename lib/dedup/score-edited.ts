import type { ClassScore } from './score-labels';
import type { LineStatus, QuoteEditKind } from './types';

/** A gold label: the CLI row, with the edits the writer made to a quote, or the near-miss a line is. */
export interface GoldLine extends LineStatus {
  edited?: QuoteEditKind[];
  nearMiss?: string;
}

export interface EditedScore {
  /**
   * Edited quotes: found = a gold-edited line whose status and `of` the engine gets right;
   * predicted = a line the engine folds with edits undone, right when its status and `of` are.
   */
  edited: ClassScore;
  /** Per edit kind: gold lines with that edit, how many were found, and how many of those had the edit named. */
  byKind: Record<string, { lines: number; found: number; named: number }>;
  /** Near-miss lines (never quotes) and how many of them the engine folded, in all and per kind. */
  nearMisses: number;
  foldedNearMisses: number;
  byNearMiss: Record<string, { lines: number; folded: number }>;
}

const same = (got: LineStatus, expected: LineStatus) => got.status === expected.status && got.of === expected.of;

/** Scores the engine's rows on the edited-quote and near-miss lines of gold labels. */
export function scoreEdited(predicted: LineStatus[], gold: GoldLine[]): EditedScore {
  const byLine = new Map(predicted.map((l) => [l.line, l]));
  const byKind: EditedScore['byKind'] = {};
  const byNearMiss: EditedScore['byNearMiss'] = {};
  let found = 0;
  let expected = 0;
  let predictedEdited = 0;
  let rightEdited = 0;
  let nearMisses = 0;
  let foldedNearMisses = 0;
  for (const label of gold) {
    const got = byLine.get(label.line) ?? { line: label.line, status: 'original' as const };
    if (got.edits && got.status !== 'original') {
      predictedEdited++;
      if (same(got, label)) rightEdited++;
    }
    if (label.edited) {
      expected++;
      const hit = same(got, label);
      if (hit) found++;
      for (const kind of new Set(label.edited)) {
        byKind[kind] ??= { lines: 0, found: 0, named: 0 };
        byKind[kind].lines++;
        if (hit) byKind[kind].found++;
        if (hit && got.edits?.includes(kind)) byKind[kind].named++;
      }
    }
    if (label.nearMiss) {
      const folded = got.status !== 'original';
      nearMisses++;
      if (folded) foldedNearMisses++;
      byNearMiss[label.nearMiss] ??= { lines: 0, folded: 0 };
      byNearMiss[label.nearMiss].lines++;
      if (folded) byNearMiss[label.nearMiss].folded++;
    }
  }
  // Precision is over the engine's edited folds, recall over the gold edited lines: each set has its own true positives.
  const precision = predictedEdited === 0 ? 1 : rightEdited / predictedEdited;
  const recall = expected === 0 ? 1 : found / expected;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const edited = { precision, recall, f1, truePositives: found, predicted: predictedEdited, expected };
  return { edited, byKind, nearMisses, foldedNearMisses, byNearMiss };
}
