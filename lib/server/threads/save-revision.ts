import type { DedupResult } from '@/lib/dedup/types';
import type { ParsedThread } from '@/lib/ingest/types';
import type { Prisma } from '@/lib/generated/prisma/client';
import { uuidv7 } from '../db/uuid';

type Tx = Prisma.TransactionClient;

/** Rows per INSERT: large enough to amortise round trips, small enough to stay under the bind-parameter limit. */
const BATCH = 2_000;

async function insertInBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
}

export interface RevisionInput {
  threadId: string;
  number: number;
  contentHash: string;
  byteLength: number;
  sourceName: string | null;
  parsed: ParsedThread;
  dedup: DedupResult;
}

/** Writes one revision with its passages, occurrences and repeat blocks (inside the caller's transaction). */
export async function saveRevision(tx: Tx, input: RevisionInput): Promise<{ id: string; passageIds: string[] }> {
  const { parsed, dedup } = input;
  const lastLine = parsed.paragraphs.at(-1)?.line ?? 0;
  const revision = await tx.threadRevision.create({
    data: {
      threadId: input.threadId,
      number: input.number,
      contentHash: input.contentHash,
      format: parsed.format,
      sourceName: input.sourceName,
      byteLength: input.byteLength,
      lineCount: lastLine,
      passageCount: dedup.passages.length,
      repeatCount: dedup.occurrences.filter((o) => o.kind !== 'original' && o.kind !== 'blank').length,
    },
    select: { id: true },
  });
  const passageIds = dedup.passages.map(() => uuidv7());
  const idOf = (ordinal: number | null) => (ordinal === null ? null : passageIds[ordinal]);

  await insertInBatches(dedup.passages, (batch) =>
    tx.passage.createMany({
      data: batch.map((p) => ({
        id: passageIds[p.ordinal],
        revisionId: revision.id,
        ordinal: p.ordinal,
        line: p.line,
        text: p.text,
        sentences: p.sentences.map((s) => [s.start, s.end]),
        author: p.author ?? null,
        postedAt: p.postedAt ? new Date(p.postedAt) : null,
        commentId: p.commentId ?? null,
      })),
    }),
  );
  await insertInBatches(dedup.occurrences, (batch) =>
    tx.occurrence.createMany({
      data: batch.map((o) => ({
        id: uuidv7(),
        revisionId: revision.id,
        position: o.position,
        paragraph: o.paragraph,
        line: o.line,
        kind: o.kind,
        text: o.text,
        rawBefore: o.rawBefore,
        rawAfter: o.rawAfter,
        rawText: o.raw ?? null,
        passageId: idOf(o.passage),
        sourcePassageId: idOf(o.source),
        spans: o.spans ? o.spans.map((s) => [s.start, s.end]) : undefined,
        replyToPassageId: idOf(o.replyTo),
      })),
    }),
  );
  if (dedup.blocks.length) {
    await tx.repeatBlock.createMany({ data: dedup.blocks.map((b) => ({ ...b, revisionId: revision.id })) });
  }
  return { id: revision.id, passageIds };
}
