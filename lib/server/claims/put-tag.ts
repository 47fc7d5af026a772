import type { PoolClient } from 'pg';
import type { TagInput } from '@/lib/claims/tag-schema';
import { renderNote } from '@/lib/markdown/render-note';
import type { SessionUser } from '../auth/session';
import { inTransaction } from '../db/pg-pool';
import { uuidv7 } from '../db/uuid';
import { RECORD_EVENT_SQL } from '../events/publish';
import { conflict, forbidden, notFound } from '../http/errors';
import { aggregateSummary, claimColumns } from './claim-columns';
import { type TagRow, toTagView } from './tag-view';

/** A tag as locked for writing: the stored row and its tagger's name. */
type LockedTag = TagRow & { userName: string };

interface LockedClaim {
  claimId: string;
  threadId: string;
  tags: LockedTag[];
}

/**
 * Locks the claim row, then reads every tag on it: tag writes on one claim run one at a time, so
 * their versions and the claim's aggregates stay exact. Two statements on purpose: a locking read
 * that had to wait sees the locked row's newest version but joined rows from its older snapshot,
 * so the tags are read only once the lock is held (each statement gets a fresh snapshot).
 */
async function lockClaim(client: PoolClient, where: { claimId: string } | { tagId: string }): Promise<LockedClaim> {
  const locked = await client.query<{ id: string; threadId: string }>(
    `SELECT "id", "threadId" FROM "Claim"
     WHERE "id" = ${'claimId' in where ? '$1::uuid' : '(SELECT "claimId" FROM "Tag" WHERE "id" = $1::uuid)'}
     FOR UPDATE`,
    ['claimId' in where ? where.claimId : where.tagId],
  );
  const claim = locked.rows[0];
  if (!claim) throw notFound('claimId' in where ? `No claim ${where.claimId}.` : `No tag ${where.tagId}.`);
  const { rows: tags } = await client.query<LockedTag>(
    `SELECT t."id", t."claimId", t."userId", u."name" AS "userName", t."axis", t."confidence", t."concreteStoryNeeded", t."crux",
            t."note", t."noteHtml", t."labels", t."version", t."deletedAt", t."createdAt", t."updatedAt"
     FROM "Tag" t JOIN "User" u ON u."id" = t."userId" WHERE t."claimId" = $1`,
    [claim.id],
  );
  return { claimId: claim.id, threadId: claim.threadId, tags };
}

/**
 * Writes the tag's new state in one statement (the tag, its revision, the claim's aggregates), then
 * records the live event last, so the thread's event lock is held only until the commit.
 */
async function writeTag(client: PoolClient, claim: LockedClaim, next: LockedTag, actorId: string) {
  const deleted = next.deletedAt !== null;
  const live = claim.tags.filter((t) => t.deletedAt === null && t.userId !== next.userId);
  if (!deleted) live.push(next);
  const columns = claimColumns(live);
  const now = new Date();
  const tag = toTagView({ ...next, updatedAt: now }, next.userName);
  const payload = { claimId: claim.claimId, userId: next.userId, deleted, tag, aggregates: aggregateSummary(columns) };
  await client.query(
    `WITH tag AS (
       INSERT INTO "Tag" ("id", "claimId", "userId", "axis", "confidence", "concreteStoryNeeded", "crux", "note", "noteHtml", "labels",
                          "version", "deletedAt", "createdAt", "updatedAt")
       VALUES ($1, $2, $3, $4::"Axis", $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
       ON CONFLICT ("claimId", "userId") DO UPDATE SET
         "axis" = EXCLUDED."axis", "confidence" = EXCLUDED."confidence", "concreteStoryNeeded" = EXCLUDED."concreteStoryNeeded",
         "crux" = EXCLUDED."crux", "note" = EXCLUDED."note", "noteHtml" = EXCLUDED."noteHtml", "labels" = EXCLUDED."labels",
         "version" = EXCLUDED."version", "deletedAt" = EXCLUDED."deletedAt", "updatedAt" = EXCLUDED."updatedAt"
       RETURNING "id"
     ), revision AS (
       INSERT INTO "TagRevision" ("id", "tagId", "version", "axis", "confidence", "concreteStoryNeeded", "crux", "note", "labels", "deleted", "byUserId", "createdAt")
       SELECT $15, tag."id", $11, $4::"Axis", $5, $6, $7, $8, $10, $16, $17, $14 FROM tag
     ), claim AS (
       UPDATE "Claim" SET "tagCount" = $18, "confCount" = $19, "confMean" = $20, "disagreement" = $21, "cruxScore" = $22,
         "consensusScore" = $23, "cruxCount" = $24, "storyCount" = $25, "axisOuter" = $26, "axisInner" = $27, "axisBoth" = $28,
         "axisOther" = $29, "notesText" = $30, "labels" = $31, "lastTaggedAt" = $14, "updatedAt" = $14
       WHERE "id" = $2
     )
     SELECT tag."id" FROM tag`,
    [
      next.id, claim.claimId, next.userId, next.axis, next.confidence, next.concreteStoryNeeded, next.crux, next.note, next.noteHtml, next.labels,
      next.version, next.deletedAt, next.createdAt, now, uuidv7(), deleted, actorId,
      columns.tagCount, columns.confCount, columns.confMean, columns.disagreement, columns.cruxScore, columns.consensusScore, columns.cruxCount,
      columns.storyCount, columns.axisOuter, columns.axisInner, columns.axisBoth, columns.axisOther, columns.notesText, columns.labels,
    ],
  );
  await client.query(RECORD_EVENT_SQL, [claim.threadId, 'tag', JSON.stringify(payload)]);
  return { tag, deleted, aggregates: payload.aggregates };
}

