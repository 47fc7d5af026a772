import { LRUCache } from 'lru-cache';
import type { SessionUser } from '../auth/session';
import { db } from '../db/client';
import { pgPool } from '../db/pg-pool';
import { notFound } from '../http/errors';

/** The same answer for a group that does not exist, was deleted, or is not the caller's: non-members learn nothing. */
export const noGroup = (id: string) => notFound(`No group ${id}.`);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether the user is a member of the live group. Asked on every read of a group's layer, every
 * search of one included (a removed member loses it at once), so it is one named statement on the
 * shared pool, planned once per connection, rather than a query built by the ORM each time.
 */
export async function isMember(groupId: string, userId: string): Promise<boolean> {
  if (!UUID.test(groupId) || !UUID.test(userId)) return false;
  const { rows } = await pgPool().query({
    name: 'group-membership',
    text: `SELECT 1 FROM "Membership" m JOIN "Group" g ON g."id" = m."groupId"
           WHERE m."groupId" = $1::uuid AND m."userId" = $2::uuid AND g."deletedAt" IS NULL`,
    values: [groupId, userId],
  });
  return rows.length > 0;
}

/**
 * The layer a request names: null (public) when `group` is absent, else the group's id once the
 * caller is known to be a member of it; 404 for anyone else, signed in or not.
 */
export async function layerOf(group: string | undefined, user: Pick<SessionUser, 'id'> | null): Promise<string | null> {
  if (group === undefined) return null;
  if (!user || !(await isMember(group, user.id))) throw noGroup(group);
  return group;
}

/**
 * Each claim's layer, once read: a claim never changes layer, so no instance can hold a stale one.
 * Tag writes check the layer first, and a database read for it halved their rate (bench:reader).
 */
const claimLayers = new LRUCache<string, { groupId: string | null }>({ max: 200_000 });

/** The claim's layer (null: public), or undefined when there is no such claim. */
async function layerOfClaim(claimId: string): Promise<{ groupId: string | null } | undefined> {
  const known = claimLayers.get(claimId);
  if (known) return known;
  const claim = await db.claim.findUnique({ where: { id: claimId }, select: { groupId: true } });
  if (claim) claimLayers.set(claimId, { groupId: claim.groupId });
  return claim ?? undefined;
}

/**
 * Checks that the caller may see a claim: public claims anyone, a group's claims its members
 * (membership is read every time: a removed member loses the layer at once).
 * A claim the caller may not see is a 404 with the same message as a claim that does not exist.
 */
export async function assertClaimVisible(
  claimId: string,
  user: Pick<SessionUser, 'id'> | null,
): Promise<string | null> {
  const claim = await layerOfClaim(claimId);
  if (!claim) throw notFound(`No claim ${claimId}.`);
  if (claim.groupId !== null && (!user || !(await isMember(claim.groupId, user.id))))
    throw notFound(`No claim ${claimId}.`);
  return claim.groupId;
}

/** The ids of the live groups the user belongs to. */
export async function groupIdsOf(userId: string): Promise<string[]> {
  const rows = await db.membership.findMany({
    where: { userId, group: { deletedAt: null } },
    select: { groupId: true },
  });
  return rows.map((r) => r.groupId);
}
