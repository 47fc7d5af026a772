import { confidenceDisagreement } from '@/lib/cruxes/disagreement';
import { isDisputed } from '@/lib/cruxes/disputed';
import { dominantAxis } from '@/lib/cruxes/dominant-axis';
import { AXES, type Axis, type ClaimView } from './types';

/** What a claim's highlight needs to know, the same whether the server or the browser draws it. */
export interface ClaimMarkSummary {
  axis: Axis;
  taggers: number;
  crux: boolean;
  disputed: boolean;
}

/** How one stretch of text covered by one or more claims is drawn, and what a screen reader says of it. */
export interface MarkLook {
  axis: Axis;
  /** 1–5: the highlight grows stronger with more taggers, up to five. */
  strength: number;
  crux: boolean;
  /** e.g. "claim, inner, disputed, 3 taggers". */
  label: string;
}

export function claimMarkSummary(claim: Pick<ClaimView, 'tags'>): ClaimMarkSummary {
  const counts = Object.fromEntries(AXES.map((axis) => [axis, 0])) as Record<Axis, number>;
  for (const tag of claim.tags) counts[tag.axis]++;
  return {
    axis: dominantAxis(counts),
    taggers: claim.tags.length,
    crux: claim.tags.some((tag) => tag.crux),
    disputed: isDisputed(confidenceDisagreement(claim.tags).disagreement),
  };
}

/** The look of a stretch covered by `claims` (at least one): the axis of the most tagged, the taggers of all. */
export function markLook(claims: readonly ClaimMarkSummary[]): MarkLook {
  const top = claims.reduce((a, b) => (b.taggers > a.taggers ? b : a));
  const taggers = claims.reduce((sum, claim) => sum + claim.taggers, 0);
  const crux = claims.some((claim) => claim.crux);
  const label = [
    claims.length === 1 ? 'claim' : `${claims.length} claims`,
    top.axis,
    ...(claims.some((claim) => claim.disputed) ? ['disputed'] : []),
    ...(crux ? ['crux'] : []),
    `${taggers} tagger${taggers === 1 ? '' : 's'}`,
  ].join(', ');
  return { axis: top.axis, strength: Math.max(1, Math.min(5, taggers)), crux, label };
}
