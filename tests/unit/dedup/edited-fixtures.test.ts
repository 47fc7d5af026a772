import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findRepeats } from '@/lib/dedup/find-repeats';
import { lineStatuses } from '@/lib/dedup/line-statuses';
import { rebuildInput } from '@/lib/dedup/rebuild';
import { type GoldLine, scoreEdited } from '@/lib/dedup/score-edited';
import { scoreLabels } from '@/lib/dedup/score-labels';
import { parseThread } from '@/lib/ingest/parse-thread';

const ROOT = path.resolve(import.meta.dirname, '../../fixtures/edited');
const threads = ['tuning', 'held-out'].flatMap((set) =>
  readdirSync(path.join(ROOT, set))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => `${set}/${file}`),
);

function dedup(file: string) {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  const thread = parseThread(text, 'text');
  const result = findRepeats(thread.paragraphs);
  const gold: GoldLine[] = JSON.parse(readFileSync(path.join(ROOT, file.replace('.txt', '.json')), 'utf8')).lines;
  return { text, result, statuses: lineStatuses(result, thread.paragraphs), gold };
}

describe('the edited-quote gold threads', () => {
  it.each(threads)('%s: rebuilds byte for byte and agrees with its gold labels', (file) => {
    const { text, result, statuses, gold } = dedup(file);
    expect(rebuildInput(result)).toBe(text);
    expect(statuses.length).toBe(gold.length);
    expect(scoreLabels(statuses, gold).overall.f1).toBeGreaterThanOrEqual(0.97);
    const score = scoreEdited(statuses, gold);
    expect(score.edited.recall).toBeGreaterThanOrEqual(0.95);
    expect(score.edited.precision).toBeGreaterThanOrEqual(0.95);
    expect(score.foldedNearMisses).toBe(0);
    // The reader's chip names the edits undone ("quotes ¶3 · 2 edits"): each kind in the gold is named.
    for (const [kind, { found, named }] of Object.entries(score.byKind)) expect(named, kind).toBe(found);
  });
});

describe('scoreEdited', () => {
  it('counts found gold edits, right edited folds and folded near-misses', () => {
    const score = scoreEdited(
      [
        { line: 1, status: 'original' },
        { line: 2, status: 'partial', of: 1, edits: ['typo'] },
        { line: 3, status: 'partial', of: 2, edits: ['case'] },
        { line: 4, status: 'partial', of: 1 },
        { line: 5, status: 'original' },
      ],
      [
        { line: 1, status: 'original' },
        { line: 2, status: 'partial', of: 1, edited: ['typo', 'sic'] },
        { line: 3, status: 'original', nearMiss: 'same-opening' },
        { line: 4, status: 'partial', of: 1, edited: ['substitution'] },
        { line: 5, status: 'partial', of: 1, edited: ['typo'] },
      ],
    );
    expect(score.edited).toMatchObject({ precision: 0.5, recall: 2 / 3, predicted: 2, expected: 3 });
    expect(score.byKind.typo).toEqual({ lines: 2, found: 1, named: 1 });
    expect(score.byKind.sic).toEqual({ lines: 1, found: 1, named: 0 });
    expect(score).toMatchObject({
      nearMisses: 1,
      foldedNearMisses: 1,
      byNearMiss: { 'same-opening': { lines: 1, folded: 1 } },
    });
  });
});
