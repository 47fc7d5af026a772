import type { PoolClient } from 'pg';
import type { QuoteEdit } from '@/lib/dedup/types';
import { copyRows } from '../db/copy-rows';
import { uuidv7 } from '../db/uuid';
import type { PreparedThread } from './prepare-thread';

const spansJson = (spans: { start: number; end: number }[] | null) =>
  spans ? JSON.stringify(spans.map((s) => [s.start, s.end])) : null;
const editsJson = (edits: QuoteEdit[] | undefined) =>
  edits ? JSON.stringify(edits.map((e) => [e.kind, e.start, e.end, e.sourceStart, e.sourceEnd])) : null;

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
 * Writes revisions with their passages, occurrences and repeat blocks inside the caller's
 * transaction: the revisions and blocks as `INSERT … SELECT FROM unnest(column arrays)`, the many
 * passages and occurrences of all of them streamed with COPY.
 */
export async function saveRevisions(client: PoolClient, revisions: NewRevision[]): Promise<SavedRevision[]> {
  const saved = revisions.map((r) => ({
    id: uuidv7(),
    threadId: r.threadId,
    passageIds: r.thread.dedup.passages.map(() => uuidv7()),
  }));
  await client.query(
    `INSERT INTO "ThreadRevision" ("id", "threadId", "number", "contentHash", "format", "sourceName", "byteLength", "lineCount", "passageCount", "repeatCount")
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[], $5::text[], $6::text[], $7::int[], $8::int[], $9::int[], $10::int[])`,
    [
      saved.map((s) => s.id),
      revisions.map((r) => r.threadId),
      revisions.map((r) => r.number),
      revisions.map((r) => r.thread.contentHash),
      revisions.map((r) => r.thread.parsed.format),
      revisions.map((r) => r.thread.input.sourceName ?? null),
      revisions.map((r) => r.thread.input.bytes.byteLength),
      revisions.map((r) => r.thread.parsed.paragraphs.at(-1)?.line ?? 0),
      revisions.map((r) => r.thread.dedup.passages.length),
      revisions.map(
        (r) => r.thread.dedup.occurrences.filter((o) => o.kind !== 'original' && o.kind !== 'blank').length,
      ),
    ],
  );

  await copyRows(
    client,
    'Passage',
    ['id', 'revisionId', 'ordinal', 'line', 'text', 'sentences', 'author', 'postedAt', 'commentId', 'parentCommentId'],
    (function* () {
      for (const [i, r] of revisions.entries()) {
        for (const p of r.thread.dedup.passages) {
          yield [
            saved[i].passageIds[p.ordinal],
            saved[i].id,
            p.ordinal,
            p.line,
            p.text,
            JSON.stringify(p.sentences.map((s) => [s.start, s.end])),
            p.author ?? null,
            p.postedAt ?? null,
            p.commentId ?? null,
            p.parentCommentId ?? null,
          ];
        }
      }
    })(),
  );

  await copyRows(
    client,
    'Occurrence',
    [
      'revisionId',
      'position',
      'paragraph',
      'line',
      'kind',
      'text',
      'rawBefore',
      'rawAfter',
      'rawText',
      'passageId',
      'sourcePassageId',
      'spans',
      'replyToPassageId',
      'edits',
    ],
    (function* () {
      for (const [i, r] of revisions.entries()) {
        const ids = saved[i].passageIds;
        const idOf = (ordinal: number | null) => (ordinal === null ? null : ids[ordinal]);
        for (const o of r.thread.dedup.occurrences) {
          yield [
            saved[i].id,
            o.position,
            o.paragraph,
            o.line,
            o.kind,
            o.text,
            o.rawBefore,
            o.rawAfter,
            o.raw ?? null,
            idOf(o.passage),
            idOf(o.source),
            spansJson(o.spans),
            idOf(o.replyTo),
            editsJson(o.edits),
          ];
        }
      }
    })(),
  );

  const blocks = revisions.flatMap((r, i) => r.thread.dedup.blocks.map((b) => ({ ...b, revisionId: saved[i].id })));
  if (blocks.length) {
    await client.query(
      `INSERT INTO "RepeatBlock" ("id", "revisionId", "fromPosition", "toPosition", "fromLine", "toLine", "sourceFromLine", "sourceToLine")
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::int[], $5::int[], $6::int[], $7::int[], $8::int[])`,
      [
        blocks.map(() => uuidv7()),
        blocks.map((b) => b.revisionId),
        blocks.map((b) => b.fromPosition),
        blocks.map((b) => b.toPosition),
        blocks.map((b) => b.fromLine),
        blocks.map((b) => b.toLine),
        blocks.map((b) => b.sourceFromLine),
        blocks.map((b) => b.sourceToLine),
      ],
    );
  }
  return saved;
}
