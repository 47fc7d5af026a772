import type { Axis } from '@/lib/claims/types';
import { displayNames } from '@/lib/users/display-names';
import { db } from '../db/client';

/** One stored state of a tag on a claim: every edit, delete and restore is one, in the order written. */
export interface TagRevisionView {
  tagId: string;
  userId: string;
  userName: string;
  version: number;
  axis: Axis;
  confidence: number | null;
  concreteStoryNeeded: boolean;
  crux: boolean;
  note: string;
  labels: string[];
  deleted: boolean;
  createdAt: string;
}

/** Every revision of every tag on a claim, oldest first (the tags' history as the claim card shows it). */
export async function claimTagHistory(claimId: string): Promise<TagRevisionView[]> {
  const revisions = await db.tagRevision.findMany({
    where: { tag: { claimId } },
    orderBy: [{ createdAt: 'asc' }, { version: 'asc' }],
    include: { tag: { select: { userId: true, user: { select: { name: true } } } } },
  });
  const names = displayNames(revisions.map((r) => ({ id: r.tag.userId, name: r.tag.user.name })));
  return revisions.map((r) => ({
    tagId: r.tagId,
    userId: r.tag.userId,
    userName: names.get(r.tag.userId) ?? r.tag.user.name,
    version: r.version,
    axis: r.axis,
    confidence: r.confidence,
    concreteStoryNeeded: r.concreteStoryNeeded,
    crux: r.crux,
    note: r.note,
    labels: r.labels,
    deleted: r.deleted,
    createdAt: r.createdAt.toISOString(),
  }));
}
