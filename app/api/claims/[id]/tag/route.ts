import { z } from 'zod';
import { MAX_NOTE_LENGTH, tagInputSchema } from '@/lib/claims/tag-schema';
import { deleteTag, putTag } from '@/lib/server/claims/put-tag';
import { readJson, readQuery } from '@/lib/server/http/body';
import { payloadTooLarge } from '@/lib/server/http/errors';
import { idParam } from '@/lib/server/http/params';
import { route } from '@/lib/server/http/route';

type Params = { id: string };

/** Creates or edits the caller's tag on the claim; an edit must name the version it is based on. */
export const PUT = route<Params>({ auth: 'required' }, async ({ req, params, user }) => {
  const id = idParam(params.id, 'claim');
  const input = await readJson(req, tagInputSchema);
  if (input.note.length > MAX_NOTE_LENGTH) {
    throw payloadTooLarge(`The note is ${input.note.length} characters; the limit is ${MAX_NOTE_LENGTH}.`, 'note');
  }
  const result = await putTag(id, user, input);
  return { tag: result.tag, aggregates: result.aggregates };
});

/** Soft-deletes the caller's tag (POST …/tag/restore undoes it); `?version=N` guards against a stale delete. */
export const DELETE = route<Params>({ auth: 'required' }, async ({ url, params, user }) => {
  const id = idParam(params.id, 'claim');
  const { version } = readQuery(url, z.object({ version: z.coerce.number().int().positive().optional() }));
  const result = await deleteTag({ claimId: id }, user, version);
  return { tag: result.tag, deleted: true };
});
