import type { TagSummary } from '@/lib/claims/types';

/**
 * Where a tagger stands on a claim. Agree at 60 or more, disagree at 40 or less: people who mean
 * "no idea" rarely type exactly 50, so the ten points either side of it count as unsure rather
 * than as a lean. "unrated" is a tag without a confidence; "untagged", no tag at all.
 */
export type Side = 'agree' | 'disagree' | 'unsure' | 'unrated' | 'untagged';

export const SIDE_THRESHOLDS = { agree: 60, disagree: 40 } as const;

export function sideOf(tag: Pick<TagSummary, 'confidence'> | undefined): Side {
  if (!tag) return 'untagged';
  if (tag.confidence === null) return 'unrated';
  if (tag.confidence >= SIDE_THRESHOLDS.agree) return 'agree';
  if (tag.confidence <= SIDE_THRESHOLDS.disagree) return 'disagree';
  return 'unsure';
}
