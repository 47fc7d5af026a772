import { createHash } from 'node:crypto';
import { findRepeats } from '@/lib/dedup/find-repeats';
import type { DedupResult } from '@/lib/dedup/types';
import { decodeInput } from '@/lib/ingest/decode';
import { detectFormat } from '@/lib/ingest/detect-format';
import { parseThread } from '@/lib/ingest/parse-thread';
import type { ParsedThread, ThreadFormat } from '@/lib/ingest/types';
import { titleFromText } from './slug';

export interface IngestInput {
  bytes: Uint8Array;
  format?: ThreadFormat;
  title?: string;
  /** The thread this is a new version of; otherwise the one with the same source name, else a new thread. */
  slug?: string;
  sourceName?: string;
  createdById?: string;
}

export interface PreparedThread {
  input: IngestInput;
  contentHash: string;
  title: string;
  parsed: ParsedThread;
  dedup: DedupResult;
}

export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Everything ingest does before touching the database: decode, parse, find repeats (throws IngestError). */
export function prepareThread(input: IngestInput): PreparedThread {
  const text = decodeInput(input.bytes);
  const parsed = parseThread(text, input.format ?? detectFormat(text, input.sourceName));
  const dedup = findRepeats(parsed.paragraphs);
  const title =
    input.title?.trim() ||
    parsed.title ||
    titleFromText(parsed.paragraphs.find((p) => p.text.trim())?.text ?? '', input.sourceName ?? 'Untitled thread');
  return { input, contentHash: contentHash(input.bytes), title, parsed, dedup };
}
