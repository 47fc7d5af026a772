import type { QueryResult } from 'pg';
import type { TagInput } from '@/lib/claims/tag-schema';
import { renderNote } from '@/lib/markdown/render-note';
import type { SessionUser } from '../auth/session';
import { inTwoTripTransaction } from '../db/pg-pool';
import { inlineSql, literal } from '../db/sql-literal';
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

/** The claim a write targets: by its id, or as the claim of a tag. */
function claimOf(where: { claimId: string } | { tagId: string }): string {
  return 'claimId' in where ? `${literal(where.claimId)}::uuid` : `(SELECT "claimId" FROM "Tag" WHERE "id" = ${literal(where.tagId)}::uuid)`;
}

/**
 * Locks the claim row, then reads every tag on it: tag writes on one claim run one at a time, so
 * their versions and the claim's aggregates stay exact. Two statements on purpose: a locking read
 * that had to wait sees the locked row's newest version but joined rows from its older snapshot,
 * so the tags are read by the next statement, which takes a fresh snapshot once the lock is held.
 * Both go in the message that opens the transaction. Tags come in the order they were made, so
 * the claim's searchable notes read the same whichever write recomputed them.
 */
function lockClaimSql(where: { claimId: string } | { tagId: string }): string {
  const claim = claimOf(where);
  return `SELECT "id", "threadId" FROM "Claim" WHERE "id" = ${claim} FOR UPDATE;
    SELECT t."id", t."claimId", t."userId", u."name" AS "userName", t."axis", t."confidence", t."concreteStoryNeeded", t."crux",
           t."note", t."noteHtml", t."labels", t."version", t."deletedAt", t."createdAt", t."updatedAt"
    FROM "Tag" t JOIN "User" u ON u."id" = t."userId" WHERE t."claimId" = ${claim} ORDER BY t."id"`;
}

function lockedClaim(opened: QueryResult[], where: { claimId: string } | { tagId: string }): LockedClaim {
  const claim = opened[0].rows[0] as { id: string; threadId: string } | undefined;
  if (!claim) throw notFound('claimId' in where ? `No claim ${where.claimId}.` : `No tag ${where.tagId}.`);
  return { claimId: claim.id, threadId: claim.threadId, tags: opened[1].rows as LockedTag[] };
}

/** The tag, its revision and the claim's aggregates in one statement; every value cast to its column's type. */
const WRITE_TAG_SQL = `
  WITH tag AS (
    INSERT INTO "Tag" ("id", "claimId", "userId", "axis", "confidence", "concreteStoryNeeded", "crux", "note", "noteHtml", "labels",
                       "version", "deletedAt", "createdAt", "updatedAt")
    VALUES ($1::uuid, $2::uuid, $3::uuid, $4::"Axis", $5::int, $6::boolean, $7::boolean, $8::text, $9::text, $10::text[],
            $11::int, $12::timestamp(3), $13::timestamp(3), $14::timestamp(3))
    ON CONFLICT ("claimId", "userId") DO UPDATE SET
      "axis" = EXCLUDED."axis", "confidence" = EXCLUDED."confidence", "concreteStoryNeeded" = EXCLUDED."concreteStoryNeeded",
      "crux" = EXCLUDED."crux", "note" = EXCLUDED."note", "noteHtml" = EXCLUDED."noteHtml", "labels" = EXCLUDED."labels",
      "version" = EXCLUDED."version", "deletedAt" = EXCLUDED."deletedAt", "updatedAt" = EXCLUDED."updatedAt"
    RETURNING "id"
  ), revision AS (
    INSERT INTO "TagRevision" ("id", "tagId", "version", "axis", "confidence", "concreteStoryNeeded", "crux", "note", "labels", "deleted", "byUserId", "createdAt")
    SELECT $15::uuid, tag."id", $11::int, $4::"Axis", $5::int, $6::boolean, $7::boolean, $8::text, $10::text[], $16::boolean, $17::uuid, $14::timestamp(3)
    FROM tag
  )
  UPDATE "Claim" SET "tagCount" = $18::int, "confCount" = $19::int, "confMean" = $20::float8, "disagreement" = $21::float8,
    "cruxScore" = $22::float8, "consensusScore" = $23::float8, "cruxCount" = $24::int, "storyCount" = $25::int, "axisOuter" = $26::int,
    "axisInner" = $27::int, "axisBoth" = $28::int, "axisOther" = $29::int, "notesText" = $30::text, "labels" = $31::text[],
    "lastTaggedAt" = $14::timestamp(3), "updatedAt" = $14::timestamp(3)
  WHERE "id" = $2::uuid`;

