import fc from 'fast-check';
import type pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { AXES } from '@/lib/claims/types';
import { effectiveSort, type SearchParams, searchParamsSchema } from '@/lib/search/search-params';
import { deleteTag } from '@/lib/server/claims/put-tag';
import { db } from '@/lib/server/db/client';
import { pgPool } from '@/lib/server/db/pg-pool';
import { recordEvents } from '@/lib/server/events/publish';
import { dataVersion } from '@/lib/server/search/data-version';
import { type FacetRow, facetQuery } from '@/lib/server/search/facets';
import type { HitRow } from '@/lib/server/search/hits';
import { pageQuery, pageWithFacetsQuery } from '@/lib/server/search/search-claims';
import { answerableInMemory, type ClaimShown, type IndexAnswer, SearchIndex } from '@/lib/server/search/search-index';
import { readCursor, timeKey } from '@/lib/server/search/sort-cursor';
import { encodeCursor } from '@/lib/search/cursor';
import { insertThread, insertUser } from '../../support/factories';
import { tagPassage } from '../../support/tagging';

type User = { id: string; name: string };
const LABELS = ['empirical', 'reward modelling', 'theory'];
const WORDS = [
  'alignment',
  'aligned',
  'reward',
  'rewards',
  'model',
  'mesa',
  'optimizer',
  'goal',
  'deceptive',
  'training',
  'story',
  'inner',
  'outer',
];
let users: User[];
let threads: { slug: string; passages: { id: string; text: string }[] }[];

type Answer = { hits: IndexAnswer['hits']; facets: FacetRow };

/** A hit as the index holds it, from a row Postgres returned. */
function asIndexHit(row: HitRow & { threadId: string }): IndexAnswer['hits'][number] {
  const { slug, title, rank, createdAt } = row;
  const keys = [
    'id',
    'threadId',
    'exact',
    'passageId',
    'ordinal',
    'tagCount',
    'confMean',
    'disagreement',
    'cruxScore',
    'consensusScore',
    'cruxCount',
    'storyCount',
    'axisOuter',
    'axisInner',
    'axisBoth',
    'axisOther',
    'labels',
    'orphan',
  ] as const;
  const claim = Object.fromEntries(keys.map((key) => [key, row[key]])) as Omit<ClaimShown, 'createdAt'>;
  return { id: row.id, rank, claim: { ...claim, createdAt: createdAt.getTime() }, thread: { slug, title } };
}

/** What Postgres answers for these parameters: the SQL the index stands in for. */
async function sqlAnswer(params: SearchParams): Promise<Answer> {
  const sort = effectiveSort(params);
  if (params.q) {
    const rows = await db.$queryRaw<(FacetRow & HitRow & { threadId: string })[]>(
      pageWithFacetsQuery(params, null, sort),
    );
    const { total, outer, inner, both, other, crux, story, threads: perThread } = rows[0];
    return {
      hits: rows.filter((r) => r.id !== null).map((r) => asIndexHit(r)),
      facets: { total, outer, inner, both, other, crux, story, threads: perThread },
    };
  }
  const page = pageQuery(params, null, sort);
  const [rows, [facets]] = await Promise.all([
    db.$queryRaw<(HitRow & { threadId: string })[]>(page.sql),
    db.$queryRaw<FacetRow[]>(facetQuery(page.where)),
  ]);
  return { hits: rows.map(asIndexHit), facets };
}

/** What a loaded index answers at the current data version (null: it leaves the search to Postgres). */
async function indexAnswer(index: SearchIndex, params: SearchParams, wait = true): Promise<IndexAnswer | null> {
  const version = await dataVersion();
  const sort = effectiveSort(params);
  const tsquery = params.q
    ? (await pgPool().query<{ q: string }>(`SELECT websearch_to_tsquery('english', $1)::text AS q`, [params.q])).rows[0]
        .q
    : null;
  const ask = () => index.search(params, version, sort, tsquery, readCursor(sort, params.cursor));
  const first = await ask();
  if (first || !wait) return first;
  await index.settled();
  return ask();
}

