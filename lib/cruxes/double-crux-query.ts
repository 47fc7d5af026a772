import { z } from 'zod';

export const MAX_SIDE_READERS = 20;

/** One side: a reader's user id, or several comma-separated (a set of readers), each once. */
const side = (name: string) =>
  z
    .string()
    .transform((value) => value.split(',').map((id) => id.trim()))
    .pipe(
      z
        .array(z.uuid(`${name} must be a reader’s user id, or several comma-separated.`))
        .min(1)
        .max(MAX_SIDE_READERS, `At most ${MAX_SIDE_READERS} readers in ${name}.`)
        .refine((ids) => new Set(ids).size === ids.length, `${name} names a reader twice.`),
    );

/** Query of the double-crux page and GET /api/cruxes/double. */
export const doubleCruxQuerySchema = z
  .object({
    a: side('a'),
    b: side('b'),
    thread: z
      .string()
      .regex(/^[a-z0-9-]{1,80}$/, 'thread must be a thread slug.')
      .optional(),
    group: z.uuid({ error: (issue) => `No group ${String(issue.input)}.` }).optional(),
    format: z.enum(['json', 'md'], { error: 'format must be json or md.' }).default('json'),
  })
  .refine((q) => !q.a.some((id) => q.b.includes(id)), {
    message: 'a and b must be different readers: no reader on both sides.',
    path: ['b'],
  });

export type DoubleCruxQuery = z.infer<typeof doubleCruxQuerySchema>;
