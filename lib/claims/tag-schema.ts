import { z } from 'zod';
import { MAX_LABEL_LENGTH, MAX_LABELS } from './limits';
import { AXES } from './types';

export { MAX_LABEL_LENGTH, MAX_LABELS, MAX_NOTE_LENGTH } from './limits';

const label = z
  .string()
  .trim()
  .min(1, 'A label cannot be empty.')
  .max(MAX_LABEL_LENGTH, `A label is at most ${MAX_LABEL_LENGTH} characters.`)
  .refine((value) => ![...value].some((char) => char.charCodeAt(0) < 32 || char === '<' || char === '>'), {
    message: 'A label cannot contain control characters or < >.',
  });

/** One schema for the tag box and the server: what a tagger says about a claim. */
export const tagInputSchema = z.object({
  axis: z.enum(AXES, { error: 'axis must be one of outer, inner, both, other.' }),
  /** The tagger's credence that the claim is true, in percent; null for "no opinion". */
  confidence: z
    .number()
    .int('confidence must be a whole percentage.')
    .min(0, 'confidence is 0–100.')
    .max(100, 'confidence is 0–100.')
    .nullable()
    .default(null),
  concreteStoryNeeded: z.boolean().default(false),
  crux: z.boolean().default(false),
  note: z.string().default(''),
  labels: z.array(label).max(MAX_LABELS, `At most ${MAX_LABELS} labels.`).default([]),
  /** The version this edit is based on; required when the tag exists, so no edit overwrites another unseen. */
  version: z.number().int().positive().optional(),
});

export type TagInput = z.infer<typeof tagInputSchema>;
