import { restoreTag } from '@/lib/server/claims/put-tag';
import { idParam } from '@/lib/server/http/params';
import { route } from '@/lib/server/http/route';

/** Undoes the caller's deletion of their tag on this claim. */
export const POST = route<{ id: string }>({ auth: 'required' }, async ({ params, user }) => {
  const id = idParam(params.id, 'claim');
  const result = await restoreTag(id, user);
  return { tag: result.tag, aggregates: result.aggregates };
});
