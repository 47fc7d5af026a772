import type { Statement } from '../db/pg-pool';
import { recordEvents } from '../events/publish';
import type { aggregateSummary, ClaimColumns } from './claim-columns';
import type { TagView } from '@/lib/claims/types';
import type { TagRow } from './tag-view';

/** A tag as locked for writing: the stored row and its tagger's name. */
export type LockedTag = TagRow & { userName: string };

export interface LockedClaim {
  claimId: string;
  threadId: string;
  /** The claim's layer: its events go only to that layer's streams. */
  groupId: string | null;
  tags: LockedTag[];
}

/** What a write acts on: a claim (the caller's tag on it), or one tag by its id. */
export type Target = { claimId: string } | { tagId: string };

/** A decided write: the tag's new state, its revision and its live event, and the claim's aggregates after it. */
export interface Written {
  claim: LockedClaim;
  tag: LockedTag;
  revision: { id: string; deleted: boolean; byUserId: string; at: Date };
  columns: ClaimColumns;
  result: { tag: TagView; deleted: boolean; aggregates: ReturnType<typeof aggregateSummary> };
}

/** The claims a batch targets — by id, or as the claim of a tag — from the two id lists $1 and $2. */
const TARGETED_CLAIMS = `SELECT unnest($1::uuid[]) UNION SELECT "claimId" FROM "Tag" WHERE "id" = ANY($2::uuid[])`;

const LOCK_CLAIMS = `SELECT "id", "threadId", "groupId" FROM "Claim" WHERE "id" IN (${TARGETED_CLAIMS}) ORDER BY "id" FOR UPDATE`;

const READ_TAGS = `
  SELECT t."id", t."claimId", t."userId", u."name" AS "userName", t."axis", t."confidence", t."concreteStoryNeeded", t."crux",
         t."note", t."noteHtml", t."labels", t."version", t."deletedAt", t."createdAt", t."updatedAt"
  FROM "Tag" t JOIN "User" u ON u."id" = t."userId"
  WHERE t."claimId" IN (${TARGETED_CLAIMS}) ORDER BY t."id"`;

/**
 * Locks the claim rows (in id order, so two batches never wait on each other in a cycle), then
 * reads every tag on them: tag writes on one claim run one at a time, so their versions and the
 * claim's aggregates stay exact. Two statements on purpose: a locking read that had to wait sees
 * the locked row's newest version but joined rows from its older snapshot, so the tags are read by
 * the next statement, which takes a fresh snapshot once the locks are held. Tags come in the order
 * they were made, so the claim's searchable notes read the same whichever write recomputed them.
 */
export function lockClaimsStatements(targets: Target[]): Statement[] {
  const claimIds = [...new Set(targets.flatMap((t) => ('claimId' in t ? [t.claimId] : [])))];
  const tagIds = [...new Set(targets.flatMap((t) => ('tagId' in t ? [t.tagId] : [])))];
  return [
    { text: LOCK_CLAIMS, values: [claimIds, tagIds] },
    { text: READ_TAGS, values: [claimIds, tagIds] },
  ];
}

