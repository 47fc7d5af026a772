import type { TagInput } from '@/lib/claims/tag-schema';
import { renderNote } from '@/lib/markdown/render-note';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { SessionUser } from '../auth/session';
import { db } from '../db/client';
import { conflict, forbidden, notFound } from '../http/errors';
import { publishThreadEvent } from '../events/publish';
import { refreshClaimAggregates } from './refresh-aggregates';
import { type TagRow, tagSelect, toTagView } from './tag-view';

type Tx = Prisma.TransactionClient;

/** Locks the claim row: tag writes on one claim run one at a time, so its aggregates stay exact. */
async function lockClaim(tx: Tx, claimId: string) {
  const rows = await tx.$queryRaw<{ id: string; threadId: string }[]>`
    SELECT "id", "threadId" FROM "Claim" WHERE "id" = ${claimId}::uuid FOR UPDATE`;
  if (!rows[0]) throw notFound(`No claim ${claimId}.`);
  return rows[0];
}

function revisionOf(tag: TagRow, byUserId: string, deleted: boolean) {
  return {
    tagId: tag.id,
    version: tag.version,
    axis: tag.axis,
    confidence: tag.confidence,
    concreteStoryNeeded: tag.concreteStoryNeeded,
    crux: tag.crux,
    note: tag.note,
    labels: tag.labels,
    deleted,
    byUserId,
  };
}

async function finish(tx: Tx, claim: { id: string; threadId: string }, tag: TagRow, actor: SessionUser, deleted: boolean) {
  await tx.tagRevision.create({ data: revisionOf(tag, actor.id, deleted) });
  const summary = await refreshClaimAggregates(tx, claim.id);
  const owner = tag.userId === actor.id ? actor.name : (await tx.user.findUniqueOrThrow({ where: { id: tag.userId }, select: { name: true } })).name;
  const view = toTagView(tag, owner);
  await publishThreadEvent(tx, claim.threadId, 'tag', {
    claimId: claim.id,
    userId: tag.userId,
    deleted,
    tag: view as unknown as Prisma.InputJsonValue,
    aggregates: summary as unknown as Prisma.InputJsonValue,
  });
  return { tag: view, deleted, aggregates: summary };
}

/**
 * Creates or edits the caller's tag on a claim. Editing needs the version it was based on: a stale
 * one is a 409, never a silent overwrite. Every state is kept in TagRevision.
 */
export async function putTag(claimId: string, user: SessionUser, input: TagInput) {
  const { version, ...given } = input;
  const fields = { ...given, noteHtml: given.note ? renderNote(given.note) : '' };
  return db.$transaction(async (tx) => {
    const claim = await lockClaim(tx, claimId);
    const existing = await tx.tag.findUnique({ where: { claimId_userId: { claimId, userId: user.id } }, select: tagSelect });
    let tag: TagRow;
    if (!existing) {
      tag = await tx.tag.create({ data: { ...fields, claimId, userId: user.id }, select: tagSelect });
    } else {
      if (version === undefined && !existing.deletedAt) {
        throw conflict(`You have tagged this claim already (version ${existing.version}); send that version to edit it.`, 'version');
      }
      if (version !== undefined && version !== existing.version) {
        throw conflict(`Your tag changed since version ${version} (it is at version ${existing.version}); reload and edit again.`, 'version');
      }
      tag = await tx.tag.update({
        where: { id: existing.id },
        data: { ...fields, deletedAt: null, version: existing.version + 1 },
        select: tagSelect,
      });
    }
    return finish(tx, claim, tag, user, false);
  });
}

/**
 * Soft-deletes a tag (restorable): the caller's own on the claim, or — for an admin — anyone's by
 * tag id. With a version, only if it is still that version.
 */
export async function deleteTag(target: { claimId: string } | { tagId: string }, user: SessionUser, version?: number) {
  return db.$transaction(async (tx) => {
    const found = 'tagId' in target
      ? await tx.tag.findUnique({ where: { id: target.tagId }, select: tagSelect })
      : await tx.tag.findUnique({ where: { claimId_userId: { claimId: target.claimId, userId: user.id } }, select: tagSelect });
    if (!found || found.deletedAt) throw notFound('tagId' in target ? `No tag ${target.tagId}.` : 'You have no tag on this claim.');
    if (found.userId !== user.id && user.role !== 'ADMIN') throw forbidden('This tag is someone else’s; only its tagger or an admin can delete it.');
    const claim = await lockClaim(tx, found.claimId);
    const existing = await tx.tag.findUniqueOrThrow({ where: { id: found.id }, select: tagSelect });
    if (existing.deletedAt) throw notFound('This tag was deleted meanwhile.');
    if (version !== undefined && version !== existing.version) {
      throw conflict(`Your tag changed since version ${version} (it is at version ${existing.version}).`, 'version');
    }
    const tag = await tx.tag.update({
      where: { id: existing.id },
      data: { deletedAt: new Date(), version: existing.version + 1 },
      select: tagSelect,
    });
    return finish(tx, claim, tag, user, true);
  });
}

/** Undoes a delete: the tag comes back as it was, as a new version. */
export async function restoreTag(claimId: string, user: SessionUser) {
  return db.$transaction(async (tx) => {
    const claim = await lockClaim(tx, claimId);
    const existing = await tx.tag.findUnique({ where: { claimId_userId: { claimId, userId: user.id } }, select: tagSelect });
    if (!existing) throw notFound('You have no tag on this claim.');
    if (!existing.deletedAt) throw conflict('This tag is not deleted.');
    const tag = await tx.tag.update({
      where: { id: existing.id },
      data: { deletedAt: null, version: existing.version + 1 },
      select: tagSelect,
    });
    return finish(tx, claim, tag, user, false);
  });
}
