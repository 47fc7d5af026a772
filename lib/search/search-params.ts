import { z } from 'zod';
import { AXES } from '@/lib/claims/types';

export const SORTS = ['relevance', 'disagreement', 'tagged', 'newest'] as const;
export type SearchSort = (typeof SORTS)[number];

/** A list parameter: repeated (`axis=a&axis=b`) or comma-separated (`axis=a,b`). */
const list = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (value) => (Array.isArray(value) ? value : String(value).split(',')).map((v) => String(v).trim()).filter(Boolean),
    z.array(item),
  );

const flag = (name: string) =>
  z.enum(['true', 'false'], { error: `${name} must be true or false.` }).transform((value) => value === 'true');

const percent = (name: string) =>
  z.coerce
    .number({ error: `${name} must be a number from 0 to 100.` })
    .min(0, `${name} must be from 0 to 100.`)
    .max(100, `${name} must be from 0 to 100.`);

/**
 * The search URL's query string, shared by the /claims page and GET /api/claims: every facet
 * combinable, every bad value a 400 naming the parameter.
 */
export const searchParamsSchema = z.object({
  q: z.string().trim().max(500, 'q is at most 500 characters.').optional(),
  axis: list(z.enum(AXES, { error: `axis must be one of ${AXES.join(', ')}.` })).optional(),
  minConfidence: percent('minConfidence').optional(),
  maxConfidence: percent('maxConfidence').optional(),
  confidenceOf: z.enum(['mean', 'mine'], { error: 'confidenceOf must be mean or mine.' }).default('mean'),
  concreteStory: flag('concreteStory').optional(),
  crux: flag('crux').optional(),
  tagger: z.uuid('tagger must be a user id.').optional(),
  thread: z
    .string()
    .regex(/^[a-z0-9-]{1,80}$/, 'thread must be a thread slug.')
    .optional(),
  minTaggers: z.coerce
    .number({ error: 'minTaggers must be a whole number.' })
    .int('minTaggers must be a whole number.')
    .min(1)
    .max(10_000)
    .optional(),
  minDisagreement: z.coerce
    .number({ error: 'minDisagreement must be a number from 0 to 1.' })
    .min(0, 'minDisagreement is from 0 to 1.')
    .max(1, 'minDisagreement is from 0 to 1.')
    .optional(),
  group: z.uuid({ error: (issue) => `No group ${String(issue.input)}.` }).optional(),
  label: list(z.string().max(40, 'A label is at most 40 characters.')).optional(),
  sort: z.enum(SORTS, { error: `sort must be one of ${SORTS.join(', ')}.` }).optional(),
  /** Search the words as typed: no close spellings when they find nothing. */
  verbatim: flag('verbatim').optional(),
  cursor: z.string().max(500, 'cursor is malformed.').optional(),
  limit: z.coerce
    .number({ error: 'limit must be a whole number from 1 to 200.' })
    .int('limit must be a whole number from 1 to 200.')
    .min(1, 'limit must be from 1 to 200.')
    .max(200, 'limit must be from 1 to 200.')
    .default(20),
});

export type SearchParams = z.infer<typeof searchParamsSchema>;

export function effectiveSort(params: Pick<SearchParams, 'q' | 'sort'>): SearchSort {
  return params.sort ?? (params.q ? 'relevance' : 'disagreement');
}

/**
 * The query string of a search with only what is set: empty fields of the form and values equal to
 * their defaults left out, the order of the parameters kept. `changes` set (a value) or drop (null)
 * parameters first; any change starts again from the first page unless it sets the cursor itself.
 */
export function searchHref(
  raw: Record<string, string | string[] | undefined>,
  changes: Record<string, string | null> = {},
): string {
  const query = new URLSearchParams();
  const defaults: Record<string, string> = { confidenceOf: 'mean', limit: '20' };
  const merged: Record<string, string | string[] | null | undefined> = { ...raw };
  if (Object.keys(changes).length > 0) delete merged.cursor;
  for (const [key, value] of Object.entries({ ...merged, ...changes })) {
    if (value === undefined || value === null) continue;
    for (const v of Array.isArray(value) ? value : [value]) if (v !== '' && defaults[key] !== v) query.append(key, v);
  }
  const text = query.toString();
  return text ? `/claims?${text}` : '/claims';
}
