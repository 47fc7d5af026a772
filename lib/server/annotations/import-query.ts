import { z } from 'zod';

/** `POST /api/annotations/import?thread=SLUG`: the thread to anchor annotations from elsewhere on. */
export const importQuerySchema = z.object({
  thread: z
    .string()
    .regex(/^[a-z0-9-]{1,80}$/, 'thread must be a thread slug.')
    .optional(),
});
