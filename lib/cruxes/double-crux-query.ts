import { z } from 'zod';

const reader = (name: string) => z.uuid(`${name} must be a reader’s user id.`);

/** Query of the double-crux page and GET /api/cruxes/double. */
export const doubleCruxQuerySchema = z
  .object({
    a: reader('a'),
    b: reader('b'),
    thread: z
      .string()
      .regex(/^[a-z0-9-]{1,80}$/, 'thread must be a thread slug.')
      .optional(),
    group: z.uuid({ error: (issue) => `No group ${String(issue.input)}.` }).optional(),
    format: z.enum(['json', 'md'], { error: 'format must be json or md.' }).default('json'),
  })
  .refine((q) => q.a !== q.b, { message: 'a and b must be two different readers.', path: ['b'] });

export type DoubleCruxQuery = z.infer<typeof doubleCruxQuerySchema>;