/** The cursor after the last hit of a page, as the API makes it. */
async function cursorAfter(params: SearchParams, hit: { id: string; rank: number }): Promise<string> {
  const sort = effectiveSort(params);
  const [claim] = await db.$queryRaw<{ createdAt: Date; tagCount: number; disagreement: number }[]>`
    SELECT "createdAt", "tagCount", "disagreement" FROM "Claim" WHERE "id" = ${hit.id}::uuid`;
  const key =
    sort === 'relevance'
      ? String(hit.rank)
      : sort === 'newest'
        ? timeKey(claim.createdAt)
        : sort === 'tagged'
          ? String(claim.tagCount)
          : String(claim.disagreement);
  return encodeCursor({ sort, key, id: hit.id });
}

const FACETS = {
  axis: fc.subarray([...AXES], { minLength: 1 }),
  minConfidence: fc.integer({ min: 0, max: 100 }),
  maxConfidence: fc.integer({ min: 0, max: 100 }),
  concreteStory: fc.boolean(),
  crux: fc.boolean(),
  thread: fc.constantFrom('facets-a', 'facets-b', 'facets-c', 'no-such-thread'),
  minTaggers: fc.integer({ min: 1, max: 4 }),
  minDisagreement: fc.constantFrom(0, 0.05, 0.1, 0.2, 0.35, 0.5),
  label: fc.subarray(LABELS, { minLength: 1, maxLength: 2 }),
  q: fc.oneof(
    fc.subarray(WORDS, { minLength: 1, maxLength: 2 }).map((w) => w.join(' ')),
    fc.constantFrom('"reward model"', 'alignment or mesa', 'goal -reward', 'the', 'inner -outer -the'),
  ),
  sort: fc.constantFrom('relevance', 'disagreement', 'tagged', 'newest'),
  limit: fc.integer({ min: 1, max: 6 }),
};

/** One to three facets (and maybe words, an order, a page size) at a time, as the URL would carry them. */
const paramsArbitrary = fc
  .subarray(Object.keys(FACETS) as (keyof typeof FACETS)[], { minLength: 1, maxLength: 4 })
  .chain((keys) =>
    fc.record(Object.fromEntries(keys.map((key) => [key, FACETS[key]])) as Record<string, fc.Arbitrary<unknown>>),
  )
  .map((raw) =>
    searchParamsSchema.parse(
      Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : String(v)])),
    ),
  )
  .filter((params) => params.sort !== 'relevance' || Boolean(params.q));

beforeAll(async () => {
  users = await Promise.all(['Ana', 'Bo', 'Cas', 'Dee', 'Eli'].map((name) => insertUser({ name })));
  threads = [];
  for (const slug of ['facets-a', 'facets-b', 'facets-c']) {
    const text = (i: number) =>
      Array.from(
        { length: 4 + ((i * 5 + slug.length) % 7) },
        (_, k) => WORDS[(i * 7 + k * k * 3 + slug.charCodeAt(7)) % WORDS.length],
      ).join(' the ');
    const { passages } = await insertThread(
      Array.from({ length: 8 }, (_, i) => `Claim ${i} of ${slug}: ${text(i)}.`),
      slug,
    );
    threads.push({ slug, passages });
  }
  // A deterministic spread of tags: every axis, confidences, flags and labels, 1–5 taggers a claim.
  let n = 0;
  for (const { slug, passages } of threads) {
    for (const [p, passage] of passages.entries()) {
      if (p === 7) continue; // one untagged claim-less passage per thread
      for (let u = 0; u <= (p + slug.length) % users.length; u++) {
        n++;
        await tagPassage(slug, passage, users[u], {
          axis: AXES[(n * 7 + u) % AXES.length],
          confidence: n % 6 === 0 ? null : (n * 37) % 101,
          crux: n % 3 === 0,
          concreteStoryNeeded: n % 4 === 0,
          labels: n % 5 === 0 ? [LABELS[n % 3]] : n % 7 === 0 ? [LABELS[0], LABELS[1]] : [],
          note: n % 4 === 1 ? `A note on ${WORDS[n % WORDS.length]} and ${WORDS[(n * 3) % WORDS.length]} models.` : '',
        });
      }
    }
  }
});

