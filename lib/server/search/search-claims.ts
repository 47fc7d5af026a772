import { encodeCursor } from '@/lib/search/cursor';
import { effectiveSort, type SearchParams, type SearchSort } from '@/lib/search/search-params';
import { Prisma } from '@/lib/generated/prisma/client';
import { db } from '../db/client';
import { pgPool } from '../db/pg-pool';
import { env } from '../env';
import { unauthorized } from '../http/errors';
import { PreparedJson } from '../http/prepared-json';
import { facetConditions } from './filters';
import { type SearchHit, type HitRow, toHit } from './hits';
import { dataVersion } from './data-version';
import { answerableInMemory, type IndexHit, SearchIndex } from './search-index';
import { readCursor, timeKey } from './sort-cursor';
import { type FacetRow, facetCtes, facetQuery, type SearchFacets, toFacets } from './facets';
import { correctQuery, type SearchMode } from './mode';
import { VersionedCache } from '../versioned-cache';

export interface SearchResult {
  items: SearchHit[];
  nextCursor: string | null;
  facets: SearchFacets;
  mode: SearchMode;
  /** In fuzzy mode: the query as corrected and searched (a cursor of this search pages it further). */
  correctedQuery: string | null;
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
  tagged: Prisma.sql`c."tagCount"`,
  newest: Prisma.sql`c."createdAt"`,
};

/**
 * The text query, written out where it is used (not through a CTE) so the planner sees a constant
 * and estimates how many claims match.
 */
const tsQuery = (q: string) => Prisma.sql`websearch_to_tsquery('english', ${q})`;

/**
 * Relevance: how often the query's words occur in the claim text (weight A) and notes (B), and
 * for several words how close together, normalised to 0–1 (`ts_rank`, normalisation 32). Cover
 * density (`ts_rank_cd`) ranked much the same and cost 3.6× as much: 65 ms against 18 ms for a
 * word in 13,000 claims (decision 008).
 */
const rankOf = (q: string) => Prisma.sql`ts_rank(c."searchVector", ${tsQuery(q)}, 32)::float8`;

function keyCondition(sort: SearchSort, cursor: string | undefined): Prisma.Sql | null {
  const decoded = readCursor(sort, cursor);
  if (!decoded) return null;
  const key =
    sort === 'newest'
      ? Prisma.sql`${decoded.key}::timestamp(3)`
      : sort === 'tagged'
        ? Prisma.sql`${decoded.key}::int`
        : Prisma.sql`${decoded.key}::float8`;
  return Prisma.sql`(${SORT_KEY[sort]} < ${key} OR (${SORT_KEY[sort]} = ${key} AND c."id" < ${decoded.id}::uuid))`;
}

/** The search's filters as one SQL condition on "Claim" c: the facets, and the words when there are any. */
export function searchWhere(params: SearchParams, viewerId: string | null): Prisma.Sql {
  const conditions = facetConditions(params, viewerId);
  if (params.q) conditions.push(Prisma.sql`c."searchVector" @@ ${tsQuery(params.q)}`);
  return Prisma.join(conditions, ' AND ');
}

/**
 * One page of a search without words (exported so the search benchmark can EXPLAIN it). The
 * inner query touches only "Claim": filter, sort, limit; threads and passages are fetched for the
 * page's rows alone.
 */
export function pageQuery(params: SearchParams, viewerId: string | null, sort: SearchSort) {
  const after = keyCondition(sort, params.cursor);
  const where = searchWhere({ ...params, q: undefined }, viewerId);
  const sql = Prisma.sql`
      SELECT page.*, t."slug", t."title", p."ordinal", page."exact" AS headline
      FROM (
        SELECT * FROM (
          SELECT c."id", c."threadId", c."exact", c."passageId", c."createdAt", c."tagCount", c."confMean", c."disagreement",
                 c."cruxScore", c."consensusScore", c."cruxCount", c."storyCount", c."axisOuter", c."axisInner", c."axisBoth",
                 c."axisOther", c."labels", c."orphan", 0::float8 AS rank
          FROM "Claim" c
          WHERE ${where}
        ) c
        ${after ? Prisma.sql`WHERE ${after}` : Prisma.empty}
        ORDER BY ${SORT_KEY[sort]} DESC, c."id" DESC
        LIMIT ${params.limit + 1}
      ) page
      JOIN "Thread" t ON t."id" = page."threadId"
      JOIN "Passage" p ON p."id" = page."passageId"
      ORDER BY ${Prisma.raw(OUTER_ORDER[sort])}`;
  return { sql, where };
}

