import { AXES, type Axis } from '@/lib/claims/types';

/**
 * The axis a claim is filed under: the one most taggers chose. Ties: outer against inner — the
 * claim bears on both — is "both"; "both" tied with outer or inner is "both" too, since it covers
 * that one; outer or inner tied with "other" is the specific one. A claim without tags is "other".
 */
export function dominantAxis(counts: Record<Axis, number>): Axis {
  const most = Math.max(...AXES.map((axis) => counts[axis]));
  if (most === 0) return 'other';
  const leaders = new Set(AXES.filter((axis) => counts[axis] === most));
  if (leaders.size === 1) return [...leaders][0];
  if (leaders.has('both') || (leaders.has('outer') && leaders.has('inner'))) return 'both';
  return leaders.has('outer') ? 'outer' : 'inner';
}
