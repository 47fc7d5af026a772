/**
 * `npm run bench:ingest`: parse + dedup throughput and peak memory on synthetic corpora of
 * seed-like threads (10, 50 and 100 MB; BENCH_SIZES_MB overrides), built in memory from a seeded
 * generator. A corpus is many threads and each is deduplicated on its own, as ingest does; the
 * exact-line baseline (a Set over trimmed lines) runs on the same corpus in the same run. Each
 * measurement runs in a fresh process, so each peak RSS is its own: `processRssMb` is the warmed-up
 * process before the corpus, `rssGrowthOverInput` what the corpus and the work add per input MB.
 * One thread at the 20 MB upload limit shows that time and memory stay linear inside a thread too.
 * Then persistence of a 10 MB thread set into Postgres (passages per second), as `npm run ingest`
 * stores it. Writes bench/results/ingest.json.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { MAX_INPUT_BYTES } from '../lib/ingest/decode';
import { benchDatabase } from './lib/bench-database';
import { syntheticThreads } from './lib/synthetic-corpus';

const SIZES_MB = (process.env.BENCH_SIZES_MB ?? '10,50,100').split(',').map(Number);
const MB = 1024 * 1024;
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

interface Run {
  inputMb: number;
  threads: number;
  seconds: number;
  /** RSS of the warmed-up process before the corpus exists, with it in memory, and at the peak of the work. */
  processRssMb: number;
  idleRssMb: number;
  peakRssMb: number;
}

/** One measurement in a fresh process (see bench/lib/ingest-run.ts), so each peak RSS is its own. */
function run(kind: 'engine' | 'baseline' | 'single', sizeMb: number): Run {
  const script = path.resolve(import.meta.dirname, 'lib/ingest-run.ts');
  const output = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', script, kind, String(sizeMb)], {
    encoding: 'utf8',
    maxBuffer: MB,
  });
  return JSON.parse(output.trim().split('\n').at(-1) as string);
}

const rows = SIZES_MB.map((size) => {
  const ours = run('engine', size);
  const theirs = run('baseline', size);
  const row = {
    inputMb: round(ours.inputMb),
    threads: ours.threads,
    engineMbPerS: round(ours.inputMb / ours.seconds),
    engineSecondsPerMb: round(ours.seconds / ours.inputMb, 4),
    processRssMb: Math.round(ours.processRssMb),
    enginePeakRssMb: Math.round(ours.peakRssMb),
    peakRssOverInput: round(ours.peakRssMb / ours.inputMb, 2),
    rssGrowthOverInput: round((ours.peakRssMb - ours.processRssMb) / ours.inputMb, 2),
    baselineMbPerS: round(theirs.inputMb / theirs.seconds),
    baselinePeakRssMb: Math.round(theirs.peakRssMb),
  };
  console.log(JSON.stringify(row));
  return row;
});
console.log(
  'Parse + dedup of a corpus of seed-like threads (each thread deduplicated on its own, as ingest does), vs the exact-line baseline:',
);
console.table(rows);
const linearity = rows.map((row) => round(row.engineSecondsPerMb / rows[0].engineSecondsPerMb, 2));
console.log(`Seconds per MB relative to the ${rows[0].inputMb} MB corpus: ${linearity.join(', ')} (1 = linear).`);

// One thread at the upload limit: linear inside a thread too, and what one thread costs in memory.
const one = run('single', (MAX_INPUT_BYTES - MB) / MB);
const singleThread = {
  inputMb: round(one.inputMb),
  engineMbPerS: round(one.inputMb / one.seconds),
  processRssMb: Math.round(one.processRssMb),
  peakRssMb: Math.round(one.peakRssMb),
  rssGrowthOverInput: round((one.peakRssMb - one.processRssMb) / one.inputMb, 2),
};
console.log('One thread at the upload limit:');
console.table([singleThread]);

// Persistence: a 10 MB thread set through the same code as upload and `npm run ingest`.
const database = await benchDatabase('crux_bench_ingest');
let persistence: Record<string, number> = {};
try {
  process.env.DATABASE_URL = database.url;
  const { storeThreads } = await import('../lib/server/threads/ingest-thread');
  const { prepareThread } = await import('../lib/server/threads/prepare-thread');
  const { closeDatabase, db } = await import('../lib/server/db/client');
  const threads = [...syntheticThreads(10 * MB, 11)];
  // As `npm run ingest` does: every file prepared (decode, parse, dedup; measured above), then stored in one transaction.
  const prepared = threads.map((bytes, i) =>
    prepareThread({ bytes, format: 'text', sourceName: `synthetic-${i}.txt` }),
  );
  // Connections warmed first, as in a running server: the one-off cost of opening the Prisma client and
  // its pool is measured and reported apart from the storing itself.
  const warmStarted = performance.now();
  await db.$queryRaw`SELECT 1`;
  const connectSeconds = (performance.now() - warmStarted) / 1000;
  const started = performance.now();
  const outcomes = await storeThreads(prepared);
  const seconds = (performance.now() - started) / 1000;
  const passages = outcomes.reduce((sum, o) => sum + o.passages, 0);
  const occurrences = await db.occurrence.count();
  await closeDatabase();
  persistence = {
    threads: threads.length,
    passages,
    occurrences,
    connectSeconds: round(connectSeconds, 3),
    seconds: round(seconds),
    passagesPerSecond: Math.round(passages / seconds),
    rowsPerSecond: Math.round((passages + occurrences) / seconds),
  };
  console.log('Persistence of a 10 MB thread set (parse + dedup + store, as npm run ingest does):');
  console.table([persistence]);
} finally {
  await database.stop();
}

const targets = { mbPerS: 20, peakRssOverInput: 4, passagesPerSecond: 20_000 };
console.log(
  `Targets: ≥ ${targets.mbPerS} MB/s, linear growth, peak RSS ≤ ${targets.peakRssOverInput}× input, ≥ ${targets.passagesPerSecond} passages/s persisted.`,
);
writeFileSync(
  path.resolve(import.meta.dirname, 'results/ingest.json'),
  `${JSON.stringify({ generatedAt: new Date().toISOString(), sizes: rows, linearity, singleThread, persistence, targets }, null, 2)}\n`,
);
