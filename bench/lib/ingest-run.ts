/**
 * One measurement of `npm run bench:ingest`, run in a fresh process so its peak RSS is its own:
 * `tsx --expose-gc bench/lib/ingest-run.ts engine|baseline|single SIZE_MB`. Prints one JSON line.
 * engine / baseline: a corpus of SIZE_MB of seed-like threads, each parsed and deduplicated on its
 * own (or split into lines by the exact-line baseline). single: one thread of SIZE_MB.
 */
import { findRepeats } from '../../lib/dedup/find-repeats';
import { decodeInput } from '../../lib/ingest/decode';
import { parseThread } from '../../lib/ingest/parse-thread';
import { exactLineBaseline } from './exact-line-baseline';
import { syntheticThreads } from './synthetic-corpus';

const MB = 1024 * 1024;
const WARM_UP_MB = 10;
const gc = (globalThis as { gc?: () => void }).gc;
const rssMb = () => process.memoryUsage().rss / MB;

const WORK = {
  engine: (bytes: Uint8Array) => findRepeats(parseThread(decodeInput(bytes), 'text').paragraphs),
  baseline: (bytes: Uint8Array) => exactLineBaseline(decodeInput(bytes)),
};

const [kind, size] = [process.argv[2], Number(process.argv[3])];
const work = kind === 'baseline' ? WORK.baseline : WORK.engine;

// The first megabytes run slower while the engine compiles the hot code: warm up first (another corpus).
for (const bytes of syntheticThreads(WARM_UP_MB * MB, 1)) work(bytes);
gc?.();
const processRssMb = rssMb();
const threads =
  kind === 'single' ? [Buffer.concat([...syntheticThreads(size * MB, 5)])] : [...syntheticThreads(size * MB)];
const inputMb = threads.reduce((sum, t) => sum + t.byteLength, 0) / MB;
gc?.();
const idleRssMb = rssMb();
const started = performance.now();
let peakRssMb = idleRssMb;
for (const bytes of threads) {
  work(bytes);
  peakRssMb = Math.max(peakRssMb, rssMb());
}
const seconds = (performance.now() - started) / 1000;
// One big thread gives no chance to sample while it runs: the process high-water mark is its peak.
if (kind === 'single') peakRssMb = Math.max(peakRssMb, process.resourceUsage().maxRSS / 1024);
console.log(JSON.stringify({ kind, inputMb, threads: threads.length, seconds, processRssMb, idleRssMb, peakRssMb }));
