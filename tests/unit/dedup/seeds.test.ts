import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findRepeats } from '@/lib/dedup/find-repeats';
import { lineStatuses } from '@/lib/dedup/line-statuses';
import { rebuildInput } from '@/lib/dedup/rebuild';
import { scoreLabels } from '@/lib/dedup/score-labels';
import { decodeInput } from '@/lib/ingest/decode';
import { parseThread } from '@/lib/ingest/parse-thread';

const SEEDS = path.resolve(import.meta.dirname, '../../../prisma/seed-data');
const GOLD = path.resolve(import.meta.dirname, '../../fixtures/gold');
const seeds = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();

function dedup(text: string) {
  const thread = parseThread(text, 'text');
  const result = findRepeats(thread.paragraphs);
  return { thread, result, statuses: lineStatuses(result, thread.paragraphs) };
}

describe('the seed threads', () => {
  it.each(seeds)('%s: rebuilds byte for byte, also with CRLF, a BOM and no final newline', (file) => {
    const bytes = readFileSync(path.join(SEEDS, file));
    const text = decodeInput(bytes);
    for (const variant of [text, text.replace(/\n/g, '\r\n'), `\uFEFF${text}`, text.replace(/\n$/, '')]) {
      const { result } = dedup(variant);
      expect(rebuildInput(result.occurrences)).toBe(variant);
    }
    expect(Buffer.from(rebuildInput(dedup(text).result.occurrences), 'utf8').equals(bytes)).toBe(true);
  });

  it.each(seeds)('%s: labels agree with the hand-written gold labels', (file) => {
    const { statuses } = dedup(decodeInput(readFileSync(path.join(SEEDS, file))));
    const gold = JSON.parse(readFileSync(path.join(GOLD, file.replace('.txt', '.json')), 'utf8')).lines;
    const score = scoreLabels(statuses, gold);
    expect(score.overall.f1).toBeGreaterThanOrEqual(0.98);
    expect(score.partial.recall).toBeGreaterThanOrEqual(0.95);
  });

  it('hides nothing in the threads that have no repeats (000, 004)', () => {
    for (const file of seeds.filter((f) => f.startsWith('000') || f.startsWith('004'))) {
      const { statuses, result } = dedup(readFileSync(path.join(SEEDS, file), 'utf8'));
      expect(statuses.every((s) => s.status === 'original')).toBe(true);
      expect(result.occurrences.every((o) => o.kind === 'original' || o.kind === 'blank')).toBe(true);
      expect(result.blocks).toEqual([]);
    }
  });

  it('folds the whole-thread copies into blocks and keeps the known quote-replies as chips', () => {
    const { result } = dedup(readFileSync(path.join(SEEDS, seeds.find((f) => f.startsWith('003'))!), 'utf8'));
    expect(result.blocks.map((b) => [b.fromLine, b.toLine])).toEqual([
      [26, 36],
      [39, 48],
    ]);
    const line24 = result.occurrences.find((o) => o.line === 24)!;
    expect(line24.kind).toBe('elided');
  });
});
