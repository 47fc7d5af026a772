import { AXES, type Axis } from '@/lib/claims/types';

/**
 * How Crux Reader's tag fields are spelt in Web Annotation bodies and Hypothesis tags
 * (docs/formats/w3c.md, docs/formats/hypothesis.md): one vocabulary for both, so a Hypothesis
 * user can tag `axis:inner` or `confidence:80` and Crux Reader reads its fields.
 */

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** The same context over https, which some tools write; accepted on import. */
export const ANNO_CONTEXT_HTTPS = 'https://www.w3.org/ns/anno.jsonld';
/** The media type of an annotation answered on its own IRI (Web Annotation Protocol §4.1). */
export const ANNO_MEDIA_TYPE = `application/ld+json; profile="${ANNO_CONTEXT}"`;

/** A tag assesses a claim: how likely it is true, whether it is a crux. Bodies carry the finer purposes. */
export const MOTIVATION = 'assessing';

export const CRUX_TAG = 'crux';
export const STORY_TAG = 'concrete-story-needed';
/** The shorter spelling a Hypothesis user may type; read, never written. */
const STORY_TAG_SHORT = 'concrete-story';
const AXIS_PREFIX = 'axis:';
const CONFIDENCE_PREFIX = 'confidence:';
/** Labels are prefixed so that a label spelt "crux" or "axis:inner" stays a label. */
const LABEL_PREFIX = 'label:';

export const axisTag = (axis: Axis) => `${AXIS_PREFIX}${axis}`;
export const labelTag = (label: string) => `${LABEL_PREFIX}${label}`;
/** Confidence as a Hypothesis tag: 85 → "confidence:85". */
export const confidenceTag = (confidence: number) => `${CONFIDENCE_PREFIX}${confidence}`;

/** What a tagging body's value (or a Hypothesis tag) means; a tag without a known spelling is a label. */
export type TagValue =
  | { kind: 'axis'; axis: Axis }
  | { kind: 'unknown-axis'; value: string }
  | { kind: 'confidence'; confidence: number }
  | { kind: 'bad-confidence'; value: string }
  | { kind: 'crux' }
  | { kind: 'story' }
  | { kind: 'label'; label: string };

export function readTag(value: string): TagValue {
  if (value === CRUX_TAG) return { kind: 'crux' };
  if (value === STORY_TAG || value === STORY_TAG_SHORT) return { kind: 'story' };
  if (value.startsWith(LABEL_PREFIX)) return { kind: 'label', label: value.slice(LABEL_PREFIX.length) };
  if (value.startsWith(AXIS_PREFIX)) {
    const axis = value.slice(AXIS_PREFIX.length);
    return (AXES as readonly string[]).includes(axis)
      ? { kind: 'axis', axis: axis as Axis }
      : { kind: 'unknown-axis', value: axis };
  }
  if (value.startsWith(CONFIDENCE_PREFIX)) {
    const percent = value.slice(CONFIDENCE_PREFIX.length).trim().replace(/%$/, '');
    const confidence = /^\d{1,3}$/.test(percent) ? Number(percent) : Number.NaN;
    return confidence <= 100 ? { kind: 'confidence', confidence } : { kind: 'bad-confidence', value: percent };
  }
  return { kind: 'label', label: value };
}

/** A label as a Hypothesis tag: as it is, unless it would read as one of the fields (then prefixed). */
export function hypothesisLabelTag(label: string): string {
  const read = readTag(label);
  return read.kind === 'label' && read.label === label ? label : labelTag(label);
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
