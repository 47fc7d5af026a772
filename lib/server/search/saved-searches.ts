import {
  MAX_SAVED_SEARCHES,
  normaliseSearchQuery,
  type SavedSearchInput,
  type SavedSearchView,
} from '@/lib/search/saved-search';
import { db } from '../db/client';
import { isUniqueViolation } from '../db/errors';
import { badRequest, conflict, notFound } from '../http/errors';

const toView = (row: { id: string; name: string; query: string; createdAt: Date }): SavedSearchView => ({
  id: row.id,
  name: row.name,
  query: row.query,
  createdAt: row.createdAt.toISOString(),
});

/** A user's saved searches, by name. They are private: no one else sees or changes them. */
export async function listSavedSearches(userId: string): Promise<SavedSearchView[]> {
  const rows = await db.savedSearch.findMany({ where: { userId }, orderBy: [{ name: 'asc' }, { id: 'asc' }] });
  return rows.map(toView);
}

/** Saves a search under a name of the user's own; a name already used is a 409, never an overwrite. */
export async function saveSearch(userId: string, input: SavedSearchInput): Promise<SavedSearchView> {
  const normalised = normaliseSearchQuery(input.query);
  if ('problem' in normalised)
    throw badRequest(`The search to save is not valid: ${normalised.problem}`, normalised.field);
  try {
    return await db.$transaction(async (tx) => {
      // Serialises one user's saves, so the limit holds under concurrent requests.
      await tx.$executeRaw`SELECT 1 FROM "User" WHERE "id" = ${userId}::uuid FOR UPDATE`;
      const count = await tx.savedSearch.count({ where: { userId } });
      if (count >= MAX_SAVED_SEARCHES) {
        throw conflict(`You have ${count} saved searches, the most one account keeps; delete one first.`);
      }
      return toView(await tx.savedSearch.create({ data: { userId, name: input.name, query: normalised.query } }));
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw conflict(
        `You already have a saved search called “${input.name}”; choose another name or delete that one.`,
        'name',
      );
    throw error;
  }
}

/** Deletes one of the user's saved searches; someone else's is as absent as a missing one (404). */
export async function deleteSavedSearch(userId: string, id: string): Promise<void> {
  const { count } = await db.savedSearch.deleteMany({ where: { id, userId } });
  if (count === 0) throw notFound(`You have no saved search ${id}.`);
}
