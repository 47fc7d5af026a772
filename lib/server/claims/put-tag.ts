import type { QueryResult } from 'pg';
import type { TagInput } from '@/lib/claims/tag-schema';
import { renderNote } from '@/lib/markdown/render-note';
import type { SessionUser } from '../auth/session';
import { inTwoTripTransaction } from '../db/pg-pool';
import { literal, typedRow } from '../db/sql-literal';
import { uuidv7 } from '../db/uuid';
import { recordEventsSql } from '../events/publish';
import { conflict, forbidden, notFound } from '../http/errors';
import type { TagView } from '@/lib/claims/types';
import { aggregateSummary, type ClaimColumns, claimColumns } from './claim-columns';
import { type TagRow, toTagView } from './tag-view';

/** A tag as locked for writing: the stored row and its tagger's name. */
type LockedTag = TagRow & { userName: string };

interface LockedClaim {
  claimId: string;
  threadId: string;
  tags: LockedTag[];
}

type Target = { claimId: string } | { tagId: string };

/** The claims a batch of writes targets (by claim id, or as the claim of a tag), as a condition on "Claim". */
function claimsOf(targets: Target[]): string {
  const claimIds = [...new Set(targets.flatMap((t) => ('claimId' in t ? [t.claimId] : [])))];
  const tagIds = [...new Set(targets.flatMap((t) => ('tagId' in t ? [t.tagId] : [])))];
  const list = (ids: string[]) => ids.map((id) => `${literal(id)}::uuid`).join(', ');
  const conditions: string[] = [];
  if (claimIds.length) conditions.push(`"id" IN (${list(claimIds)})`);
  if (tagIds.length) conditions.push(`"id" IN (SELECT "claimId" FROM "Tag" WHERE "id" IN (${list(tagIds)}))`);
  return conditions.join(' OR ');
}

/**
 * Locks the claim rows (in id order, so two batches never wait on each other in a cycle), then
 * reads every tag on them: tag writes on one claim run one at a time, so their versions and the
 * claim's aggregates stay exact. Two statements on purpose: a locking read that had to wait sees
 * the locked row's newest version but joined rows from its older snapshot, so the tags are read by
 * the next statement, which takes a fresh snapshot once the locks are held. Both go in the message
 * that opens the transaction. Tags come in the order they were made, so the claim's searchable
 * notes read the same whichever write recomputed them.
 */
function lockClaimsSql(targets: Target[]): string {
  const claims = claimsOf(targets);
  return `SELECT "id", "threadId" FROM "Claim" WHERE ${claims} ORDER BY "id" FOR UPDATE;
    SELECT t."id", t."claimId", t."userId", u."name" AS "userName", t."axis", t."confidence", t."concreteStoryNeeded", t."crux",
           t."note", t."noteHtml", t."labels", t."version", t."deletedAt", t."createdAt", t."updatedAt"
    FROM "Tag" t JOIN "User" u ON u."id" = t."userId" WHERE t."claimId" IN (SELECT "id" FROM "Claim" WHERE ${claims}) ORDER BY t."id"`;
}

/** A decided write: the tag's new state, its revision and its live event, and the claim's aggregates after it. */
interface Written {
  claim: LockedClaim;
  tag: LockedTag;
  revision: { id: string; deleted: boolean; byUserId: string; at: Date };
  columns: ClaimColumns;
  result: { tag: TagView; deleted: boolean; aggregates: ReturnType<typeof aggregateSummary> };
}

/** The tag's next state as written: the claim's aggregates recomputed with it, the answer and the event it makes. */
function writeTag(claim: LockedClaim, next: LockedTag, actorId: string): Written {
  const deleted = next.deletedAt !== null;
  const live = claim.tags.filter((t) => t.deletedAt === null && t.userId !== next.userId);
  if (!deleted) live.push(next);
  const columns = claimColumns(live);
  const now = new Date();
  const tag = { ...next, updatedAt: now };
  return {
    claim,
    tag,
    revision: { id: uuidv7(), deleted, byUserId: actorId, at: now },
    columns,
    result: { tag: toTagView(tag, next.userName), deleted, aggregates: aggregateSummary(columns) },
  };
}

