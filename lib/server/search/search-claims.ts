import { decodeCursor, encodeCursor } from '@/lib/search/cursor';
import { effectiveSort, type SearchParams, type SearchSort } from '@/lib/search/search-params';
import { Prisma } from '@/lib/generated/prisma/client';
import { db } from '../db/client';
import { badRequest, unauthorized } from '../http/errors';
import { facetConditions } from './filters';
import { type SearchHit, type HitRow, toHit } from './hits';
import { searchFacets, type SearchFacets } from './facets';
import { prepareMode, type SearchMode } from './mode';

export interface SearchResult {
  items: SearchHit[];
  nextCursor: string | null;
  facets: SearchFacets;
  mode: SearchMode;
  sort: SearchSort;
}

/** Marks around matched words in a headline; the HTML is escaped before they become <mark>. */
const HEADLINE_OPTIONS = 'StartSel=\u0001, StopSel=\u0002, HighlightAll=true';

const OUTER_ORDER: Record<SearchSort, string> = {
  relevance: 'page.rank DESC, page."id" DESC',
  disagreement: 'page."disagreement" DESC, page."id" DESC',
  tagged: 'page."tagCount" DESC, page."id" DESC',
  newest: 'page."createdAt" DESC, page."id" DESC',
};

/** The sort key of each order, descending, ties broken by id (descending). */
const SORT_KEY: Record<SearchSort, Prisma.Sql> = {
  relevance: Prisma.sql`rank`,
  disagreement: Prisma.sql`c."disagreement"`,
  tagged: Prisma.sql`c."tagCount"::float8`,
  newest: Prisma.sql`c."createdAt"`,
};

function matchCondition(mode: SearchMode): Prisma.Sql | null {
  if (mode === 'fulltext') return Prisma.sql`c."searchVector" @@ query.tsq`;
  if (mode === 'fuzzy') return Prisma.sql`query.text <% c."exact"`;
  return null;
}

function rankExpression(mode: SearchMode): Prisma.Sql {
  if (mode === 'fulltext') return Prisma.sql`ts_rank_cd(c."searchVector", query.tsq, 32)::float8`;
  if (mode === 'fuzzy') return Prisma.sql`word_similarity(query.text, c."exact")::float8`;
  return Prisma.sql`0::float8`;
}

function keyCondition(sort: SearchSort, cursor: string | undefined): Prisma.Sql | null {
  if (!cursor) return null;
  const decoded = decodeCursor(cursor);
  if (!decoded || decoded.sort !== sort) throw badRequest('cursor is malformed or belongs to another sort; start again without it.', 'cursor');
  const key = sort === 'newest' ? Prisma.sql`${decoded.key}::timestamp(3)` : Prisma.sql`${decoded.key}::float8`;
  return Prisma.sql`(${SORT_KEY[sort]} < ${key} OR (${SORT_KEY[sort]} = ${key} AND c."id" < ${decoded.id}::uuid))`;
}

async function runPage(params: SearchParams, viewerId: string | null, mode: SearchMode, sort: SearchSort) {
  const conditions = facetConditions(params, viewerId);
  const match = matchCondition(mode);
  if (match) conditions.push(match);
  const after = keyCondition(sort, params.cursor);
  const where = Prisma.join(conditions, ' AND ');
  const q = params.q ?? '';
  const rows = await db.$transaction(async (tx) => {
    await prepareMode(tx, mode);
    return tx.$queryRaw<HitRow[]>`
      WITH query AS (SELECT websearch_to_tsquery('english', ${q}) AS tsq, ${q}::text AS text)
      SELECT page.*, ${mode === 'fulltext' ? Prisma.sql`ts_headline('english', page."exact", query.tsq, ${HEADLINE_OPTIONS})` : Prisma.sql`page."exact"`} AS headline
      FROM (
        SELECT * FROM (
          SELECT c."id", c."exact", c."passageId", c."createdAt", c."tagCount", c."confMean", c."disagreement",
                 c."cruxScore", c."consensusScore", c."cruxCount", c."storyCount", c."axisOuter", c."axisInner", c."axisBoth",
                 c."axisOther", c."labels", c."orphan", t."slug", t."title", p."ordinal",
                 ${rankExpression(mode)} AS rank
          FROM "Claim" c
          JOIN "Thread" t ON t."id" = c."threadId"
          JOIN "Passage" p ON p."id" = c."passageId"
          CROSS JOIN query
          WHERE ${where}
        ) c
        ${after ? Prisma.sql`WHERE ${after}` : Prisma.empty}
        ORDER BY ${SORT_KEY[sort]} DESC, c."id" DESC
        LIMIT ${params.limit + 1}
      ) page
      CROSS JOIN query
      ORDER BY ${Prisma.raw(OUTER_ORDER[sort])}`;
  });
  return { rows, where, q };
}

/**
 * Full-text search over claim text and notes (websearch syntax, ranked), falling back to trigram
 * word similarity when the words match nothing (typos); facet filters combine with either.
 */
export async function searchClaims(params: SearchParams, viewerId: string | null): Promise<SearchResult> {
  if (params.confidenceOf === 'mine' && (params.minConfidence !== undefined || params.maxConfidence !== undefined) && !viewerId) {
    throw unauthorized('Sign in to filter by your own confidence (confidenceOf=mine).');
  }
  const sort = effectiveSort(params);
  let mode: SearchMode = params.q ? 'fulltext' : 'browse';
  let page = await runPage(params, viewerId, mode, sort);
  if (mode === 'fulltext' && page.rows.length === 0 && !params.cursor) {
    mode = 'fuzzy';
    page = await runPage(params, viewerId, mode, sort);
  }
  const rows = page.rows.slice(0, params.limit);
  const last = rows.at(-1);
  const more = page.rows.length > params.limit && last;
  return {
    items: rows.map(toHit),
    nextCursor: more ? encodeCursor({ sort, key: sortKeyOf(sort, last), id: last.id }) : null,
    facets: await searchFacets(page.where, page.q, mode),
    mode,
    sort,
  };
}

function sortKeyOf(sort: SearchSort, row: HitRow): string {
  if (sort === 'newest') return row.createdAt.toISOString().replace('T', ' ').replace('Z', '');
  if (sort === 'relevance') return String(row.rank);
  if (sort === 'tagged') return String(row.tagCount);
  return String(row.disagreement);
}
