/**
 * `npm run --silent dedup -- FILE [--format text|markdown|lesswrong-json]`: prints one JSON object
 * with every input line once and its status:
 * {"lines":[{"line":1,"status":"original"},{"line":5,"status":"exact","of":2},…]}; an edited quote's line
 * also names the edits undone: {"line":7,"status":"partial","of":3,"edits":["substitution","typo"]}.
 * Bad input or bad arguments: a message on stderr saying what is wrong and where, exit code 2.
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

const USAGE = `Usage: npm run --silent dedup -- FILE [--format ${THREAD_FORMATS.join('|')}]

Finds the repeated lines of a thread and prints one JSON object on stdout:
  {"lines":[{"line":1,"status":"original"},{"line":5,"status":"exact","of":2},...]}
Every input line appears once. status: "original" (new text, blank lines too), "exact" (the whole
line repeats line \`of\`), "partial" (the line quotes part of line \`of\`, or quotes it and adds new text).
A quote that matches only once the writer's edits are undone ("[the model]", "…", a typo, *emphasis*)
is "partial" too, with "edits": the kinds of the edits undone, one per edit.
Without --format the format is guessed from the file name and content.
Bad input: a message on stderr and exit code 2.`;

/** The parsed command line, or null (after saying why) when it cannot be parsed. */
function readArguments() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: { format: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return null;
  }
}

/** Reads the arguments and the file, prints the statuses; returns the process exit code. */
function main(): number {
  const parsed = readArguments();
  if (!parsed) return 2;
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length !== 1) {
    console.error(`${positionals.length === 0 ? 'No file given.' : 'Give exactly one file.'}\n\n${USAGE}`);
    return 2;
  }
  const format = values.format;
  if (format !== undefined && !THREAD_FORMATS.includes(format as ThreadFormat)) {
    console.error(`Unknown format "${format}"; use one of ${THREAD_FORMATS.join(', ')}.`);
    return 2;
  }
  const [file] = positionals;
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (error as Error).message;
    console.error(`Cannot read ${file}: ${why}.`);
    return 2;
  }
  try {
    const text = decodeInput(bytes);
    const thread = parseThread(text, (format as ThreadFormat | undefined) ?? detectFormat(text, file));
    const lines = lineStatuses(findRepeats(thread.paragraphs), thread.paragraphs);
    process.stdout.write(`${JSON.stringify({ lines })}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof IngestError)) throw error;
    console.error(`${file}: ${error.message}`);
    return 2;
  }
}

process.exitCode = main();