describe('the in-memory search index', () => {
  it('answers what it can: everything but a tagger or "my confidence"', () => {
    expect(answerableInMemory(searchParamsSchema.parse({ axis: 'inner' }))).toBe(true);
    expect(answerableInMemory(searchParamsSchema.parse({ q: 'reward', sort: 'newest' }))).toBe(true);
    expect(answerableInMemory(searchParamsSchema.parse({ tagger: users[0].id }))).toBe(false);
    expect(answerableInMemory(searchParamsSchema.parse({ minConfidence: '10', confidenceOf: 'mine' }))).toBe(false);
    expect(answerableInMemory(searchParamsSchema.parse({ confidenceOf: 'mine' }))).toBe(true);
  });

  it('gives the answer Postgres gives — page, order, ranks and facet counts — for any search (property)', async () => {
    const index = new SearchIndex(pgPool);
    // Boundaries first: a mean exactly at both ends of the range, disagreement exactly 0.
    const [{ mean }] = await db.$queryRaw<
      { mean: number }[]
    >`SELECT "confMean" AS mean FROM "Claim" WHERE "confMean" = round("confMean") LIMIT 1`;
    for (const raw of [
      {},
      { minDisagreement: '0' },
      { minConfidence: String(mean), maxConfidence: String(mean) },
      { minTaggers: '5' },
      { q: 'alignment' },
    ]) {
      const params = searchParamsSchema.parse(raw);
      expect(await indexAnswer(index, params), JSON.stringify(raw)).toEqual(await sqlAnswer(params));
    }
    let nonEmpty = 0;
    let paged = 0;
    await fc.assert(
      fc.asyncProperty(paramsArbitrary, async (params) => {
        const expected = await sqlAnswer(params);
        if (expected.facets.total > 0) nonEmpty++;
        expect(await indexAnswer(index, params)).toEqual(expected);
        // The next page, from a cursor after this one (what either path would be asked next).
        if (expected.hits.length > params.limit) {
          paged++;
          const next = { ...params, cursor: await cursorAfter(params, expected.hits[params.limit - 1]) };
          expect(await indexAnswer(index, next)).toEqual(await sqlAnswer(next));
        }
      }),
      { numRuns: 300 },
    );
    expect(nonEmpty, 'most generated searches find something').toBeGreaterThan(100);
    expect(paged, 'many have a next page').toBeGreaterThan(25);
  });

  it('backs off after a failed load: Postgres answers, and the next searches do not load again at once', async () => {
    let connects = 0;
    const broken = {
      connect: async () => {
        connects++;
        throw new Error('connection refused');
      },
    } as unknown as pg.Pool;
    const index = new SearchIndex(() => broken);
    const params = searchParamsSchema.parse({});
    expect(await index.search(params, '0:0', 'disagreement', null, null)).toBeNull();
    await index.settled();
    expect(index.status()).toEqual({ state: 'failed', claims: 0, overlay: 0, error: 'connection refused' });
    for (let i = 0; i < 3; i++) {
      expect(await index.search(params, '0:0', 'disagreement', null, null)).toBeNull();
      await index.settled();
    }
    expect(connects, 'one load tried, not one per search').toBe(1);
  });

  it('does not load more claims than the heap can spare, and says why', async () => {
    const index = new SearchIndex(pgPool, () => 10_000);
    expect(
      await index.search(searchParamsSchema.parse({}), await dataVersion(), 'disagreement', null, null),
    ).toBeNull();
    await index.settled();
    const status = index.status();
    expect(status.state).toBe('failed');
    expect(status.error).toMatch(
      /tagged claims would need about \d+ MB of heap to index, and 0 MB can be spared; Postgres answers searches/,
    );
    // With room to spare, the same claims load.
    expect(await indexAnswer(new SearchIndex(pgPool, () => 1e9), searchParamsSchema.parse({}))).not.toBeNull();
  });

  it('leaves query shapes it does not evaluate to Postgres', async () => {
    const index = new SearchIndex(pgPool);
    await indexAnswer(index, searchParamsSchema.parse({}));
    const version = await dataVersion();
    const params = searchParamsSchema.parse({ q: 'reward' });
    expect(await index.search(params, version, 'relevance', `'reward':*`, null)).toBeNull();
    expect(await index.search(params, version, 'relevance', `'a' <-> ( 'b' | 'c' )`, null)).toBeNull();
    expect(await index.search(params, version, 'relevance', `'reward'`, null)).not.toBeNull();
  });

  it('follows tag writes, notes, deletes and new claims from the event log, and reloads after anything else', async () => {
    const index = new SearchIndex(pgPool);
    const all = searchParamsSchema.parse({});
    const crux = searchParamsSchema.parse({ crux: 'true', axis: 'both' });
    await indexAnswer(index, all);
    // Searches by flags alone take their pages from orders kept of every claim: build each order
    // now, before the writes move claims in it (pages of 3, so that the order decides the page).
    const ordered = (['disagreement', 'tagged', 'newest'] as const).map((sort) =>
      searchParamsSchema.parse({ sort, limit: '3', crux: 'false' }),
    );
    for (const params of ordered) await indexAnswer(index, params);
    // Then move claims across them: three claims get every tagger, split between 0 and 100.
    for (const passage of threads[1].passages.slice(3, 6)) {
      for (const [u, user] of users.entries())
        await tagPassage('facets-b', passage, user, { axis: 'outer', confidence: u % 2 ? 0 : 100 });
    }

    // A new tag on an untagged passage (a new claim), an edit, a delete.
    const claim = await tagPassage('facets-b', threads[1].passages[7], users[4], {
      axis: 'both',
      crux: true,
      confidence: 99,
    });
    await tagPassage('facets-a', threads[0].passages[0], users[0], { axis: 'other', confidence: 1 });
    await deleteTag({ claimId: claim.id }, { ...users[4], role: 'USER' });
    await tagPassage('facets-c', threads[2].passages[7], users[3], { axis: 'both', crux: true, labels: ['theory'] });
    // A note with a new word, then the same tag's note rewritten without it.
    await tagPassage('facets-a', threads[0].passages[1], users[0], {
      axis: 'inner',
      note: 'Zebras are a concrete story about rewards.',
    });
    const zebra = searchParamsSchema.parse({ q: 'zebra' });
    expect((await indexAnswer(index, zebra, false))?.hits).toHaveLength(1);
    await tagPassage('facets-a', threads[0].passages[2], users[0], { axis: 'inner', note: 'A zebra again.' });
    await tagPassage('facets-a', threads[0].passages[1], users[0], { axis: 'inner', note: 'No stripes here.' });
    for (const params of [
      all,
      crux,
      searchParamsSchema.parse({ label: 'theory' }),
      searchParamsSchema.parse({ q: 'alignment models' }),
      zebra,
    ]) {
      expect(await indexAnswer(index, params, false), 'answered at once from the event log').toEqual(
        await sqlAnswer(params),
      );
    }
    for (const params of ordered) {
      let page = params;
      for (let pages = 1; ; pages++) {
        const expected = await sqlAnswer(page);
        expect(await indexAnswer(index, page, false), `${params.sort}, page ${pages}`).toEqual(expected);
        if (expected.hits.length <= params.limit) break;
        page = { ...params, cursor: await cursorAfter(params, expected.hits[params.limit - 1]) };
      }
    }

    // An event that is not one claim's tags (an import) makes the index reload in the background.
    const thread = await db.thread.findUniqueOrThrow({ where: { slug: 'facets-a' } });
    await pgPool().query(recordEvents(thread.id, [{ type: 'import', payload: { created: 0 } }]));
    expect(await indexAnswer(index, all, false), 'Postgres answers while the index reloads').toBeNull();
    await index.settled();
    expect(await indexAnswer(index, all, false)).toEqual(await sqlAnswer(all));

    // So does a new thread.
    await insertThread(['A late thread.'], 'facets-late');
    expect(await indexAnswer(index, all)).toEqual(await sqlAnswer(all));
  });

  it('stays equal to Postgres when searches and tag writes race', async () => {
    const index = new SearchIndex(pgPool);
    const params = searchParamsSchema.parse({ axis: 'outer,both' });
    await indexAnswer(index, params);
    const writers = await Promise.all(Array.from({ length: 6 }, (_, i) => insertUser({ name: `Racer ${i}` })));
    const writes = threads.flatMap(({ slug, passages }, t) =>
      passages.slice(0, 6).map(
        (passage, p) => () =>
          tagPassage(slug, passage, writers[(t + p) % writers.length], {
            axis: (t + p) % 2 ? 'outer' : 'both',
            confidence: (t * 31 + p * 17) % 101,
          }),
      ),
    );
    const read = async () => {
      const answered = await indexAnswer(index, params, false);
      if (answered) expect(answered.facets.total).toBeGreaterThan(0);
    };
    // Every write started next to a search, all at once.
    await Promise.all(writes.flatMap((write) => [write(), read()]));
    expect(await indexAnswer(index, params)).toEqual(await sqlAnswer(params));
  });
});
