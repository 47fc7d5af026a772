import type { Prisma } from '@/lib/generated/prisma/client';
import type { Axis } from '@/lib/claims/types';
import { db } from '../db/client';
import { prepareMode, type SearchMode } from './mode';

export interface SearchFacets {
  total: number;
  axis: Record<Axis, number>;
  crux: number;
  concreteStory: number;
  threads: { slug: string; title: string; count: number }[];
}

interface FacetRow {
  total: number;
  outer: number;
  inner: number;
  both: number;
  other: number;
  crux: number;
  story: number;
  threads: { slug: string; title: string; count: number }[] | null;
}

/** How the whole result set (not just this page) splits by axis, flag and thread. */
export async function searchFacets(where: Prisma.Sql, q: string, mode: SearchMode): Promise<SearchFacets> {
  const rows = await db.$transaction(async (tx) => {
    await prepareMode(tx, mode);
    return tx.$queryRaw<FacetRow[]>`
      WITH query AS (SELECT websearch_to_tsquery('english', ${q}) AS tsq, ${q}::text AS text),
      hits AS (
        SELECT c."threadId", c."axisOuter", c."axisInner", c."axisBoth", c."axisOther", c."cruxCount", c."storyCount"
        FROM "Claim" c JOIN "Thread" t ON t."id" = c."threadId" CROSS JOIN query
        WHERE ${where}
      ),
      per_thread AS (
        SELECT h."threadId", count(*)::int AS count FROM hits h GROUP BY h."threadId" ORDER BY count DESC LIMIT 20
      )
      SELECT
        (SELECT count(*)::int FROM hits) AS total,
        (SELECT count(*)::int FROM hits WHERE "axisOuter" > 0) AS outer,
        (SELECT count(*)::int FROM hits WHERE "axisInner" > 0) AS inner,
        (SELECT count(*)::int FROM hits WHERE "axisBoth" > 0) AS both,
        (SELECT count(*)::int FROM hits WHERE "axisOther" > 0) AS other,
        (SELECT count(*)::int FROM hits WHERE "cruxCount" > 0) AS crux,
        (SELECT count(*)::int FROM hits WHERE "storyCount" > 0) AS story,
        (SELECT json_agg(json_build_object('slug', t."slug", 'title', t."title", 'count', pt.count) ORDER BY pt.count DESC)
           FROM per_thread pt JOIN "Thread" t ON t."id" = pt."threadId") AS threads`;
  });
  const row = rows[0];
  return {
    total: row.total,
    axis: { outer: row.outer, inner: row.inner, both: row.both, other: row.other },
    crux: row.crux,
    concreteStory: row.story,
    threads: row.threads ?? [],
  };
}
