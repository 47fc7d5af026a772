/**
 * `npm run bench:dedup`: precision, recall and F1 of the dedup engine on the five seed threads
 * against the hand-written gold labels (tests/fixtures/gold), for exact and for partial repeats,
 * next to an exact-line baseline (a Set over trimmed lines) scored in the same run.
 * Writes bench/results/dedup.json.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { findRepeats } from '../lib/dedup/find-repeats';
import { lineStatuses } from '../lib/dedup/line-statuses';
import { type LabelScore, scoreLabels } from '../lib/dedup/score-labels';
import type { LineStatus } from '../lib/dedup/types';
import { decodeInput } from '../lib/ingest/decode';
import { parseThread } from '../lib/ingest/parse-thread';
import { exactLineBaseline } from './lib/exact-line-baseline';

const ROOT = path.resolve(import.meta.dirname, '..');
const SEEDS = path.join(ROOT, 'prisma/seed-data');
const GOLD = path.join(ROOT, 'tests/fixtures/gold');

const predictedAll: LineStatus[] = [];
const baselineAll: LineStatus[] = [];
const goldAll: LineStatus[] = [];
let offset = 0;
const shift = (lines: LineStatus[]) => lines.map((l) => ({ ...l, line: l.line + offset, ...(l.of ? { of: l.of + offset } : {}) }));

for (const file of readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort()) {
  const text = decodeInput(readFileSync(path.join(SEEDS, file)));
  const thread = parseThread(text, 'text');
  const gold: LineStatus[] = JSON.parse(readFileSync(path.join(GOLD, file.replace('.txt', '.json')), 'utf8')).lines;
  predictedAll.push(...shift(lineStatuses(findRepeats(thread.paragraphs), thread.paragraphs)));
  baselineAll.push(...shift(exactLineBaseline(text)));
  goldAll.push(...shift(gold));
  offset += 10_000;
}

const round = (n: number) => Math.round(n * 1000) / 1000;
const row = (score: LabelScore) => ({
  exactP: round(score.exact.precision),
  exactR: round(score.exact.recall),
  exactF1: round(score.exact.f1),
  partialP: round(score.partial.precision),
  partialR: round(score.partial.recall),
  partialF1: round(score.partial.f1),
  overallF1: round(score.overall.f1),
});
const result = {
  generatedAt: new Date().toISOString(),
  lines: goldAll.length,
  goldRepeats: goldAll.filter((l) => l.status !== 'original').length,
  strict: { engine: row(scoreLabels(predictedAll, goldAll)), baseline: row(scoreLabels(baselineAll, goldAll)) },
  lenient: { engine: row(scoreLabels(predictedAll, goldAll, false)), baseline: row(scoreLabels(baselineAll, goldAll, false)) },
};
console.log(`Seed threads: ${result.lines} lines, ${result.goldRepeats} repeats in the gold labels.`);
console.log('Strict (status and the line it repeats must both match):');
console.table(result.strict);
console.log('Lenient (status only):');
console.table(result.lenient);
console.log(`Targets: overall F1 ≥ 0.98 (got ${result.strict.engine.overallF1}), partial recall ≥ 0.95 (got ${result.strict.engine.partialR}).`);
writeFileSync(path.join(ROOT, 'bench/results/dedup.json'), `${JSON.stringify(result, null, 2)}\n`);
