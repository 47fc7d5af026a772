import { z } from 'zod';

const ids = z.preprocess(
  (value) => (Array.isArray(value) ? value : String(value).split(',')).map((v) => String(v).trim()).filter(Boolean),
  z.array(z.uuid('taggers must be user ids, comma-separated.')).max(100, 'At most 100 taggers in a group.'),
);

/** Query of the crux page and exports: format, tagger group, minimum taggers (and thread, across threads). */
export const cruxQuerySchema = z.object({
  format: z
    .enum(['html', 'md', 'json', 'csv', 'w3c', 'hypothesis'], {
      error: 'format must be one of html, md, json, csv, w3c, hypothesis.',
    })
    .default('json'),
  thread: z
    .string()
    .regex(/^[a-z0-9-]{1,80}$/, 'thread must be a thread slug.')
    .optional(),
  taggers: ids.optional(),
  /** A group's layer instead of the public one (members only). */
  group: z.uuid({ error: (issue) => `No group ${String(issue.input)}.` }).optional(),
  minTaggers: z.coerce
    .number({ error: 'minTaggers must be a whole number.' })
    .int('minTaggers must be a whole number.')
    .min(1, 'minTaggers is at least 1.')
    .max(1000)
    .optional(),
});

export type CruxQuery = z.infer<typeof cruxQuerySchema>;
