import { idParam } from '@/lib/server/http/params';
import { route } from '@/lib/server/http/route';
import { deleteSavedSearch } from '@/lib/server/search/saved-searches';

type Params = { id: string };

/** Deletes one of the caller's saved searches. */
export const DELETE = route<Params>({ auth: 'required' }, async ({ params, user }) => {
  await deleteSavedSearch(user.id, idParam(params.id, 'saved search'));
  return { deleted: true };
});
