/**
 * `npm run --silent dedup -- FILE [--format text|markdown|lesswrong-json]`: prints, for a
 * line-based file, every input line once with its status:
 * {"lines":[{"line":1,"status":"original"},{"line":5,"status":"exact","of":2},…]}
 * Bad input: a message on stderr naming the problem and where, exit code 2.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { findRepeats } from '../lib/dedup/find-repeats';
import { lineStatuses } from '../lib/dedup/line-statuses';
import { decodeInput } from '../lib/ingest/decode';
import { detectFormat } from '../lib/ingest/detect-format';
import { IngestError } from '../lib/ingest/errors';
import { parseThread } from '../lib/ingest/parse-thread';
import { THREAD_FORMATS, type ThreadFormat } from '../lib/ingest/types';

const USAGE = 'Usage: npm run --silent dedup -- FILE [--format text|markdown|lesswrong-json]';

function main(): number {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ allowPositionals: true, options: { format: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length !== 1) {
    console.error(USAGE);
    return 2;
  }
  const format = values.format as string | undefined;
  if (format && !THREAD_FORMATS.includes(format as ThreadFormat)) {
    console.error(`Unknown format "${format}"; use one of ${THREAD_FORMATS.join(', ')}.`);
    return 2;
  }
  const [file] = positionals as string[];
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    console.error(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}.`);
    return 2;
  }
  try {
    const text = decodeInput(bytes);
    const thread = parseThread(text, (format as ThreadFormat | undefined) ?? detectFormat(text, file));
    const lines = lineStatuses(findRepeats(thread.paragraphs), thread.paragraphs);
    process.stdout.write(`${JSON.stringify({ lines })}\n`);
    return 0;
  } catch (error) {
    if (error instanceof IngestError) {
      console.error(`${file}: ${error.message}`);
      return 2;
    }
    throw error;
  }
}

process.exitCode = main();
