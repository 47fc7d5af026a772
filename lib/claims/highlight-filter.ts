import { type AxisGroup, axisGroup } from '@/lib/cruxes/axis-group';
import { claimMarkSummary } from './highlight-look';
import type { ClaimSummary } from './types';

/** Which highlights the reader keeps bright; the others fade. Every part left at its default lets all through. */
export interface HighlightFilter {
  /** An axis group as on the crux page ("split": some outer, some inner), or null for any. */
  axis: AxisGroup | null;
  /** A user id: only claims this tagger tagged. */
  tagger: string | null;
  crux: boolean;
  disputed: boolean;
  mine: boolean;
}

export const NO_FILTER: HighlightFilter = { axis: null, tagger: null, crux: false, disputed: false, mine: false };

export function filterIsActive(filter: HighlightFilter): boolean {
  return filter.axis !== null || filter.tagger !== null || filter.crux || filter.disputed || filter.mine;
}

/** Whether a claim passes every part of the filter that is set; "mine" with nobody signed in passes none. */
export function claimPasses(
  claim: Pick<ClaimSummary, 'tags'>,
  filter: HighlightFilter,
  userId: string | null,
): boolean {
  if (claim.tags.length === 0) return false;
  const summary = claimMarkSummary(claim);
  if (filter.axis !== null && axisGroup(summary.axes) !== filter.axis) return false;
  if (filter.tagger !== null && !claim.tags.some((tag) => tag.userId === filter.tagger)) return false;
  if (filter.crux && !summary.crux) return false;
  if (filter.disputed && !summary.disputed) return false;
  if (filter.mine && (userId === null || !claim.tags.some((tag) => tag.userId === userId))) return false;
  return true;
}
