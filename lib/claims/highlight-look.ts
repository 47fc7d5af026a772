import { type AxisGroup, axisGroup } from '@/lib/cruxes/axis-group';
import { confidenceDisagreement } from '@/lib/cruxes/disagreement';
import { isDisputed } from '@/lib/cruxes/disputed';
import { AXES, type Axis, type ClaimSummary } from './types';

/** What a claim's highlight needs to know, the same whether the server or the browser draws it. */
export interface ClaimMarkSummary {
  /** Taggers per axis. */
  axes: Record<Axis, number>;
  taggers: number;
  crux: boolean;
  disputed: boolean;
}

/** One band of the underline: an axis and the share of taggers who chose it, as percent offsets. */
export interface Stripe {
  axis: Axis;
  from: number;
  to: number;
}

/** How one stretch of text covered by one or more claims is drawn, and what a screen reader says of it. */
export interface MarkLook {
  /** The tint and the filter's axis: as on the crux page, "split" when some chose outer and others inner. */
  group: AxisGroup;
  /** The underline, one band per axis chosen, as wide as its share of the taggers, in AXES order. */
  stripes: Stripe[];
  /** 1–5: the tint grows stronger with more taggers, up to five. */
  strength: number;
  crux: boolean;
  disputed: boolean;
  /** e.g. "claim, split between outer and inner, disputed, 3 taggers". */
  label: string;
}

const noAxes = () => Object.fromEntries(AXES.map((axis) => [axis, 0])) as Record<Axis, number>;

export function claimMarkSummary(claim: Pick<ClaimSummary, 'tags'>): ClaimMarkSummary {
  const axes = noAxes();
  for (const tag of claim.tags) axes[tag.axis]++;
  return {
    axes,
    taggers: claim.tags.length,
    crux: claim.tags.some((tag) => tag.crux),
    disputed: isDisputed(confidenceDisagreement(claim.tags).disagreement),
  };
}

const GROUP_WORDS: Record<AxisGroup, string> = {
  outer: 'outer',
  inner: 'inner',
  split: 'split between outer and inner',
  both: 'both',
  other: 'other',
};

/**
 * The look of a stretch covered by `claims` (at least one). Overlapping claims are added up —
 * their axis counts summed, disputed or crux if any is — so the look depends only on which claims
 * cover the stretch, never on the order they arrived in: the page after a reload looks exactly as
 * it did live.
 */
export function markLook(claims: readonly ClaimMarkSummary[]): MarkLook {
  const axes = noAxes();
  for (const claim of claims) for (const axis of AXES) axes[axis] += claim.axes[axis];
  const chosen = AXES.reduce((sum, axis) => sum + axes[axis], 0);
  const stripes: Stripe[] = [];
  let from = 0;
  for (const axis of AXES) {
    if (axes[axis] === 0) continue;
    const to = from + (100 * axes[axis]) / chosen;
    stripes.push({ axis, from: Math.round(from * 100) / 100, to: Math.round(to * 100) / 100 });
    from = to;
  }
  const taggers = claims.reduce((sum, claim) => sum + claim.taggers, 0);
  const group = axisGroup(axes);
  const crux = claims.some((claim) => claim.crux);
  const disputed = claims.some((claim) => claim.disputed);
  const label = [
    claims.length === 1 ? 'claim' : `${claims.length} claims`,
    GROUP_WORDS[group],
    ...(disputed ? ['disputed'] : []),
    ...(crux ? ['crux'] : []),
    `${taggers} tagger${taggers === 1 ? '' : 's'}`,
  ].join(', ');
  return { group, stripes, strength: Math.max(1, Math.min(5, taggers)), crux, disputed, label };
}

/** The underline as a CSS gradient with hard stops, set on the mark as its `--mix`. */
export function stripesGradient(stripes: readonly Stripe[]): string {
  const stops = stripes.map(({ axis, from, to }) => `var(--color-${axis}) ${from}% ${to}%`);
  return `linear-gradient(90deg,${stops.join(',')})`;
}

/** Every attribute a mark carries, by name, so the server's HTML and the browser's DOM match exactly. */
export function markAttributes(look: MarkLook): Record<string, string | null> {
  return {
    'data-axis': look.group,
    'data-strength': String(look.strength),
    'data-crux': look.crux ? 'true' : null,
    'data-disputed': look.disputed ? 'true' : null,
    'data-label': look.label,
    style: `--mix:${stripesGradient(look.stripes)}`,
  };
}
