import { AXES, type Axis } from '@/lib/claims/types';

/** How Crux Reader's tag fields are spelt in Web Annotation bodies (docs/formats/w3c.md). */

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** The same context over https, which some tools write; accepted on import. */
export const ANNO_CONTEXT_HTTPS = 'https://www.w3.org/ns/anno.jsonld';

/** A tag assesses a claim: how likely it is true, whether it is a crux. Bodies carry the finer purposes. */
export const MOTIVATION = 'assessing';

export const CRUX_TAG = 'crux';
export const STORY_TAG = 'concrete-story-needed';
const AXIS_PREFIX = 'axis:';
/** Labels are prefixed so that a label spelt "crux" or "axis:inner" stays a label. */
const LABEL_PREFIX = 'label:';

export const axisTag = (axis: Axis) => `${AXIS_PREFIX}${axis}`;
export const labelTag = (label: string) => `${LABEL_PREFIX}${label}`;

/** What a tagging body's value means; a tag without a known prefix (another tool's) is a label. */
export type TagValue =
  | { kind: 'axis'; axis: Axis }
  | { kind: 'unknown-axis'; value: string }
  | { kind: 'crux' }
  | { kind: 'story' }
  | { kind: 'label'; label: string };

export function readTag(value: string): TagValue {
  if (value === CRUX_TAG) return { kind: 'crux' };
  if (value === STORY_TAG) return { kind: 'story' };
  if (value.startsWith(LABEL_PREFIX)) return { kind: 'label', label: value.slice(LABEL_PREFIX.length) };
  if (value.startsWith(AXIS_PREFIX)) {
    const axis = value.slice(AXIS_PREFIX.length);
    return (AXES as readonly string[]).includes(axis)
      ? { kind: 'axis', axis: axis as Axis }
      : { kind: 'unknown-axis', value: axis };
  }
  return { kind: 'label', label: value };
}

/** Confidence 0–100 as the W3C assessing value: a probability written in decimal, 85 → "0.85". */
export function confidenceValue(confidence: number): string {
  return String(confidence / 100);
}

/** The confidence (0–100) in an assessing value, or null when it is not a probability from "0" to "1". */
export function readConfidence(value: string): number | null {
  if (!/^(0|1)(\.\d+)?$/.test(value.trim())) return null;
  const probability = Number(value);
  if (probability > 1) return null;
  // 0.57 × 100 is 56.99999999999999 in binary floating point; nine decimals are more than any tagger gives.
  return Math.round(probability * 100 * 1e9) / 1e9;
}
