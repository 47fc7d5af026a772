import { z } from 'zod';
import { MAX_NOTE_LENGTH } from '@/lib/claims/tag-schema';

/** A reply is Markdown like a note, with the same limit. */
export const MAX_REPLY_LENGTH = MAX_NOTE_LENGTH;

const body = z
  .string({ error: 'body is the reply, Markdown text.' })
  .refine((text) => text.trim().length > 0, 'body must not be empty.');

export const replyCreateSchema = z.object({
  body,
  parentId: z.uuid('parentId must be the id of a reply on this claim.').nullish(),
});

export const replyEditSchema = z.object({ body });

export type ReplyCreate = z.infer<typeof replyCreateSchema>;
