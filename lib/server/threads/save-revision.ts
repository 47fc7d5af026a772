import type { Prisma } from '@/lib/generated/prisma/client';
import { uuidv7 } from '../db/uuid';
import type { PreparedThread } from './prepare-thread';

type Tx = Prisma.TransactionClient;

/** Rows per statement: each column travels as one array parameter, so a batch is one round trip. */
const BATCH = 5_000;

function batches<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += BATCH) out.push(rows.slice(i, i + BATCH));
  return out;
}

const spansJson = (spans: { start: number; end: number }[] | null) => (spans ? JSON.stringify(spans.map((s) => [s.start, s.end])) : null);

export interface NewRevision {
  thread: PreparedThread;
  threadId: string;
  number: number;
}

export interface SavedRevision {
  id: string;
  threadId: string;
  passageIds: string[];
}

/**
 * Writes revisions with their passages, occurrences and repeat blocks, inside the caller's
 * transaction. Rows of all the revisions go in together as `INSERT … SELECT FROM unnest(column
 * arrays)`: a statement per few thousand rows, not one per row or per thread.
 */
export async function saveRevisions(tx: Tx, revisions: NewRevision[]): Promise<SavedRevision[]> {
  const saved = revisions.map((r) => ({ id: uuidv7(), threadId: r.threadId, passageIds: r.thread.dedup.passages.map(() => uuidv7()) }));
  await tx.$executeRaw`
    INSERT INTO "ThreadRevision" ("id", "threadId", "number", "contentHash", "format", "sourceName", "byteLength", "lineCount", "passageCount", "repeatCount")
    SELECT * FROM unnest(${saved.map((s) => s.id)}::uuid[], ${revisions.map((r) => r.threadId)}::uuid[], ${revisions.map((r) => r.number)}::int[],
                         ${revisions.map((r) => r.thread.contentHash)}::text[], ${revisions.map((r) => r.thread.parsed.format)}::text[],
                         ${revisions.map((r) => r.thread.input.sourceName ?? null)}::text[], ${revisions.map((r) => r.thread.input.bytes.byteLength)}::int[],
                         ${revisions.map((r) => r.thread.parsed.paragraphs.at(-1)?.line ?? 0)}::int[], ${revisions.map((r) => r.thread.dedup.passages.length)}::int[],
                         ${revisions.map((r) => r.thread.dedup.occurrences.filter((o) => o.kind !== 'original' && o.kind !== 'blank').length)}::int[])`;

  const passages = revisions.flatMap((r, i) => r.thread.dedup.passages.map((p) => ({ p, revision: saved[i].id, id: saved[i].passageIds[p.ordinal] })));
  for (const batch of batches(passages)) {
    await tx.$executeRaw`
      INSERT INTO "Passage" ("id", "revisionId", "ordinal", "line", "text", "sentences", "author", "postedAt", "commentId")
      SELECT * FROM unnest(${batch.map((r) => r.id)}::uuid[], ${batch.map((r) => r.revision)}::uuid[], ${batch.map((r) => r.p.ordinal)}::int[],
                           ${batch.map((r) => r.p.line)}::int[], ${batch.map((r) => r.p.text)}::text[],
                           ${batch.map((r) => JSON.stringify(r.p.sentences.map((s) => [s.start, s.end])))}::jsonb[],
                           ${batch.map((r) => r.p.author ?? null)}::text[], ${batch.map((r) => r.p.postedAt ?? null)}::timestamptz[],
                           ${batch.map((r) => r.p.commentId ?? null)}::text[])`;
  }

  const occurrences = revisions.flatMap((r, i) => {
    const ids = saved[i].passageIds;
    const idOf = (ordinal: number | null) => (ordinal === null ? null : ids[ordinal]);
    return r.thread.dedup.occurrences.map((o) => ({ o, revision: saved[i].id, passage: idOf(o.passage), source: idOf(o.source), reply: idOf(o.replyTo) }));
  });
  for (const batch of batches(occurrences)) {
    await tx.$executeRaw`
      INSERT INTO "Occurrence" ("id", "revisionId", "position", "paragraph", "line", "kind", "text", "rawBefore", "rawAfter",
                                "rawText", "passageId", "sourcePassageId", "spans", "replyToPassageId")
      SELECT o.id, o.revision, o.position, o.paragraph, o.line, o.kind::"OccurrenceKind", o.text, o.before, o.after,
             o.raw, o.passage, o.source, o.spans, o.reply
      FROM unnest(${batch.map(() => uuidv7())}::uuid[], ${batch.map((r) => r.revision)}::uuid[], ${batch.map((r) => r.o.position)}::int[],
                  ${batch.map((r) => r.o.paragraph)}::int[], ${batch.map((r) => r.o.line)}::int[], ${batch.map((r) => r.o.kind)}::text[],
                  ${batch.map((r) => r.o.text)}::text[], ${batch.map((r) => r.o.rawBefore)}::text[], ${batch.map((r) => r.o.rawAfter)}::text[],
                  ${batch.map((r) => r.o.raw ?? null)}::text[], ${batch.map((r) => r.passage)}::uuid[], ${batch.map((r) => r.source)}::uuid[],
                  ${batch.map((r) => spansJson(r.o.spans))}::jsonb[], ${batch.map((r) => r.reply)}::uuid[])
        AS o(id, revision, position, paragraph, line, kind, text, before, after, raw, passage, source, spans, reply)`;
  }

  const blocks = revisions.flatMap((r, i) => r.thread.dedup.blocks.map((b) => ({ ...b, revisionId: saved[i].id })));
  if (blocks.length) {
    await tx.$executeRaw`
      INSERT INTO "RepeatBlock" ("id", "revisionId", "fromPosition", "toPosition", "fromLine", "toLine", "sourceFromLine", "sourceToLine")
      SELECT * FROM unnest(${blocks.map(() => uuidv7())}::uuid[], ${blocks.map((b) => b.revisionId)}::uuid[], ${blocks.map((b) => b.fromPosition)}::int[],
                           ${blocks.map((b) => b.toPosition)}::int[], ${blocks.map((b) => b.fromLine)}::int[], ${blocks.map((b) => b.toLine)}::int[],
                           ${blocks.map((b) => b.sourceFromLine)}::int[], ${blocks.map((b) => b.sourceToLine)}::int[])`;
  }
  return saved;
}
