import { Prisma } from '@/lib/generated/prisma/client';
import type { Axis } from '@/lib/claims/types';

export interface SearchFacets {
  total: number;
  axis: Record<Axis, number>;
  crux: number;
  concreteStory: number;
  threads: { slug: string; title: string; count: number }[];
}

export interface FacetRow {
  total: number;
  outer: number;
  inner: number;
  both: number;
  other: number;
  crux: number;
  story: number;
  threads: { slug: string; title: string; count: number }[] | null;
}

/**
 * The common table expressions that count facets over the claims `from` yields — a FROM clause
 * whose rows are named `c` ("Claim" c WHERE …, or a CTE of matches) — ending in `facets`, one row.
 */
export function facetCtes(from: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
      per_thread AS (
        SELECT c."threadId",
               count(*)::int AS "total",
               count(*) FILTER (WHERE c."axisOuter" > 0)::int AS "outer",
               count(*) FILTER (WHERE c."axisInner" > 0)::int AS "inner",
               count(*) FILTER (WHERE c."axisBoth" > 0)::int AS "both",
               count(*) FILTER (WHERE c."axisOther" > 0)::int AS "other",
               count(*) FILTER (WHERE c."cruxCount" > 0)::int AS "crux",
               count(*) FILTER (WHERE c."storyCount" > 0)::int AS "story"
        FROM ${from}
        GROUP BY c."threadId"
      ),
      top_threads AS (
        SELECT pt."total", t."slug", t."title" FROM per_thread pt JOIN "Thread" t ON t."id" = pt."threadId"
        ORDER BY pt."total" DESC, t."slug" COLLATE "C" LIMIT 20
      ),
      facets AS (
        SELECT
          coalesce(sum("total"), 0)::int AS "total", coalesce(sum("outer"), 0)::int AS "outer", coalesce(sum("inner"), 0)::int AS "inner",
          coalesce(sum("both"), 0)::int AS "both", coalesce(sum("other"), 0)::int AS "other", coalesce(sum("crux"), 0)::int AS "crux",
          coalesce(sum("story"), 0)::int AS "story",
          (SELECT json_agg(json_build_object('slug', tt."slug", 'title', tt."title", 'count', tt."total") ORDER BY tt."total" DESC, tt."slug" COLLATE "C")
             FROM top_threads tt) AS threads
        FROM per_thread
      )`;
}

/** The SQL of the facet counts alone (exported so the search benchmark can EXPLAIN it). */
export function facetQuery(where: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`WITH ${facetCtes(Prisma.sql`"Claim" c WHERE ${where}`)} SELECT * FROM facets`;
}

/** How the whole result set (not just this page) splits by axis, flag and thread, from the one row of `facetQuery`. */
export function toFacets(row: FacetRow): SearchFacets {
  return {
    total: row.total,
    axis: { outer: row.outer, inner: row.inner, both: row.both, other: row.other },
    crux: row.crux,
    concreteStory: row.story,
    threads: row.threads ?? [],
  };
}