/** Every tag in its last state (one upsert), and a revision per write joined to the upserted rows. */
const WRITE_TAGS = `
  WITH tag AS (
    INSERT INTO "Tag" ("id", "claimId", "userId", "axis", "confidence", "concreteStoryNeeded", "crux", "note", "noteHtml", "labels",
                       "version", "deletedAt", "createdAt", "updatedAt")
    SELECT * FROM jsonb_to_recordset($1::jsonb) AS t(
      "id" uuid, "claimId" uuid, "userId" uuid, "axis" "Axis", "confidence" int, "concreteStoryNeeded" boolean, "crux" boolean,
      "note" text, "noteHtml" text, "labels" text[], "version" int, "deletedAt" timestamp(3), "createdAt" timestamp(3),
      "updatedAt" timestamp(3))
    ON CONFLICT ("claimId", "userId") DO UPDATE SET
      "axis" = EXCLUDED."axis", "confidence" = EXCLUDED."confidence", "concreteStoryNeeded" = EXCLUDED."concreteStoryNeeded",
      "crux" = EXCLUDED."crux", "note" = EXCLUDED."note", "noteHtml" = EXCLUDED."noteHtml", "labels" = EXCLUDED."labels",
      "version" = EXCLUDED."version", "deletedAt" = EXCLUDED."deletedAt", "updatedAt" = EXCLUDED."updatedAt"
    RETURNING "id", "claimId", "userId"
  )
  INSERT INTO "TagRevision" ("id", "tagId", "version", "axis", "confidence", "concreteStoryNeeded", "crux", "note", "labels",
                             "deleted", "byUserId", "createdAt")
  SELECT r."id", tag."id", r."version", r."axis", r."confidence", r."concreteStoryNeeded", r."crux", r."note", r."labels",
         r."deleted", r."byUserId", r."at"
  FROM jsonb_to_recordset($2::jsonb) AS r(
    "id" uuid, "claimId" uuid, "userId" uuid, "version" int, "axis" "Axis", "confidence" int, "concreteStoryNeeded" boolean,
    "crux" boolean, "note" text, "labels" text[], "deleted" boolean, "byUserId" uuid, "at" timestamp(3))
  JOIN tag ON tag."claimId" = r."claimId" AND tag."userId" = r."userId"`;

/** Each claim's aggregates as its last write left them (one update). */
const WRITE_CLAIMS = `
  UPDATE "Claim" c SET "tagCount" = v."tagCount", "confCount" = v."confCount", "confMean" = v."confMean",
    "disagreement" = v."disagreement", "cruxScore" = v."cruxScore", "consensusScore" = v."consensusScore",
    "cruxCount" = v."cruxCount", "storyCount" = v."storyCount", "axisOuter" = v."axisOuter", "axisInner" = v."axisInner",
    "axisBoth" = v."axisBoth", "axisOther" = v."axisOther", "notesText" = v."notesText", "labels" = v."labels",
    "lastTaggedAt" = v."at", "updatedAt" = v."at"
  FROM jsonb_to_recordset($1::jsonb) AS v(
    "id" uuid, "tagCount" int, "confCount" int, "confMean" float8, "disagreement" float8, "cruxScore" float8,
    "consensusScore" float8, "cruxCount" int, "storyCount" int, "axisOuter" int, "axisInner" int, "axisBoth" int,
    "axisOther" int, "notesText" text, "labels" text[], "at" timestamp(3))
  WHERE c."id" = v."id"`;

/**
 * The statements that close a batch, set-based whatever its size, each with its rows as one JSON
 * parameter: every tag in its last state (a tag written twice in the batch is upserted once) with a
 * revision per write, each claim's aggregates as its last write left them, and the events, thread
 * by thread in thread id order (so two batches take the threads' event locks in the same order),
 * each thread's in arrival order. The thread's event lock is held only while Postgres runs them and
 * commits.
 */
export function closeBatchStatements(written: Written[]): Statement[] {
  if (!written.length) return [];
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
  const tags = [...lastTag.values()].map(({ tag, revision }) => {
    const { userName: _, ...row } = tag;
    return { ...row, updatedAt: revision.at };
  });
  const revisions = written.map(({ tag: t, revision: r }) => ({
    id: r.id,
    claimId: t.claimId,
    userId: t.userId,
    version: t.version,
    axis: t.axis,
    confidence: t.confidence,
    concreteStoryNeeded: t.concreteStoryNeeded,
    crux: t.crux,
    note: t.note,
    labels: t.labels,
    deleted: r.deleted,
    byUserId: r.byUserId,
    at: r.at,
  }));
  const claims = [...lastOfClaim.values()].map(({ claim, columns, revision }) => ({
    id: claim.claimId,
    ...columns,
    at: revision.at,
  }));
  const events = [...byThread.keys()].sort().map((threadId) =>
    recordEvents(
      threadId,
      (byThread.get(threadId) ?? []).map((w) => ({
        type: 'tag' as const,
        payload: { claimId: w.claim.claimId, group: w.claim.groupId, userId: w.tag.userId, ...w.result },
      })),
    ),
  );
  return [
    { text: WRITE_TAGS, values: [JSON.stringify(tags), JSON.stringify(revisions)] },
    { text: WRITE_CLAIMS, values: [JSON.stringify(claims)] },
    ...events,
  ];
}
