import { cruxQuerySchema } from '@/lib/cruxes/crux-query';
import { displayNames } from '@/lib/users/display-names';
import type { SessionUser } from '../auth/session';
import { db } from '../db/client';
import { layerOf } from '../groups/layer';
import { cruxReport } from './crux-report';

type RawParams = Record<string, string | string[] | undefined>;

/**
 * Everything a crux page shows, from its URL: the report, the filter choices and any problem with
 * them. `viewer`: who is reading (a group's layer is theirs only if they belong to it).
 */
export async function cruxPageData(
  raw: RawParams,
  thread: string | undefined,
  baseUrl: string,
  viewer: Pick<SessionUser, 'id'> | null,
) {
  const cleaned = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = cruxQuerySchema.safeParse({ ...cleaned, format: 'html' });
  const filters = parsed.success
    ? parsed.data
    : { taggers: undefined, minTaggers: undefined, thread: undefined, group: undefined };
  const slug = thread ?? filters.thread;
  // A group's layer for its members (404 to anyone else, as the exports answer); else the public layer.
  const groupId = await layerOf(filters.group, viewer);
  const [report, taggers, threads, layer] = await Promise.all([
    cruxReport(
      { thread: slug, taggers: filters.taggers, minTaggers: filters.minTaggers, group: groupId ?? undefined },
      baseUrl,
    ),
    db.user.findMany({
      where: {
        tags: { some: { deletedAt: null, claim: { groupId, ...(slug ? { thread: { slug } } : {}) } } },
      },
      select: { id: true, name: true },
      orderBy: { name: 'asc' },
      take: 200,
    }),
    thread
      ? Promise.resolve(undefined)
      : db.thread.findMany({
          where: { currentRevisionId: { not: null } },
          select: { slug: true, title: true },
          orderBy: { title: 'asc' },
        }),
    groupId ? db.group.findUnique({ where: { id: groupId }, select: { id: true, name: true } }) : null,
  ]);
  const names = displayNames(taggers);
  return {
    report,
    taggers: taggers.map((tagger) => ({ id: tagger.id, name: names.get(tagger.id) ?? tagger.name })),
    threads,
    /** The group whose layer is shown (null: the public layer). */
    layer,
    selected: { thread: slug, taggers: filters.taggers, minTaggers: filters.minTaggers, group: groupId ?? undefined },
    problem: parsed.success ? null : parsed.error.issues[0].message,
  };
}
