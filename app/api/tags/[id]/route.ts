import { z } from 'zod';
import { deleteTag } from '@/lib/server/claims/put-tag';
import { readQuery } from '@/lib/server/http/body';
import { idParam } from '@/lib/server/http/params';
import { route } from '@/lib/server/http/route';

/** Deletes a tag by id: its tagger, or an admin moderating; anyone else gets 403. */
export const DELETE = route<{ id: string }>({ auth: 'required' }, async ({ url, params, user }) => {
  const { version } = readQuery(url, z.object({ version: z.coerce.number().int().positive().optional() }));
  const result = await deleteTag({ tagId: idParam(params.id, 'tag') }, user, version);
  return { tag: result.tag, deleted: true };
});