const TAG_TYPES = [
  'uuid',
  'uuid',
  'uuid',
  '"Axis"',
  'int',
  'boolean',
  'boolean',
  'text',
  'text',
  'text[]',
  'int',
  'timestamp(3)',
  'timestamp(3)',
  'timestamp(3)',
];
const REVISION_TYPES = [
  'uuid',
  'uuid',
  'uuid',
  'int',
  '"Axis"',
  'int',
  'boolean',
  'boolean',
  'text',
  'text[]',
  'boolean',
  'uuid',
  'timestamp(3)',
];
const CLAIM_TYPES = [
  'uuid',
  'int',
  'int',
  'float8',
  'float8',
  'float8',
  'float8',
  'int',
  'int',
  'int',
  'int',
  'int',
  'int',
  'text',
  'text[]',
  'timestamp(3)',
];

/**
 * The statements that close a batch, set-based whatever its size: every tag in its last state
 * (one upsert; a tag written twice in the batch is upserted once) with a revision per write, each
 * claim's aggregates as its last write left them (one update), and the events, thread by thread in
 * thread id order (so two batches take the threads' event locks in the same order), each thread's
 * in arrival order. The thread's event lock is held only while Postgres runs them and commits.
 */
function closeBatchSql(written: Written[]): string {
  if (!written.length) return 'SELECT 1';
  const lastTag = new Map<string, Written>();
  const lastOfClaim = new Map<string, Written>();
  const byThread = new Map<string, Written[]>();
  for (const w of written) {
    lastTag.set(w.tag.id, w);
    lastOfClaim.set(w.claim.claimId, w);
    const ofThread = byThread.get(w.claim.threadId);
    if (ofThread) ofThread.push(w);
    else byThread.set(w.claim.threadId, [w]);
  }
  const tags = [...lastTag.values()].map(({ tag: t, revision }) =>
    typedRow(
      [
        t.id,
        t.claimId,
        t.userId,
        t.axis,
        t.confidence,
        t.concreteStoryNeeded,
        t.crux,
        t.note,
        t.noteHtml,
        t.labels,
        t.version,
        t.deletedAt,
        t.createdAt,
        revision.at,
      ],
      TAG_TYPES,
    ),
  );
  const revisions = written.map(({ tag: t, revision: r }) =>
    typedRow(
      [
        r.id,
        t.claimId,
        t.userId,
        t.version,
        t.axis,
        t.confidence,
        t.concreteStoryNeeded,
        t.crux,
        t.note,
        t.labels,
        r.deleted,
        r.byUserId,
        r.at,
      ],
      REVISION_TYPES,
    ),
  );
  const claims = [...lastOfClaim.values()].map(({ claim, columns: c, revision }) =>
    typedRow(
      [
        claim.claimId,
        c.tagCount,
        c.confCount,
        c.confMean,
        c.disagreement,
        c.cruxScore,
        c.consensusScore,
        c.cruxCount,
        c.storyCount,
        c.axisOuter,
        c.axisInner,
        c.axisBoth,
        c.axisOther,
        c.notesText,
        c.labels,
        revision.at,
      ],
      CLAIM_TYPES,
    ),
  );
  const events = [...byThread.keys()].sort().map((threadId) =>
    recordEventsSql(
      threadId,
      (byThread.get(threadId) ?? []).map((w) => ({
        type: 'tag' as const,
        payload: { claimId: w.claim.claimId, userId: w.tag.userId, ...w.result },
      })),
    ),
  );
  return `
  WITH tag AS (
    INSERT INTO "Tag" ("id", "claimId", "userId", "axis", "confidence", "concreteStoryNeeded", "crux", "note", "noteHtml", "labels",
                       "version", "deletedAt", "createdAt", "updatedAt")
    VALUES ${tags.join(',\n    ')}
    ON CONFLICT ("claimId", "userId") DO UPDATE SET
      "axis" = EXCLUDED."axis", "confidence" = EXCLUDED."confidence", "concreteStoryNeeded" = EXCLUDED."concreteStoryNeeded",
      "crux" = EXCLUDED."crux", "note" = EXCLUDED."note", "noteHtml" = EXCLUDED."noteHtml", "labels" = EXCLUDED."labels",
      "version" = EXCLUDED."version", "deletedAt" = EXCLUDED."deletedAt", "updatedAt" = EXCLUDED."updatedAt"
    RETURNING "id", "claimId", "userId"
  )
  INSERT INTO "TagRevision" ("id", "tagId", "version", "axis", "confidence", "concreteStoryNeeded", "crux", "note", "labels", "deleted", "byUserId", "createdAt")
  SELECT r."id", tag."id", r."version", r."axis", r."confidence", r."story", r."crux", r."note", r."labels", r."deleted", r."byUserId", r."at"
  FROM (VALUES ${revisions.join(',\n    ')})
    AS r("id", "claimId", "userId", "version", "axis", "confidence", "story", "crux", "note", "labels", "deleted", "byUserId", "at")
  JOIN tag ON tag."claimId" = r."claimId" AND tag."userId" = r."userId";
  UPDATE "Claim" c SET "tagCount" = v."tagCount", "confCount" = v."confCount", "confMean" = v."confMean", "disagreement" = v."disagreement",
    "cruxScore" = v."cruxScore", "consensusScore" = v."consensusScore", "cruxCount" = v."cruxCount", "storyCount" = v."storyCount",
    "axisOuter" = v."axisOuter", "axisInner" = v."axisInner", "axisBoth" = v."axisBoth", "axisOther" = v."axisOther",
    "notesText" = v."notesText", "labels" = v."labels", "lastTaggedAt" = v."at", "updatedAt" = v."at"
  FROM (VALUES ${claims.join(',\n    ')})
    AS v("id", "tagCount", "confCount", "confMean", "disagreement", "cruxScore", "consensusScore", "cruxCount", "storyCount",
         "axisOuter", "axisInner", "axisBoth", "axisOther", "notesText", "labels", "at")
  WHERE c."id" = v."id";
  ${events.join(';\n')}`;
}

