import { z } from 'zod';
import { cruxQuerySchema } from '@/lib/cruxes/crux-query';
import { w3cPage } from '@/lib/export';
import { siteBase } from '@/lib/export/links';
import { readQuery } from '../http/body';
import { ApiError } from '../http/errors';
import type { IriAnswer } from '../http/iri-route';
import { sessionUser } from '../auth/session';
import { isMember } from '../groups/layer';
import { w3cCollection } from './annotation-export';

const collectionQuerySchema = cruxQuerySchema.omit({ format: true }).extend({
  page: z.coerce
    .number({ error: 'page must be a whole number.' })
    .int('page must be a whole number.')
    .min(0)
    .optional(),
});

/**
 * A collection's IRI names its selection — `/annotations?thread=…&taggers=…&minTaggers=…` — so
 * fetching it gives the current annotations of that selection (its one page with `&page=0`); a
 * browser is sent to the crux page of the same selection.
 */
export async function resolveCollection(url: URL, origin: string, headers: Headers): Promise<IriAnswer | null> {
  const { page, ...selection } = readQuery(url, collectionQuerySchema);
  if (selection.group !== undefined) {
    const user = await sessionUser(headers);
    if (!user || !(await isMember(selection.group, user.id))) return null;
  }
  const cruxPage = new URL(
    `${siteBase(origin)}${selection.thread ? `/threads/${selection.thread}/cruxes` : '/cruxes'}`,
  );
  if (selection.taggers?.length) cruxPage.searchParams.set('taggers', selection.taggers.join(','));
  if (selection.minTaggers !== undefined) cruxPage.searchParams.set('minTaggers', String(selection.minTaggers));
  if (selection.group) cruxPage.searchParams.set('group', selection.group);
  if (page !== undefined && page > 0) return null;
  try {
    const collection = await w3cCollection(selection, origin);
    return { page: cruxPage.toString(), document: page === 0 ? w3cPage(collection) : collection };
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}
