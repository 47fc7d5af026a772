import type { ClaimView } from '@/lib/claims/types';
import { dominantAxis } from '@/lib/cruxes/dominant-axis';

/** How a claim's highlight looks, by the same rule the server renders it with (lib/server/claims/highlights.ts). */
export function claimStyle(claim: ClaimView) {
  const counts = { outer: 0, inner: 0, both: 0, other: 0 };
  for (const tag of claim.tags) counts[tag.axis]++;
  return {
    axis: claim.tags.length ? dominantAxis(counts) : null,
    taggers: claim.tags.length,
    crux: claim.tags.some((t) => t.crux),
  };
}
