import { createHash } from 'node:crypto';
import { findRepeats } from '@/lib/dedup/find-repeats';
import { decodeInput } from '@/lib/ingest/decode';
import { detectFormat } from '@/lib/ingest/detect-format';
import { parseThread } from '@/lib/ingest/parse-thread';
import type { ThreadFormat } from '@/lib/ingest/types';
import { db } from '../db/client';
import { saveRevision } from './save-revision';
import { slugify, titleFromText } from './slug';

export interface IngestInput {
  bytes: Uint8Array;
  format?: ThreadFormat;
  title?: string;
  /** The thread this is a new version of; otherwise the one with the same source name, else a new thread. */
  slug?: string;
  sourceName?: string;
  createdById?: string;
}

export interface IngestOutcome {
  slug: string;
  title: string;
  revision: number;
  /** False when exactly this content was ingested before: nothing was written. */
  created: boolean;
  passages: number;
  repeats: number;
  lines: number;
}

export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function uniqueSlug(base: string): Promise<string> {
  const taken = new Set(
    (await db.thread.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((t) => t.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/**
 * Decodes, parses and deduplicates a thread, then stores it in one transaction. Same content ->
 * the same revision (nothing written); a changed version of a known thread -> a new revision.
 * Throws IngestError (bad input) before anything is written.
 */
export async function ingestThread(input: IngestInput): Promise<IngestOutcome> {
  const text = decodeInput(input.bytes);
  const format = input.format ?? detectFormat(text, input.sourceName);
  const parsed = parseThread(text, format);
  const dedup = findRepeats(parsed.paragraphs);
  const hash = contentHash(input.bytes);

  const existing = await db.threadRevision.findUnique({
    where: { contentHash: hash },
    select: { number: true, passageCount: true, repeatCount: true, lineCount: true, thread: { select: { slug: true, title: true } } },
  });
  if (existing) {
    return {
      slug: existing.thread.slug,
      title: existing.thread.title,
      revision: existing.number,
      created: false,
      passages: existing.passageCount,
      repeats: existing.repeatCount,
      lines: existing.lineCount,
    };
  }

  const previous = input.slug
    ? await db.thread.findUnique({ where: { slug: input.slug }, select: { id: true } })
    : input.sourceName
      ? await db.thread.findFirst({
          where: { revisions: { some: { sourceName: input.sourceName } } },
          select: { id: true },
          orderBy: { createdAt: 'asc' },
        })
      : null;
  const fallbackTitle = input.sourceName ?? 'Untitled thread';
  const title = input.title?.trim() || parsed.title || titleFromText(parsed.paragraphs[0]?.text ?? '', fallbackTitle);
  const slug = previous ? undefined : (input.slug ?? (await uniqueSlug(slugify(title))));

  const result = await db.$transaction(
    async (tx) => {
      const thread = previous
        ? await tx.thread.update({ where: { id: previous.id }, data: { title }, select: { id: true, slug: true } })
        : await tx.thread.create({ data: { slug: slug as string, title, createdById: input.createdById }, select: { id: true, slug: true } });
      const last = await tx.threadRevision.aggregate({ where: { threadId: thread.id }, _max: { number: true } });
      const number = (last._max.number ?? 0) + 1;
      const revision = await saveRevision(tx, {
        threadId: thread.id,
        number,
        contentHash: hash,
        byteLength: input.bytes.byteLength,
        sourceName: input.sourceName ?? null,
        parsed,
        dedup,
      });
      await tx.thread.update({ where: { id: thread.id }, data: { currentRevisionId: revision.id } });
      return { slug: thread.slug, number };
    },
    { timeout: 10 * 60_000, maxWait: 30_000 },
  );

  return {
    slug: result.slug,
    title,
    revision: result.number,
    created: true,
    passages: dedup.passages.length,
    repeats: dedup.occurrences.filter((o) => o.kind !== 'original' && o.kind !== 'blank').length,
    lines: parsed.paragraphs.at(-1)?.line ?? 0,
  };
}
