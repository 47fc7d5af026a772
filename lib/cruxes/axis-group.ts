import type { Axis } from '@/lib/claims/types';
import { dominantAxis } from './dominant-axis';

/** Where a claim is filed on the crux page: one of the axes, or "split" when its taggers chose opposite ones. */
export type AxisGroup = Axis | 'split';

/** Page and export order: the two sides, the claims torn between them, then the rest. */
export const AXIS_GROUPS = ['outer', 'inner', 'split', 'both', 'other'] as const satisfies readonly AxisGroup[];

/**
 * The group of a claim from its axis counts. Some taggers saying outer and others inner is a split,
 * whatever the counts: filing it under "both", which nobody chose, would hide that readers disagree
 * about which problem it is. Otherwise the axis most taggers chose (dominantAxis).
 */
export function axisGroup(counts: Record<Axis, number>): AxisGroup {
  if (counts.outer > 0 && counts.inner > 0) return 'split';
  return dominantAxis(counts);
}

export const AXIS_GROUP_TITLES: Record<AxisGroup, string> = {
  outer: 'Outer alignment',
  inner: 'Inner alignment',
  split: 'Split between outer and inner',
  both: 'Both outer and inner',
  other: 'Other',
};