/**
 * A search with words as one statement: the matches are found and ranked once (the costly part:
 * the text index, then each match's ranking — skipped when another order is asked for) and both
 * the page and the facet counts are taken from them. One row per hit, each carrying the facet columns; with no hit on this page, one row
 * of facets alone (hit columns null).
 */
export function pageWithFacetsQuery(params: SearchParams, viewerId: string | null, sort: SearchSort) {
  const q = params.q ?? '';
  const after = keyCondition(sort, params.cursor);
  return Prisma.sql`
      WITH matched AS MATERIALIZED (
        SELECT c."id", c."threadId", c."createdAt", c."tagCount", c."disagreement", c."axisOuter", c."axisInner", c."axisBoth",
               c."axisOther", c."cruxCount", c."storyCount", ${sort === 'relevance' ? rankOf(q) : Prisma.sql`0::float8`} AS rank
        FROM "Claim" c
        WHERE ${searchWhere(params, viewerId)}
      ),
      ${facetCtes(Prisma.sql`matched c`)},
      page AS (
        SELECT c."id", c.rank FROM matched c
        ${after ? Prisma.sql`WHERE ${after}` : Prisma.empty}
        ORDER BY ${SORT_KEY[sort]} DESC, c."id" DESC
        LIMIT ${params.limit + 1}
      )
      SELECT f.*, hit.* FROM facets f LEFT JOIN (
        SELECT cl."id", cl."threadId", cl."exact", cl."passageId", cl."createdAt", cl."tagCount", cl."confMean", cl."disagreement",
               cl."cruxScore", cl."consensusScore", cl."cruxCount", cl."storyCount", cl."axisOuter", cl."axisInner", cl."axisBoth",
               cl."axisOther", cl."labels", cl."orphan", page.rank, t."slug", t."title", p."ordinal",
               ts_headline('english', cl."exact", ${tsQuery(q)}, ${HEADLINE_OPTIONS}) AS headline
        FROM page
        JOIN "Claim" cl ON cl."id" = page."id"
        JOIN "Thread" t ON t."id" = cl."threadId"
        JOIN "Passage" p ON p."id" = cl."passageId"
      ) hit ON true
      ORDER BY ${Prisma.raw(OUTER_ORDER[sort].replaceAll('page.', 'hit.'))}`;
}

type HitWithFacetsRow = FacetRow & ({ [K in keyof HitRow]: HitRow[K] } | { [K in keyof HitRow]: null });

const globalForSearch = globalThis as unknown as {
  cruxSearchCache?: VersionedCache;
  cruxSearchIndex?: SearchIndex | null;
  cruxTsqueries?: VersionedCache;
};

/** This instance's cache of search answers (see result-cache.ts). */
export function searchCache(): VersionedCache {
  globalForSearch.cruxSearchCache ??= new VersionedCache(env().SEARCH_CACHE_ROWS);
  return globalForSearch.cruxSearchCache;
}

/** This instance's in-memory search index (see search-index.ts), or null when switched off. */
export function searchIndex(): SearchIndex | null {
  if (globalForSearch.cruxSearchIndex === undefined)
    globalForSearch.cruxSearchIndex = env().SEARCH_INDEX === '1' ? new SearchIndex(pgPool) : null;
  return globalForSearch.cruxSearchIndex;
}

const TSQUERY_CACHE_SIZE = 10_000;

/**
 * `websearch_to_tsquery('english', q)` as text, from Postgres (its parser, stemmer and stop
 * words), remembered per query (least recently used first out): it depends on nothing but the
 * words, so every entry has the same version.
 */
