/**
 * `npm run bench:dedup`: precision, recall and F1 of the dedup engine on the five seed threads
 * against the hand-written gold labels (tests/fixtures/gold), for exact and for partial repeats
 * and overall, next to an exact-line baseline (a Set over trimmed lines) scored in the same run.
 * A gold repeat line counts as found when the predicted status is the same and — strict — it names
 * the same earlier line (`of`), or — lenient — whatever line it names. Then edited quotes and
 * near-misses on the threads of tests/fixtures/edited, the tuning set and the held-out set apart
 * (see lib/dedup/score-edited.ts). Writes bench/results/dedup.json.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { findRepeats } from '../lib/dedup/find-repeats';
import { lineStatuses } from '../lib/dedup/line-statuses';
import { type LabelScore, scoreLabels } from '../lib/dedup/score-labels';
import type { LineStatus } from '../lib/dedup/types';
import { decodeInput } from '../lib/ingest/decode';
import { parseThread } from '../lib/ingest/parse-thread';
import { scoreEditedSet } from './lib/edited-set';
import { exactLineBaseline } from './lib/exact-line-baseline';

const ROOT = path.resolve(import.meta.dirname, '..');
const SEEDS = path.join(ROOT, 'prisma/seed-data');
const GOLD = path.join(ROOT, 'tests/fixtures/gold');

const round = (n: number) => Math.round(n * 1000) / 1000;
const row = (score: LabelScore) => ({
  exactP: round(score.exact.precision),
  exactR: round(score.exact.recall),
  exactF1: round(score.exact.f1),
  partialP: round(score.partial.precision),
  partialR: round(score.partial.recall),
  partialF1: round(score.partial.f1),
  overallP: round(score.overall.precision),
  overallR: round(score.overall.recall),
  overallF1: round(score.overall.f1),
});

// The seeds are scored as one set: each file's lines moved past the previous file's, so no line of one names a line of another.
const all = { engine: [] as LineStatus[], baseline: [] as LineStatus[], gold: [] as LineStatus[] };
const perSeed: Record<string, { lines: number; goldRepeats: number; engineF1: number; baselineF1: number }> = {};
let offset = 0;
const shift = (lines: LineStatus[]) =>
  lines.map((l) => ({ ...l, line: l.line + offset, ...(l.of ? { of: l.of + offset } : {}) }));

for (const file of readdirSync(SEEDS)
  .filter((f) => f.endsWith('.txt'))
  .sort()) {
  const text = decodeInput(readFileSync(path.join(SEEDS, file)));
  const thread = parseThread(text, 'text');
  const gold: LineStatus[] = JSON.parse(readFileSync(path.join(GOLD, file.replace('.txt', '.json')), 'utf8')).lines;
  const engine = lineStatuses(findRepeats(thread.paragraphs), thread.paragraphs);
  const baseline = exactLineBaseline(text);
  perSeed[file] = {
    lines: gold.length,
    goldRepeats: gold.filter((l) => l.status !== 'original').length,
    engineF1: round(scoreLabels(engine, gold).overall.f1),
    baselineF1: round(scoreLabels(baseline, gold).overall.f1),
  };
  all.engine.push(...shift(engine));
  all.baseline.push(...shift(baseline));
  all.gold.push(...shift(gold));
  offset += gold.length;
}

const editedSets = Object.fromEntries(
  ['tuning', 'held-out'].map((set) => [set, scoreEditedSet(path.join(ROOT, 'tests/fixtures/edited', set))]),
);

const result = {
  generatedAt: new Date().toISOString(),
  lines: all.gold.length,
  goldExact: all.gold.filter((l) => l.status === 'exact').length,
  goldPartial: all.gold.filter((l) => l.status === 'partial').length,
  strict: { engine: row(scoreLabels(all.engine, all.gold)), baseline: row(scoreLabels(all.baseline, all.gold)) },
  lenient: {
    engine: row(scoreLabels(all.engine, all.gold, false)),
    baseline: row(scoreLabels(all.baseline, all.gold, false)),
  },
  perSeed,
  edited: Object.fromEntries(
    Object.entries(editedSets).map(([set, r]) => [
      set,
      {
        threads: r.threads,
        lines: r.lines,
        editedLines: r.editedLines,
        nearMissLines: r.nearMissLines,
        editedP: round(r.edited.edited.precision),
        editedR: round(r.edited.edited.recall),
        editedF1: round(r.edited.edited.f1),
        editedFolds: r.edited.edited.predicted,
        foldedNearMisses: r.edited.foldedNearMisses,
        allLinesF1: round(r.allLines.overall.f1),
        byKind: r.edited.byKind,
        byNearMiss: r.edited.byNearMiss,
      },
    ]),
  ),
};
console.log(
  `Seed threads: ${result.lines} lines; the gold labels hold ${result.goldExact} exact and ${result.goldPartial} partial repeats.`,
);
console.log('Strict (a repeat is found when its status and the earlier line it names both match):');
console.table(result.strict);
console.log('Lenient (status only):');
console.table(result.lenient);
console.log('Overall F1 (strict) per seed:');
console.table(perSeed);
console.log(
  `Targets: overall F1 ≥ 0.98 (got ${result.strict.engine.overallF1}), partial recall ≥ 0.95 (got ${result.strict.engine.partialR}).`,
);
console.log('Edited quotes (strict) and near-misses on the threads of tests/fixtures/edited:');
console.table(
  Object.fromEntries(
    Object.entries(result.edited).map(([set, r]) => [
      set,
      {
        threads: r.threads,
        lines: r.lines,
        edited: r.editedLines,
        P: r.editedP,
        R: r.editedR,
        F1: r.editedF1,
        nearMisses: r.nearMissLines,
        folded: r.foldedNearMisses,
        allLinesF1: r.allLinesF1,
      },
    ]),
  ),
);
for (const [set, r] of Object.entries(result.edited)) {
  console.log(`${set}: per edit kind (gold lines with it, found, edit named) and per near-miss kind (lines, folded):`);
  console.table(r.byKind);
  console.table(r.byNearMiss);
}
const worst = (key: 'editedF1' | 'editedR') => Math.min(...Object.values(result.edited).map((r) => r[key]));
const folded = Object.values(result.edited).reduce((sum, r) => sum + r.foldedNearMisses, 0);
console.log(
  `Targets: edited F1 ≥ 0.97 (got ${worst('editedF1')} at worst), recall ≥ 0.95 (got ${worst('editedR')}), no folded near-misses (got ${folded}).`,
);
writeFileSync(path.join(ROOT, 'bench/results/dedup.json'), `${JSON.stringify(result, null, 2)}\n`);
