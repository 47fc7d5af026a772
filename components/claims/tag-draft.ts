import type { Axis, TagView } from '@/lib/claims/types';

/** What the tag box edits: a tag's fields, before it is saved. Apart from the box, which loads when first opened. */
export interface TagDraft {
  axis: Axis;
  confidence: number | null;
  concreteStoryNeeded: boolean;
  crux: boolean;
  note: string;
  labels: string[];
}

export function draftFrom(tag: TagView | undefined): TagDraft {
  return tag
    ? {
        axis: tag.axis,
        confidence: tag.confidence,
        concreteStoryNeeded: tag.concreteStoryNeeded,
        crux: tag.crux,
        note: tag.note,
        labels: tag.labels,
      }
    : { axis: 'outer', confidence: null, concreteStoryNeeded: false, crux: false, note: '', labels: [] };
}