/** A tag write as the API answers it. */
export type TagWriteResult = Written['result'];

/**
 * One write: its target, who does it, and what it makes of the claim once locked — the tag's next
 * state, or an ApiError thrown to refuse it (a stale version, someone else's tag).
 */
interface TagWrite {
  target: Target;
  actorId: string;
  decide(claim: LockedClaim): LockedTag;
}

type Outcome = { result: TagWriteResult } | { error: unknown };

/**
 * Decides every write of a batch against the claims as locked, in the order the writes arrived:
 * each sees the ones before it (several taggers on one claim in one batch), and a refused write
 * changes nothing. The accepted writes close the transaction together (closeBatchSql).
 */
function decideAll(writes: TagWrite[], opened: QueryResult[]): { result: Outcome[]; close: string } {
  const claims = new Map<string, LockedClaim>();
  for (const row of opened[0].rows as { id: string; threadId: string }[])
    claims.set(row.id, { claimId: row.id, threadId: row.threadId, tags: [] });
  const claimOfTag = new Map<string, string>();
  for (const tag of opened[1].rows as LockedTag[]) {
    claims.get(tag.claimId)?.tags.push(tag);
    claimOfTag.set(tag.id, tag.claimId);
  }
  const written: Written[] = [];
  const outcomes = writes.map((write): Outcome => {
    const { target } = write;
    const claim = claims.get(('claimId' in target ? target.claimId : claimOfTag.get(target.tagId)) ?? '');
    if (!claim)
      return { error: notFound('claimId' in target ? `No claim ${target.claimId}.` : `No tag ${target.tagId}.`) };
    try {
      const done = writeTag(claim, write.decide(claim), write.actorId);
      const at = claim.tags.findIndex((t) => t.id === done.tag.id);
      if (at === -1) claim.tags.push(done.tag);
      else claim.tags[at] = done.tag;
      written.push(done);
      return { result: done.result };
    } catch (error) {
      return { error };
    }
  });
  return { result: outcomes, close: closeBatchSql(written) };
}

/** The most writes one transaction takes. */
const MAX_BATCH = 100;

interface Queued extends TagWrite {
  resolve(result: TagWriteResult): void;
  reject(error: unknown): void;
}

/**
 * Transactions in flight at once. More than one, so that a batch waiting on a lock (a claim another
 * instance is writing) does not hold up every other write; few, so that writes still gather into
 * batches: at 64 clients on one thread, 1 and 2 wrote 499 writes/s, 4 wrote 416 (its batches
 * waiting on each other's locks), measured one after another.
 */
const MAX_IN_FLIGHT = 2;

/**
 * Tag writes of this app instance, committed in batches: while transactions are in flight, the
 * writes that arrive wait, then go together in the next (up to MAX_BATCH). A commit waits for the
 * disk to flush the log, and a thread's writes queue behind each other on its event counter, so
 * one write per commit capped a thread at one commit's worth of writes per flush however many
 * taggers it had; a batch shares the flush and the counter's lock among all its writes. A write
 * that arrives when a transaction slot is free goes at once, so a lone write waits for nobody.
 */
