import { type DoubleCruxClaim, doubleCrux } from '@/lib/cruxes/double-crux';
import { displayNames } from '@/lib/users/display-names';
import type { SessionUser } from '../auth/session';
import { claimViews } from '../claims/claim-views';
import { db } from '../db/client';
import { layerOf } from '../groups/layer';
import { notFound } from '../http/errors';
import { getThreadOrThrow } from '../threads/find-thread';

export interface Reader {
  id: string;
  name: string;
}

export interface DoubleCruxReport {
  /** Side A's first reader (its only one when a names one reader). */
  a: Reader;
  b: Reader;
  /** Every reader of each side, in the order asked. */
  readersA: Reader[];
  readersB: Reader[];
  thread: { slug: string; title: string } | null;
  claims: DoubleCruxClaim[];
}

/** A side's readers as one name: "Ann", or for a set "Ann & Bo & Cy" (the report says "Ann and Bo & Cy"). */
export const sideName = (readers: readonly Reader[]) => readers.map((r) => r.name).join(' & ');

/**
 * Two readers' (or two sets of readers') double cruxes on one layer (a group's for its members
 * only), in one thread or all.
 */
export async function doubleCruxReport(
  query: { a: string[]; b: string[]; thread?: string; group?: string },
  user: SessionUser | null,
): Promise<DoubleCruxReport> {
  const groupId = await layerOf(query.group, user);
  const thread = query.thread ? await getThreadOrThrow(query.thread) : null;
  const readers = await db.user.findMany({
    where: { id: { in: [...query.a, ...query.b] } },
    select: { id: true, name: true },
  });
  const find = (id: string) => {
    const found = readers.find((r) => r.id === id);
    if (!found) throw notFound(`No reader ${id}.`);
    return found;
  };
  // Named as the page's choices name them: two readers who share a name are told apart.
  const names = displayNames([...(await taggersOf(query.thread, groupId)), ...readers]);
  const named = (ids: string[]) => ids.map((id) => ({ id, name: names.get(id) ?? find(id).name }));
  const [readersA, readersB] = [named(query.a), named(query.b)];
  const claims = await claimViews(thread ? { threadId: thread.id, groupId } : { groupId });
  return {
    a: readersA[0],
    b: readersB[0],
    readersA,
    readersB,
    thread: thread && { slug: thread.slug, title: thread.title },
    claims: doubleCrux(claims, query.a, query.b),
  };
}

/** The readers who tagged in a thread (or anywhere) on a layer: the choices of the double-crux page. */
export async function taggersOf(threadSlug: string | undefined, groupId: string | null) {
  const taggers = await db.user.findMany({
    where: {
      tags: { some: { deletedAt: null, claim: { groupId, ...(threadSlug ? { thread: { slug: threadSlug } } : {}) } } },
    },
    select: { id: true, name: true },
    orderBy: { name: 'asc' },
    take: 200,
  });
  const names = displayNames(taggers);
  return taggers.map((tagger) => ({ id: tagger.id, name: names.get(tagger.id) ?? tagger.name }));
}
