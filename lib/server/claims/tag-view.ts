import type { Axis, TagView } from '@/lib/claims/types';

export interface TagRow {
  id: string;
  claimId: string;
  userId: string;
  axis: Axis;
  confidence: number | null;
  concreteStoryNeeded: boolean;
  crux: boolean;
  note: string;
  noteHtml: string;
  labels: string[];
  version: number;
  deletedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export function toTagView(tag: TagRow, userName: string): TagView {
  return {
    id: tag.id,
    claimId: tag.claimId,
    userId: tag.userId,
    userName,
    axis: tag.axis,
    confidence: tag.confidence,
    concreteStoryNeeded: tag.concreteStoryNeeded,
    crux: tag.crux,
    note: tag.note,
    noteHtml: tag.noteHtml,
    labels: tag.labels,
    version: tag.version,
    createdAt: tag.createdAt.toISOString(),
    updatedAt: tag.updatedAt.toISOString(),
  };
}
