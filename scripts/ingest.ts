/**
 * `npm run ingest -- FILE… [--format text|markdown|lesswrong-json] [--title T] [--slug S]`:
 * ingests threads into the database (DATABASE_URL, else the embedded one). Bad input: a message
 * naming the problem and where, exit code 2, nothing written.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { IngestError } from '../lib/ingest/errors';
import { THREAD_FORMATS, type ThreadFormat } from '../lib/ingest/types';
import { withDatabase } from './db/with-database';
import { progressBar } from './lib/progress';

const USAGE = 'Usage: npm run ingest -- FILE… [--format text|markdown|lesswrong-json] [--title TITLE] [--slug SLUG]';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    format: { type: 'string' },
    title: { type: 'string' },
    slug: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help || positionals.length === 0) {
  console.log(USAGE);
  process.exit(values.help ? 0 : 2);
}
if (values.format && !THREAD_FORMATS.includes(values.format as ThreadFormat)) {
  console.error(`Unknown format "${values.format}"; use one of ${THREAD_FORMATS.join(', ')}.`);
  process.exit(2);
}
if ((values.title || values.slug) && positionals.length > 1) {
  console.error('--title and --slug name one thread; give one FILE with them.');
  process.exit(2);
}

/** Threads are written in batches of about this many bytes: one transaction each, all or nothing. */
const BATCH_BYTES = 16 * 1024 * 1024;

let failed = false;
await withDatabase(async (url) => {
  process.env.DATABASE_URL = url;
  const { applyMigrations } = await import('../lib/server/db/migrations');
  await applyMigrations(url);
  const { storeThreads } = await import('../lib/server/threads/ingest-thread');
  const { prepareThread } = await import('../lib/server/threads/prepare-thread');
  const sizes = await Promise.all(
    positionals.map((file) =>
      stat(file).then(
        (s) => s.size,
        () => 0,
      ),
    ),
  );
  const bar = progressBar(
    sizes.reduce((a, b) => a + b, 0),
    'ingest',
  );
  let batch: { file: string; prepared: ReturnType<typeof prepareThread> }[] = [];
  let batchBytes = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const outcomes = await storeThreads(batch.map((b) => b.prepared));
    for (const [i, outcome] of outcomes.entries()) {
      const moved = outcome.reanchored
        ? `; claims re-anchored ${outcome.reanchored.anchored}, orphaned ${outcome.reanchored.orphaned}`
        : '';
      bar.log(
        `${outcome.created ? '✓ added' : '= unchanged'} ${batch[i].file} → /threads/${outcome.slug} (revision ${outcome.revision}: ${outcome.lines} lines, ${outcome.passages} passages, ${outcome.repeats} repeats${moved})`,
      );
    }
    batch = [];
    batchBytes = 0;
  };
  for (const [index, file] of positionals.entries()) {
    try {
      const bytes = await readFile(file);
      const prepared = prepareThread({
        bytes,
        format: values.format as ThreadFormat | undefined,
        title: values.title,
        slug: values.slug,
        sourceName: path.basename(file),
      });
      batch.push({ file, prepared });
      batchBytes += bytes.byteLength;
    } catch (error) {
      failed = true;
      if (error instanceof IngestError || (error as NodeJS.ErrnoException).code === 'ENOENT')
        bar.log(`✖ ${file}: ${(error as Error).message}`);
      else throw error;
    }
    bar.advance(sizes[index]);
    if (batchBytes >= BATCH_BYTES) await flush();
  }
  await flush();
  bar.done();
  const { closeDatabase } = await import('../lib/server/db/client');
  await closeDatabase();
});
process.exit(failed ? 2 : 0);