/**
 * Creates or edits the caller's tag on a claim. Editing needs the version it was based on: a stale
 * one is a 409, never a silent overwrite. Every state is kept in TagRevision.
 */
export async function putTag(claimId: string, user: SessionUser, input: TagInput) {
  const { version, ...fields } = input;
  const noteHtml = fields.note ? renderNote(fields.note) : '';
  return inTransaction(async (client) => {
    const claim = await lockClaim(client, { claimId });
    const existing = claim.tags.find((t) => t.userId === user.id);
    if (existing) {
      if (version === undefined && !existing.deletedAt) {
        throw conflict(`You have tagged this claim already (version ${existing.version}); send that version to edit it.`, 'version');
      }
      if (version !== undefined && version !== existing.version) {
        throw conflict(`Your tag changed since version ${version} (it is at version ${existing.version}); reload and edit again.`, 'version');
      }
    }
    const next: LockedTag = {
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
    return writeTag(client, claim, next, user.id);
  });
}

/**
 * Soft-deletes a tag (restorable): the caller's own on the claim, or — for an admin — anyone's by
 * tag id. With a version, only if it is still that version.
 */
export async function deleteTag(target: { claimId: string } | { tagId: string }, user: SessionUser, version?: number) {
  return inTransaction(async (client) => {
    const claim = await lockClaim(client, target);
    const existing = 'tagId' in target ? claim.tags.find((t) => t.id === target.tagId) : claim.tags.find((t) => t.userId === user.id);
    if (!existing || existing.deletedAt) throw notFound('tagId' in target ? `No tag ${target.tagId}.` : 'You have no tag on this claim.');
    if (existing.userId !== user.id && user.role !== 'ADMIN') throw forbidden('This tag is someone else’s; only its tagger or an admin can delete it.');
    if (version !== undefined && version !== existing.version) {
      throw conflict(`The tag changed since version ${version} (it is at version ${existing.version}).`, 'version');
    }
    return writeTag(client, claim, { ...existing, version: existing.version + 1, deletedAt: new Date() }, user.id);
  });
}

/** Undoes a delete: the tag comes back as it was, as a new version. */
export async function restoreTag(claimId: string, user: SessionUser) {
  return inTransaction(async (client) => {
    const claim = await lockClaim(client, { claimId });
    const existing = claim.tags.find((t) => t.userId === user.id);
    if (!existing) throw notFound('You have no tag on this claim.');
    if (!existing.deletedAt) throw conflict('This tag is not deleted.');
    return writeTag(client, claim, { ...existing, version: existing.version + 1, deletedAt: null }, user.id);
  });
}