/**
 * The statements that write the tag's new state (the tag, its revision, the claim's aggregates)
 * and record the live event; they close the transaction, so the thread's event lock is held only
 * while Postgres runs them and commits.
 */
function writeTag(claim: LockedClaim, next: LockedTag, actorId: string) {
  const deleted = next.deletedAt !== null;
  const live = claim.tags.filter((t) => t.deletedAt === null && t.userId !== next.userId);
  if (!deleted) live.push(next);
  const columns = claimColumns(live);
  const now = new Date();
  const tag = toTagView({ ...next, updatedAt: now }, next.userName);
  const payload = { claimId: claim.claimId, userId: next.userId, deleted, tag, aggregates: aggregateSummary(columns) };
  const write = inlineSql(WRITE_TAG_SQL, [
    next.id, claim.claimId, next.userId, next.axis, next.confidence, next.concreteStoryNeeded, next.crux, next.note, next.noteHtml, next.labels,
    next.version, next.deletedAt, next.createdAt, now, uuidv7(), deleted, actorId,
    columns.tagCount, columns.confCount, columns.confMean, columns.disagreement, columns.cruxScore, columns.consensusScore, columns.cruxCount,
    columns.storyCount, columns.axisOuter, columns.axisInner, columns.axisBoth, columns.axisOther, columns.notesText, columns.labels,
  ]);
  const event = inlineSql(RECORD_EVENT_SQL, [claim.threadId, 'tag', JSON.stringify(payload)]);
  return { result: { tag, deleted, aggregates: payload.aggregates }, close: `${write};\n${event}` };
}

/**
 * Creates or edits the caller's tag on a claim. Editing needs the version it was based on: a stale
 * one is a 409, never a silent overwrite. Every state is kept in TagRevision.
 */
export async function putTag(claimId: string, user: SessionUser, input: TagInput) {
  const { version, ...fields } = input;
  const noteHtml = fields.note ? renderNote(fields.note) : '';
  const where = { claimId };
  return inTwoTripTransaction(lockClaimSql(where), (opened) => {
    const claim = lockedClaim(opened, where);
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
    return writeTag(claim, next, user.id);
  });
}

/**
 * Soft-deletes a tag (restorable): the caller's own on the claim, or — for an admin — anyone's by
 * tag id. With a version, only if it is still that version.
 */
export async function deleteTag(target: { claimId: string } | { tagId: string }, user: SessionUser, version?: number) {
  return inTwoTripTransaction(lockClaimSql(target), (opened) => {
    const claim = lockedClaim(opened, target);
    const existing = 'tagId' in target ? claim.tags.find((t) => t.id === target.tagId) : claim.tags.find((t) => t.userId === user.id);
    if (!existing || existing.deletedAt) throw notFound('tagId' in target ? `No tag ${target.tagId}.` : 'You have no tag on this claim.');
    if (existing.userId !== user.id && user.role !== 'ADMIN') throw forbidden('This tag is someone else’s; only its tagger or an admin can delete it.');
    if (version !== undefined && version !== existing.version) {
      throw conflict(`The tag changed since version ${version} (it is at version ${existing.version}).`, 'version');
    }
    return writeTag(claim, { ...existing, version: existing.version + 1, deletedAt: new Date() }, user.id);
  });
}

/** Undoes a delete: the tag comes back as it was, as a new version. */
export async function restoreTag(claimId: string, user: SessionUser) {
  const where = { claimId };
  return inTwoTripTransaction(lockClaimSql(where), (opened) => {
    const claim = lockedClaim(opened, where);
    const existing = claim.tags.find((t) => t.userId === user.id);
    if (!existing) throw notFound('You have no tag on this claim.');
    if (!existing.deletedAt) throw conflict('This tag is not deleted.');
    return writeTag(claim, { ...existing, version: existing.version + 1, deletedAt: null }, user.id);
  });
}
