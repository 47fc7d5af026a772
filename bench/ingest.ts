/**
 * `npm run bench:ingest`: parse + dedup throughput and peak memory on a synthetic corpus of
 * seed-like threads (10, 50 and 100 MB; each thread deduplicated on its own, as ingest does), next
 * to the exact-line baseline on the same corpus in the same run; then persistence of a 10 MB
 * thread set into Postgres (passages per second). Writes bench/results/ingest.json.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { findRepeats } from '../lib/dedup/find-repeats';
import { decodeInput } from '../lib/ingest/decode';
import { parseThread } from '../lib/ingest/parse-thread';
import { benchDatabase } from './lib/bench-database';
import { exactLineBaseline } from './lib/exact-line-baseline';
import { syntheticThreads } from './lib/synthetic-corpus';

const SIZES_MB = (process.env.BENCH_SIZES_MB ?? '10,50,100').split(',').map(Number);
const MB = 1024 * 1024;
const gc = (globalThis as { gc?: () => void }).gc;

function measure(threads: Buffer[], work: (bytes: Buffer) => void) {
  gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const started = performance.now();
  for (const bytes of threads) {
    work(bytes);
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  const seconds = (performance.now() - started) / 1000;
  return { seconds, peakRssMb: Math.round(peak / MB), rssGrowthMb: Math.round((peak - before) / MB) };
}

const rows = [];
for (const size of SIZES_MB) {
  const threads = [...syntheticThreads(size * MB)];
  const bytes = threads.reduce((sum, t) => sum + t.byteLength, 0);
  const engine = measure(threads, (b) => {
    const text = decodeInput(b);
    findRepeats(parseThread(text, 'text').paragraphs);
  });
  const baseline = measure(threads, (b) => {
    exactLineBaseline(decodeInput(b));
  });
  const mb = bytes / MB;
  const row = {
    inputMb: Math.round(mb * 10) / 10,
    threads: threads.length,
    engineMbPerS: Math.round((mb / engine.seconds) * 10) / 10,
    enginePeakRssMb: engine.peakRssMb,
    peakRssOverInput: Math.round((engine.peakRssMb / mb) * 100) / 100,
    baselineMbPerS: Math.round((mb / baseline.seconds) * 10) / 10,
    baselinePeakRssMb: baseline.peakRssMb,
  };
  rows.push(row);
  console.log(JSON.stringify(row));
}
console.table(rows);

// Persistence: a 10 MB thread set through the same code as upload and `npm run ingest`.
const database = await benchDatabase('crux_bench_ingest');
let persistence: Record<string, number> = {};
try {
  process.env.DATABASE_URL = database.url;
  const { storeThreads } = await import('../lib/server/threads/ingest-thread');
  const { prepareThread } = await import('../lib/server/threads/prepare-thread');
  const { db } = await import('../lib/server/db/client');
  const threads = [...syntheticThreads(10 * MB, 11)];
  // As `npm run ingest` does: every file prepared (decode, parse, dedup; measured above), then stored in one transaction.
  const prepared = threads.map((bytes, i) => prepareThread({ bytes, format: 'text', sourceName: `synthetic-${i}.txt` }));
  const started = performance.now();
  const outcomes = await storeThreads(prepared);
  const seconds = (performance.now() - started) / 1000;
  const passages = outcomes.reduce((sum, o) => sum + o.passages, 0);
  let occurrences = 0;
  occurrences = await db.occurrence.count();
  await db.$disconnect();
  persistence = { threads: threads.length, passages, occurrences, seconds: Math.round(seconds * 10) / 10, passagesPerSecond: Math.round(passages / seconds), rowsPerSecond: Math.round((passages + occurrences) / seconds) };
  console.log('Persistence of a 10 MB thread set (parse + dedup + store, as npm run ingest does):');
  console.table([persistence]);
} finally {
  await database.stop();
}

const targets = { mbPerS: 20, peakRssOverInput: 4, passagesPerSecond: 20_000 };
console.log(`Targets: ≥ ${targets.mbPerS} MB/s, peak RSS ≤ ${targets.peakRssOverInput}× input, ≥ ${targets.passagesPerSecond} passages/s persisted.`);
writeFileSync(
  path.resolve(import.meta.dirname, 'results/ingest.json'),
  `${JSON.stringify({ generatedAt: new Date().toISOString(), sizes: rows, persistence, targets }, null, 2)}\n`,
);