function tsqueryText(q: string): Promise<string> {
  globalForSearch.cruxTsqueries ??= new VersionedCache(TSQUERY_CACHE_SIZE);
  return globalForSearch.cruxTsqueries.get(
    'words',
    q,
    async () =>
      (
        await pgPool().query<{ query: string }>({
          name: 'search-tsquery',
          text: `SELECT websearch_to_tsquery('english', $1)::text AS "query"`,
          values: [q],
        })
      ).rows[0].query,
    () => 1,
  );
}

/**
 * Headlines of claim texts for a query, in order: Postgres' parser and stemmer mark the matched
 * words (no table read; exported so the search benchmark can EXPLAIN it).
 */
export function headlinesQuery(q: string, texts: string[]): { name: string; text: string; values: unknown[] } {
  return {
    name: 'search-headlines',
    text: `SELECT ts_headline('english', x."exact", websearch_to_tsquery('english', $1), $3) AS "headline"
           FROM unnest($2::text[]) WITH ORDINALITY AS x("exact", "n") ORDER BY x."n"`,
    values: [q, texts, HEADLINE_OPTIONS],
  };
}

/** A page the index chose as the rows the API shows: the claims as the index holds them, headlines from Postgres when there are words. */
async function indexPageRows(hits: IndexHit[], q: string | undefined): Promise<HitRow[]> {
  const headlines = q
    ? (
        await pgPool().query<{ headline: string }>(
          headlinesQuery(
            q,
            hits.map((hit) => hit.claim.exact),
          ),
        )
      ).rows.map((r) => r.headline)
    : null;
  // Field by field rather than spreading the claim: a spread of its twenty fields cost several times as much.
  return hits.map(({ claim: c, rank, thread }, i) => ({
    id: c.id,
    exact: c.exact,
    passageId: c.passageId,
    createdAt: new Date(c.createdAt),
    tagCount: c.tagCount,
    confMean: c.confMean,
    disagreement: c.disagreement,
    cruxScore: c.cruxScore,
    consensusScore: c.consensusScore,
    cruxCount: c.cruxCount,
    storyCount: c.storyCount,
    axisOuter: c.axisOuter,
    axisInner: c.axisInner,
    axisBoth: c.axisBoth,
    axisOther: c.axisOther,
    labels: c.labels,
    orphan: c.orphan,
    ordinal: c.ordinal,
    rank,
    slug: thread.slug,
    title: thread.title,
    headline: headlines ? headlines[i] : c.exact,
  }));
}

/** The index could not answer (see SearchIndex.search): Postgres will. Never cached. */
class NotInMemory extends Error {}

const cacheKey = (sql: Prisma.Sql) => `${sql.text}\u0000${JSON.stringify(sql.values)}`;

/** A search answered by Postgres alone: the page and the facet counts. */
async function fromPostgres(
  query: SearchParams,
  viewerId: string | null,
  sort: SearchSort,
  version: string,
): Promise<[HitRow[], FacetRow[]]> {
  const cache = searchCache();
  if (query.q) {
    const both = pageWithFacetsQuery(query, viewerId, sort);
    const rows = await cache.get(
      version,
      cacheKey(both),
      () => db.$queryRaw<HitWithFacetsRow[]>(both),
      (r) => r.length,
    );
    const { total, outer, inner, both: bothAxis, other, crux, story, threads } = rows[0];
    return [
      rows.filter((row): row is FacetRow & HitRow => row.id !== null),
      [{ total, outer, inner, both: bothAxis, other, crux, story, threads }],
    ];
  }
  const page = pageQuery(query, viewerId, sort);
  const facets = facetQuery(page.where);
  return Promise.all([
    cache.get(
      version,
      cacheKey(page.sql),
      () => db.$queryRaw<HitRow[]>(page.sql),
      (rows) => rows.length,
    ),
    cache.get(
      version,
      cacheKey(facets),
      () => db.$queryRaw<FacetRow[]>(facets),
      () => 1,
    ),
  ]);
}

/** A search answered by the in-memory index (Postgres only marks the words of a page's headlines); NotInMemory when it cannot. */
async function fromIndex(
  index: SearchIndex,
  query: SearchParams,
  sort: SearchSort,
  cursor: ReturnType<typeof readCursor>,
  version: string,
): Promise<[HitRow[], FacetRow[]]> {
  const tsquery = query.q ? await tsqueryText(query.q) : null;
  const found = await index.search(query, version, sort, tsquery, cursor);
  if (!found) throw new NotInMemory();
  const rows = found.hits.length ? await indexPageRows(found.hits, query.q) : [];
  return [rows, [found.facets]];
}

