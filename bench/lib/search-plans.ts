import pg from 'pg';
import { facetQuery } from '../../lib/server/search/facets';
import { closeDatabase, db } from '../../lib/server/db/client';
import { correctQuery, FUZZY_THRESHOLD } from '../../lib/server/search/mode';
import { headlinesQuery, pageQuery, pageWithFacetsQuery } from '../../lib/server/search/search-claims';
import { effectiveSort, searchParamsSchema } from '../../lib/search/search-params';
import type { QueryShape } from './search-queries';

/** EXPLAIN ANALYZE of the page and facet queries of one example per query shape, as Markdown. */
export async function explainShapes(
  url: string,
  queries: { shape: QueryShape; params: Record<string, string> }[],
): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  process.env.DATABASE_URL = url;
  const sections: string[] = [
    '# Search query plans',
    '',
    'Written by `npm run bench:search` on its generated data set (100,000 claims, 1,000,000 tags). By default the in-memory search index answers, and Postgres only marks the matched words in a page\'s headlines (first section; no table read). Then, one example of each query shape with `EXPLAIN (ANALYZE, BUFFERS)` as Postgres answers it alone (`SEARCH_INDEX=0`, a search by tagger or "my confidence", or an instance still loading its index) — for searches with words the one statement that ranks the matches once for the page and the facet counts, for searches without words the page query and the facet query. Look for the index each one uses.',
    '',
  ];
  const text = queries.find((q) => q.shape === 'text');
  if (text) {
    const { rows: page } = await client.query<{ exact: string }>(
      `SELECT "exact" FROM "Claim" WHERE "tagCount" > 0 ORDER BY "disagreement" DESC LIMIT 21`,
    );
    const sql = headlinesQuery(
      text.params.q,
      page.map((row) => row.exact),
    );
    const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql.text}`, sql.values);
    sections.push(
      '## in-memory index — the headlines of a page (no table read)',
      '',
      `Words: \`${text.params.q}\``,
      '',
      '```',
      ...rows.map((r) => r['QUERY PLAN']),
      '```',
      '',
    );
  }
  for (const shape of ['text', 'facets', 'text+facets', 'typo'] as const) {
    const example = queries.find((q) => q.shape === shape);
    if (!example) continue;
    const params = searchParamsSchema.parse(example.params);
    if (shape === 'typo') {
      const lookup = await client.query(
        `EXPLAIN (ANALYZE, COSTS OFF) SELECT "word" FROM "SearchWord" WHERE "word" % $1 AND similarity("word", $1) >= ${FUZZY_THRESHOLD} ORDER BY similarity("word", $1) DESC, "word" LIMIT 1`,
        [params.q],
      );
      sections.push('## typo — spelling correction', '', '```', ...lookup.rows.map((r) => r['QUERY PLAN']), '```', '');
      params.q = (await correctQuery(db, params.q ?? '')) ?? params.q;
    }
    const sort = effectiveSort(params);
    const page = pageQuery(params, null, sort);
    // With words: one statement finds and ranks the matches once for the page and the facet counts.
    // Without: the page, and the facet counts as Postgres runs them when the in-memory index is off or still loading.
    const statements = params.q
      ? ([['page and facets', pageWithFacetsQuery(params, null, sort)]] as const)
      : ([
          ['page', page.sql],
          ['facets (in memory by default; this is the SQL used without the index)', facetQuery(page.where)],
        ] as const);
    for (const [label, sql] of statements) {
      const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql.text}`, sql.values);
      sections.push(
        `## ${shape} — ${label}`,
        '',
        `Query: \`${new URLSearchParams(example.params)}\``,
        '',
        '```',
        ...rows.map((r) => r['QUERY PLAN']),
        '```',
        '',
      );
    }
  }
  await client.end();
  await closeDatabase();
  return `${sections.join('\n')}\n`;
}
