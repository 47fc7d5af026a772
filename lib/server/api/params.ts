import { z } from '@hono/zod-openapi';

/** A path id that is not even a UUID names nothing: 404 (see rejectInvalid), never a database error. */
const idOf = (what: string) => z.uuid({ error: (issue) => `No ${what} ${String(issue.input)}.` });

export const claimParams = z.object({ id: idOf('claim') });
export const tagParams = z.object({ id: idOf('tag') });
export const savedSearchParams = z.object({ id: idOf('saved search') });
export const replyParams = z.object({ id: idOf('reply') });
export const groupParams = z.object({ id: idOf('group') });
export const groupMemberParams = z.object({ id: idOf('group'), userId: idOf('member') });
export const inviteParams = z.object({ id: idOf('group'), token: z.string() });
export const threadParams = z.object({ slug: z.string().openapi({ description: 'The thread’s slug.' }) });

/** `?version=N` of a delete: only if the tag is still at that version (409 otherwise). */
export const versionQuery = z.object({
  version: z.coerce.number().int().positive('version is a whole number from 1.').optional(),
});