/**
 * Does the answer depend on who asks? Only "my confidence" does, and it needs a signed-in viewer:
 * without one, 401.
 */
function viewerDependent(params: SearchParams, viewerId: string | null): boolean {
  const bounded = params.minConfidence !== undefined || params.maxConfidence !== undefined;
  if (params.confidenceOf === 'mine' && bounded && !viewerId)
    throw unauthorized('Sign in to filter by your own confidence (confidenceOf=mine).');
  return params.confidenceOf === 'mine' && bounded;
}

/**
 * Full-text search over claim text and notes (websearch syntax, ranked), falling back to spelling
 * correction when the words match nothing (typos); facet filters combine with either. The
 * in-memory index answers when it can (everything but a tagger or "my confidence", once loaded),
 * Postgres otherwise; answers are cached per data version.
 */
export async function searchClaims(params: SearchParams, viewerId: string | null): Promise<SearchResult> {
  viewerDependent(params, viewerId); // for its 401
  return searchAt(params, viewerId, await dataVersion());
}

/**
 * `searchClaims` as the search API sends it: serialised once per data version and kept in the
 * answer cache, so a search asked again costs neither the answer's assembly nor its
 * serialisation (nor, sent by the production server, its compression: see PreparedJson).
 */
export async function searchAnswer(params: SearchParams, viewerId: string | null): Promise<PreparedJson> {
  const key = `answer\u0000${viewerDependent(params, viewerId) ? viewerId : ''}\u0000${JSON.stringify(params)}`;
  // The words' tsquery depends on nothing else: asked for beside the data version, not after it.
  if (params.q && searchIndex()) tsqueryText(params.q).catch(() => undefined);
  const version = await dataVersion();
  const answer = await searchCache().get(
    version,
    key,
    async () => {
      const result = await searchAt(params, viewerId, version);
      return { json: new PreparedJson(result), rows: result.items.length };
    },
    ({ rows }) => rows + 1,
  );
  return answer.json;
}

async function searchAt(params: SearchParams, viewerId: string | null, version: string): Promise<SearchResult> {
  const sort = effectiveSort(params);
  const cache = searchCache();
  const index = searchIndex();
  const run = async (query: SearchParams): Promise<[HitRow[], FacetRow[]]> => {
    const cursor = readCursor(sort, query.cursor); // a bad cursor is a 400 whichever path answers
    if (index && answerableInMemory(query)) {
      // Not cached row by row: the index answers in a millisecond or two, and the API caches whole answers (searchAnswer).
      try {
        return await fromIndex(index, query, sort, cursor, version);
      } catch (error) {
        if (!(error instanceof NotInMemory)) throw error;
      }
    }
    return fromPostgres(query, viewerId, sort, version);
  };
  let mode: SearchMode = params.q ? 'fulltext' : 'browse';
  let [pageRows, facetRows] = await run(params);
  let correctedQuery: string | null = null;
  if (mode === 'fulltext' && pageRows.length === 0) {
    const q = params.q ?? '';
    correctedQuery = await cache.get(
      version,
      `correct\u0000${q}`,
      () => correctQuery(db, q),
      () => 1,
    );
    if (correctedQuery) {
      mode = 'fuzzy';
      [pageRows, facetRows] = await run({ ...params, q: correctedQuery });
    }
  }
  const rows = pageRows.slice(0, params.limit);
  const last = rows.at(-1);
  const more = pageRows.length > params.limit && last;
  return {
    items: rows.map(toHit),
    nextCursor: more ? encodeCursor({ sort, key: sortKeyOf(sort, last), id: last.id }) : null,
    facets: toFacets(facetRows[0]),
    mode,
    correctedQuery,
    sort,
  };
}

function sortKeyOf(sort: SearchSort, row: HitRow): string {
  if (sort === 'newest') return timeKey(row.createdAt);
  if (sort === 'relevance') return String(row.rank);
  if (sort === 'tagged') return String(row.tagCount);
  return String(row.disagreement);
}
