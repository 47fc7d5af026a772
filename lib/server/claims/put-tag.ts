import type { TagInput } from '@/lib/claims/tag-schema';
import { renderNote } from '@/lib/markdown/render-note';
import type { SessionUser } from '../auth/session';
import { uuidv7 } from '../db/uuid';
import { conflict, forbidden, notFound } from '../http/errors';
import type { Target } from './tag-batch-sql';
import { type TagWriteResult, tagWrites } from './tag-write-queue';

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