class TagWriteQueue {
  private readonly queue: Queued[] = [];
  private inFlight = 0;

  submit(write: TagWrite): Promise<TagWriteResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ ...write, resolve, reject });
      this.startNext();
    });
  }

  private startNext() {
    while (this.inFlight < MAX_IN_FLIGHT && this.queue.length > 0) {
      this.inFlight++;
      void this.run(this.queue.splice(0, MAX_BATCH)).finally(() => {
        this.inFlight--;
        this.startNext();
      });
    }
  }

  private async run(batch: Queued[]) {
    try {
      const outcomes = await inTwoTripTransaction(lockClaimsSql(batch.map((w) => w.target)), (opened) =>
        decideAll(batch, opened),
      );
      for (const [i, outcome] of outcomes.entries()) {
        if ('error' in outcome) batch[i].reject(outcome.error);
        else batch[i].resolve(outcome.result);
      }
    } catch (error) {
      if (batch.length === 1) {
        batch[0].reject(error);
        return;
      }
      // The transaction failed as a whole (a statement Postgres refused, the connection lost):
      // each write again on its own, so that only the one at fault fails.
      for (const write of batch) await this.run([write]);
    }
  }
}

const globalForTags = globalThis as unknown as { cruxTagWrites?: TagWriteQueue };

function tagWrites(): TagWriteQueue {
  globalForTags.cruxTagWrites ??= new TagWriteQueue();
  return globalForTags.cruxTagWrites;
}

/**
 * Creates or edits the caller's tag on a claim. Editing needs the version it was based on: a stale
 * one is a 409, never a silent overwrite. Every state is kept in TagRevision.
 */
export async function putTag(claimId: string, user: SessionUser, input: TagInput): Promise<TagWriteResult> {
  const { version, ...fields } = input;
  const noteHtml = fields.note ? renderNote(fields.note) : '';
  return tagWrites().submit({
    target: { claimId },
    actorId: user.id,
    decide: (claim) => {
      const existing = claim.tags.find((t) => t.userId === user.id);
      if (existing) {
        if (version === undefined && !existing.deletedAt) {
          throw conflict(
            `You have tagged this claim already (version ${existing.version}); send that version to edit it.`,
            'version',
          );
        }
        if (version !== undefined && version !== existing.version) {
          throw conflict(
            `Your tag changed since version ${version} (it is at version ${existing.version}); reload and edit again.`,
            'version',
          );
        }
      }
      return {
        id: existing?.id ?? uuidv7(),
        claimId: claim.claimId,
        userId: user.id,
        userName: user.name,
        ...fields,
        noteHtml,
        version: (existing?.version ?? 0) + 1,
        deletedAt: null,
        createdAt: existing?.createdAt ?? new Date(),
        updatedAt: new Date(),
      };
    },
  });
}

/**
 * Soft-deletes a tag (restorable): the caller's own on the claim, or — for an admin — anyone's by
 * tag id. With a version, only if it is still that version.
 */
export async function deleteTag(target: Target, user: SessionUser, version?: number): Promise<TagWriteResult> {
  return tagWrites().submit({
    target,
    actorId: user.id,
    decide: (claim) => {
      const existing =
        'tagId' in target
          ? claim.tags.find((t) => t.id === target.tagId)
          : claim.tags.find((t) => t.userId === user.id);
      if (!existing || existing.deletedAt)
        throw notFound('tagId' in target ? `No tag ${target.tagId}.` : 'You have no tag on this claim.');
      if (existing.userId !== user.id && user.role !== 'ADMIN')
        throw forbidden('This tag is someone else’s; only its tagger or an admin can delete it.');
      if (version !== undefined && version !== existing.version) {
        throw conflict(`The tag changed since version ${version} (it is at version ${existing.version}).`, 'version');
      }
      return { ...existing, version: existing.version + 1, deletedAt: new Date() };
    },
  });
}

/** Undoes a delete: the tag comes back as it was, as a new version. */
export async function restoreTag(claimId: string, user: SessionUser): Promise<TagWriteResult> {
  return tagWrites().submit({
    target: { claimId },
    actorId: user.id,
    decide: (claim) => {
      const existing = claim.tags.find((t) => t.userId === user.id);
      if (!existing) throw notFound('You have no tag on this claim.');
      if (!existing.deletedAt) throw conflict('This tag is not deleted.');
      return { ...existing, version: existing.version + 1, deletedAt: null };
    },
  });
}
