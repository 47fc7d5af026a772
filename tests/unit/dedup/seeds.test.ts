import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findRepeats } from '@/lib/dedup/find-repeats';
import { lineStatuses } from '@/lib/dedup/line-statuses';
import { rebuildInput } from '@/lib/dedup/rebuild';
import { scoreLabels } from '@/lib/dedup/score-labels';
import type { LineStatus } from '@/lib/dedup/types';
import { decodeInput } from '@/lib/ingest/decode';
import { parseThread } from '@/lib/ingest/parse-thread';
import { quoted } from './helpers';

const SEEDS = path.resolve(import.meta.dirname, '../../../prisma/seed-data');
const GOLD = path.resolve(import.meta.dirname, '../../fixtures/gold');
const seeds = readdirSync(SEEDS)
  .filter((f) => f.endsWith('.txt'))
  .sort();
const seed = (prefix: string) =>
  readFileSync(path.join(SEEDS, seeds.find((f) => f.startsWith(prefix)) as string), 'utf8');
const gold = (file: string): LineStatus[] =>
  JSON.parse(readFileSync(path.join(GOLD, file.replace('.txt', '.json')), 'utf8')).lines;

function dedup(text: string) {
  const thread = parseThread(text, 'text');
  const result = findRepeats(thread.paragraphs);
  return { thread, result, statuses: lineStatuses(result, thread.paragraphs) };
}

describe('the seed threads', () => {
  it.each(seeds)('%s: rebuilds byte for byte, also with CRLF, a BOM and with and without a final newline', (file) => {
    const bytes = readFileSync(path.join(SEEDS, file));
    const text = decodeInput(bytes);
    expect(Buffer.from(rebuildInput(dedup(text).result), 'utf8').equals(bytes)).toBe(true);
    for (const variant of [
      text.replace(/\n/g, '\r\n'),
      `\uFEFF${text}`,
      `${text}\n`,
      `\uFEFF${text.replace(/\n/g, '\r\n')}\r\n`,
    ]) {
      const { result, statuses } = dedup(variant);
      expect(rebuildInput(result)).toBe(variant);
      expect(statuses).toEqual(dedup(text).statuses);
    }
  });

  it.each(seeds)('%s: agrees with the hand-written gold labels', (file) => {
    const { statuses } = dedup(decodeInput(readFileSync(path.join(SEEDS, file))));
    expect(statuses.length).toBe(gold(file).length);
    const score = scoreLabels(statuses, gold(file));
    expect(score.overall.f1).toBeGreaterThanOrEqual(0.98);
    expect(score.partial.recall).toBeGreaterThanOrEqual(0.95);
  });

  it('hides nothing in the threads that have no repeats (000, 004)', () => {
    for (const prefix of ['000', '004']) {
      const { statuses, result } = dedup(seed(prefix));
      expect(statuses.every((s) => s.status === 'original')).toBe(true);
      expect(result.occurrences.every((o) => o.kind === 'original')).toBe(true);
      expect(result.blocks).toEqual([]);
    }
  });

  it('links the quote-reply of 001 (line 23 answers line 11, quoted on line 22)', () => {
    const { result } = dedup(seed('001'));
    const reply = result.occurrences.find((o) => o.line === 23);
    expect(result.passages[reply?.replyTo as number].line).toBe(11);
  });

  it('cuts the glued paragraphs of 002 line 15, and finds lines 74 and 75 repeating them', () => {
    const { result } = dedup(seed('002'));
    const lines = (line: number) => result.occurrences.filter((o) => o.line === line);
    expect(lines(15).map((o) => o.kind)).toEqual(['original', 'original']);
    expect(lines(15)[0].text.endsWith('so I struck it.')).toBe(true);
    expect(lines(74).map((o) => [o.kind, o.source])).toEqual([['exact', lines(15)[0].passage]]);
    expect(lines(75).map((o) => [o.kind, o.source])).toEqual([
      ['exact', lines(15)[1].passage],
      ['exact', lines(16)[0].passage],
    ]);
  });

  it('finds the elided quote of 003 line 24, with both quoted parts of line 9', () => {
    const { result } = dedup(seed('003'));
    const line24 = result.occurrences.find((o) => o.line === 24);
    expect(line24?.kind).toBe('elided');
    expect(quoted(result, line24 as never)).toEqual([
      'Existing methods that directly shape model motivations',
      'most promising approach',
    ]);
  });

  it('folds the whole-thread copies into blocks and keeps the quote-replies around them visible', () => {
    expect(
      dedup(seed('003')).result.blocks.map((b) => [b.fromLine, b.toLine, b.sourceFromLine, b.sourceToLine]),
    ).toEqual([
      [26, 36, 1, 11],
      [39, 48, 12, 25],
    ]);
    expect(dedup(seed('002')).result.blocks.map((b) => [b.fromLine, b.toLine])).toEqual([
      [62, 98],
      [100, 108],
    ]);
  });
});
