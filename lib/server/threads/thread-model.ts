import { rebuildInput } from '@/lib/dedup/rebuild';
import type { OccurrenceKind, QuoteEdit, QuoteEditKind, Span } from '@/lib/dedup/types';
import { db } from '../db/client';
import { LRUCache } from 'lru-cache';
import { getThreadOrThrow } from './find-thread';

export interface PassageModel {
  id: string;
  ordinal: number;
  line: number;
  text: string;
  sentences: Span[];
  author: string | null;
  postedAt: string | null;
  /** On the first passage of a comment that replies to another: that comment's first passage. */
  inReplyTo: { ordinal: number; author: string | null } | null;
  /** Positions of the occurrences that repeat this passage (quotes of it), in order. */
  quotedAt: number[];
}

export interface OccurrenceModel {
  position: number;
  paragraph: number;
  line: number;
  kind: OccurrenceKind;
  text: string;
  rawBefore: string;
  rawAfter: string;
  rawText: string | null;
  passageId: string | null;
  sourcePassageId: string | null;
  spans: Span[] | null;
  replyToPassageId: string | null;
  /** For a quote that is not word for word its source: the edits undone (docs/formats/edited-quotes.md). */
  edits: QuoteEdit[] | null;
}

export interface BlockModel {
  fromPosition: number;
  toPosition: number;
  fromLine: number;
  toLine: number;
  sourceFromLine: number;
  sourceToLine: number;
}

/** The deduplicated thread: unique passages, every occurrence in order, folded repeat blocks. */
export interface ThreadModel {
  threadId: string;
  slug: string;
  title: string;
  revision: {
    id: string;
    number: number;
    format: string;
    lineCount: number;
    passageCount: number;
    repeatCount: number;
    createdAt: string;
  };
  passages: PassageModel[];
  occurrences: OccurrenceModel[];
  blocks: BlockModel[];
}

const toSpans = (value: unknown): Span[] => (value as [number, number][]).map(([start, end]) => ({ start, end }));
const toEdits = (value: unknown): QuoteEdit[] =>
  (value as [QuoteEditKind, number, number, number, number][]).map(([kind, start, end, sourceStart, sourceEnd]) => ({
    kind,
    start,
    end,
    sourceStart,
    sourceEnd,
  }));

type RevisionContent = Omit<ThreadModel, 'threadId' | 'slug' | 'title'>;

/** Revisions are never changed once stored, so a revision read once is kept; bounded by the text held. */
const REVISION_CACHE_WEIGHT = 64_000_000;
const ROW_WEIGHT = 200;

const globalForThreads = globalThis as unknown as { cruxRevisions?: LRUCache<string, RevisionContent> };

function revisions(): LRUCache<string, RevisionContent> {
  globalForThreads.cruxRevisions ??= new LRUCache<string, RevisionContent>({
    maxSize: REVISION_CACHE_WEIGHT,
    sizeCalculation: weightOf,
    fetchMethod: (revisionId) => revisionContent(revisionId),
  });
  return globalForThreads.cruxRevisions;
}

/**
 * The thread as the reader shows it: its current revision's passages, occurrences and repeat
 * blocks. A revision's content is read once per app instance and then shared by every request
 * (callers must not change it); the thread itself (title, current revision) is read every time.
 */
export async function getThreadModel(slug: string): Promise<ThreadModel> {
  const thread = await getThreadOrThrow(slug);
  const content = (await revisions().fetch(thread.currentRevisionId)) as RevisionContent;
  return { threadId: thread.id, slug: thread.slug, title: thread.title, ...content };
}

function weightOf(content: RevisionContent): number {
  let weight = 0;
  for (const p of content.passages) weight += ROW_WEIGHT + p.text.length;
  for (const o of content.occurrences)
    weight += ROW_WEIGHT + o.text.length + o.rawBefore.length + o.rawAfter.length + (o.rawText?.length ?? 0);
  return weight;
}

async function revisionContent(revisionId: string): Promise<RevisionContent> {
  const [revision, passages, occurrences, blocks] = await Promise.all([
    db.threadRevision.findUniqueOrThrow({
      where: { id: revisionId },
      select: {
        id: true,
        number: true,
        format: true,
        lineCount: true,
        passageCount: true,
        repeatCount: true,
        createdAt: true,
      },
    }),
    db.passage.findMany({
      where: { revisionId },
      orderBy: { ordinal: 'asc' },
      select: {
        id: true,
        ordinal: true,
        line: true,
        text: true,
        sentences: true,
        author: true,
        postedAt: true,
        commentId: true,
        parentCommentId: true,
      },
    }),
    db.occurrence.findMany({
      where: { revisionId },
      orderBy: { position: 'asc' },
      omit: { revisionId: true },
    }),
    db.repeatBlock.findMany({
      where: { revisionId },
      orderBy: { fromPosition: 'asc' },
      omit: { id: true, revisionId: true },
    }),
  ]);
  // A copy inside a whole-thread repeat is not a quote of the passage: only real quotes are counted.
  const inBlock = (position: number) => blocks.some((b) => position >= b.fromPosition && position <= b.toPosition);
  const quotedAt = new Map<string, number[]>();
  for (const occurrence of occurrences) {
    if (occurrence.sourcePassageId && occurrence.kind !== 'original' && !inBlock(occurrence.position)) {
      const list = quotedAt.get(occurrence.sourcePassageId) ?? [];
      list.push(occurrence.position);
      quotedAt.set(occurrence.sourcePassageId, list);
    }
  }
  // The reply tree of a LessWrong/AF export: each comment's first passage points at its parent's.
  const firstOfComment = new Map<string, (typeof passages)[number]>();
  for (const p of passages) if (p.commentId && !firstOfComment.has(p.commentId)) firstOfComment.set(p.commentId, p);
  const inReplyTo = (p: (typeof passages)[number]) => {
    if (!p.commentId || !p.parentCommentId || firstOfComment.get(p.commentId)?.id !== p.id) return null;
    const parent = firstOfComment.get(p.parentCommentId);
    return parent ? { ordinal: parent.ordinal, author: parent.author } : null;
  };
  return {
    revision: { ...revision, createdAt: revision.createdAt.toISOString() },
    passages: passages.map(({ commentId, parentCommentId, ...p }) => ({
      ...p,
      inReplyTo: inReplyTo({ ...p, commentId, parentCommentId }),
      sentences: toSpans(p.sentences),
      postedAt: p.postedAt?.toISOString() ?? null,
      quotedAt: quotedAt.get(p.id) ?? [],
    })),
    occurrences: occurrences.map((o) => ({
      ...o,
      spans: o.spans ? toSpans(o.spans) : null,
      edits: o.edits ? toEdits(o.edits) : null,
    })),
    blocks,
  };
}

/** The original input, byte for byte, rebuilt from the stored occurrences by the deduplicator's own rule. */
export function rebuildOriginal(
  occurrences: Pick<OccurrenceModel, 'rawBefore' | 'text' | 'rawAfter' | 'rawText'>[],
): string {
  return rebuildInput({ occurrences: occurrences.map((o) => ({ ...o, raw: o.rawText ?? undefined })) });
}
