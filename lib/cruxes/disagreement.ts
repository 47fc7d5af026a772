import type { Axis, TagSummary } from '@/lib/claims/types';
import { shrink } from './smoothing';
import { spread } from './spread';

/**
 * Confidence disagreement: the spread of the taggers' confidences on the 0–1 scale, shrunk by the
 * number of taggers who gave one:
 *
 *   disagreement = spread(cᵢ / 100) × n / (n + 4)
 *
 * so 10 % against 90 % among twenty taggers scores 0.8 × 20/24 ≈ 0.67, between two 0.8 × 2/6 ≈ 0.27.
 */
export function confidenceDisagreement(tags: readonly Pick<TagSummary, 'confidence'>[]): {
  spread: number;
  disagreement: number;
} {
  const values = tags.flatMap((tag) => (tag.confidence === null ? [] : [tag.confidence / 100]));
  const raw = spread(values);
  return { spread: raw, disagreement: shrink(raw, values.length) };
}

/**
 * Where each axis stands on the outer–inner line: "both" halfway, so outer against inner is a full
 * split, outer against both half of one, and everyone saying "both" no split at all. "other" takes
 * no side on that question and is left out.
 */
const AXIS_POSITION: Partial<Record<Axis, number>> = { outer: 0, both: 0.5, inner: 1 };

/**
 * Axis disagreement: the same spread over the taggers' places on the outer–inner line, shrunk by
 * how many took a place (m):
 *
 *   axisDisagreement = spread(position(axisᵢ)) × m / (m + 4)
 *
 * For outer and inner alone that is 4·p·(1 − p), p the share saying outer: 1 at an even split.
 */
export function axisDisagreement(tags: readonly Pick<TagSummary, 'axis'>[]): {
  axisSplit: number;
  axisDisagreement: number;
} {
  const positions = tags.flatMap((tag) => {
    const position = AXIS_POSITION[tag.axis];
    return position === undefined ? [] : [position];
  });
  const raw = spread(positions);
  return { axisSplit: raw, axisDisagreement: shrink(raw, positions.length) };
}

/**
 * Share of taggers who flagged the claim, shrunk like the rest:
 *
 *   share = flagged / (taggers + 4)
 *
 * (= flagged/taggers × taggers/(taggers + 4)), so one crux mark out of one tagger counts 0.2, not 1.
 */
export function flagShare(flagged: number, taggers: number): number {
  return taggers === 0 ? 0 : shrink(flagged / taggers, taggers);
}
