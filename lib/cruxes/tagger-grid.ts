import type { ClaimSummary } from '@/lib/claims/types';
import { compareText } from './order';
import { type Side, sideOf } from './sides';

export interface Tagger {
  userId: string;
  userName: string;
}

/** Who stands where on each top crux: `rows[i].sides[j]` is tagger j's side on crux i. */
export interface TaggerGrid {
  taggers: Tagger[];
  rows: { claimId: string; sides: Side[] }[];
}

/**
 * The tagger × crux grid. Columns: the tagger group, in the order given, when there is one;
 * otherwise everyone who tagged a top crux, most cruxes tagged first, then by name. Names come from
 * any tag in `allClaims`; a group member who tagged nothing there is shown by id.
 */
export function taggerGrid(
  cruxes: readonly ClaimSummary[],
  allClaims: readonly ClaimSummary[],
  group: readonly string[] | null,
): TaggerGrid {
  const names = new Map(allClaims.flatMap((claim) => claim.tags.map((tag) => [tag.userId, tag.userName] as const)));
  let taggers: Tagger[];
  if (group) {
    taggers = group.map((userId) => ({ userId, userName: names.get(userId) ?? userId }));
  } else {
    const tagged = new Map<string, number>();
    for (const tag of cruxes.flatMap((claim) => claim.tags)) tagged.set(tag.userId, (tagged.get(tag.userId) ?? 0) + 1);
    taggers = [...tagged]
      .sort(
        ([a, countA], [b, countB]) =>
          countB - countA || compareText(names.get(a) ?? a, names.get(b) ?? b) || compareText(a, b),
      )
      .map(([userId]) => ({ userId, userName: names.get(userId) ?? userId }));
  }
  return {
    taggers,
    rows: cruxes.map((claim) => ({
      claimId: claim.id,
      sides: taggers.map(({ userId }) => sideOf(claim.tags.find((tag) => tag.userId === userId))),
    })),
  };
}
