import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { AXES } from '@/lib/claims/types';
import { type SearchParams, searchParamsSchema } from '@/lib/search/search-params';
import { deleteTag } from '@/lib/server/claims/put-tag';
import { db } from '@/lib/server/db/client';
import { pgPool } from '@/lib/server/db/pg-pool';
import { RECORD_EVENT_SQL } from '@/lib/server/events/publish';
import { countableInMemory, FacetIndex } from '@/lib/server/search/facet-index';
import { type FacetRow, facetQuery } from '@/lib/server/search/facets';
import { dataVersion } from '@/lib/server/search/data-version';
import { searchWhere } from '@/lib/server/search/search-claims';
import { insertThread, insertUser } from '../../support/factories';
import { tagPassage } from '../../support/tagging';

type User = { id: string; name: string };
const LABELS = ['empirical', 'reward modelling', 'theory'];
let users: User[];
let threads: { slug: string; passages: { id: string; text: string }[] }[];

/** What Postgres counts for these parameters (the SQL the index stands in for). */
async function sqlCounts(params: SearchParams): Promise<FacetRow> {
  const [row] = await db.$queryRaw<FacetRow[]>(facetQuery(searchWhere(params, null)));
  return row;
}

/** What a loaded index counts at the current data version. */
async function indexCounts(index: FacetIndex, params: SearchParams): Promise<FacetRow | null> {
  const version = await dataVersion();
  const first = await index.count(params, version);
  if (first) return first;
  await index.settled();
  return index.count(params, version);
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
};

/** One to three facets at a time (more and nearly every result is empty), as the URL would carry them. */
const paramsArbitrary = fc
  .subarray(Object.keys(FACETS) as (keyof typeof FACETS)[], { minLength: 1, maxLength: 3 })
  .chain((keys) => fc.record(Object.fromEntries(keys.map((key) => [key, FACETS[key]])) as Record<string, fc.Arbitrary<unknown>>))
  .map((raw) => searchParamsSchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : String(v)]))));

beforeAll(async () => {
  users = await Promise.all(['Ana', 'Bo', 'Cas', 'Dee', 'Eli'].map((name) => insertUser({ name })));
  threads = [];
  for (const slug of ['facets-a', 'facets-b', 'facets-c']) {
    const { passages } = await insertThread(Array.from({ length: 8 }, (_, i) => `Claim ${i} of ${slug} about alignment, number ${i}.`), slug);
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
        });
      }
    }
  }
});

describe('in-memory facet counts', () => {
  it('answer only what they can: no words, no tagger, no "my confidence"', () => {
    expect(countableInMemory(searchParamsSchema.parse({ axis: 'inner' }))).toBe(true);
    expect(countableInMemory(searchParamsSchema.parse({ q: 'reward' }))).toBe(false);
    expect(countableInMemory(searchParamsSchema.parse({ tagger: users[0].id }))).toBe(false);
    expect(countableInMemory(searchParamsSchema.parse({ minConfidence: '10', confidenceOf: 'mine' }))).toBe(false);
    expect(countableInMemory(searchParamsSchema.parse({ confidenceOf: 'mine' }))).toBe(true);
  });

  it('equal the Postgres counts for any combination of facets (property)', async () => {
    const index = new FacetIndex(pgPool);
    // Boundaries first: a mean exactly at both ends of the range, disagreement exactly 0.
    const [{ mean }] = await db.$queryRaw<{ mean: number }[]>`SELECT "confMean" AS mean FROM "Claim" WHERE "confMean" = round("confMean") LIMIT 1`;
    for (const raw of [{}, { minDisagreement: '0' }, { minConfidence: String(mean), maxConfidence: String(mean) }, { minTaggers: '5' }]) {
      const params = searchParamsSchema.parse(raw);
      expect(await indexCounts(index, params), JSON.stringify(raw)).toEqual(await sqlCounts(params));
    }
    let nonEmpty = 0;
    await fc.assert(
      fc.asyncProperty(paramsArbitrary, async (params) => {
        const expected = await sqlCounts(params);
        if (expected.total > 0) nonEmpty++;
        expect(await indexCounts(index, params)).toEqual(expected);
      }),
      { numRuns: 200 },
    );
    expect(nonEmpty, 'most generated searches find something').toBeGreaterThan(80);
  });

  it('follow tag writes, deletes and new claims from the event log, and reload after anything else', async () => {
    const index = new FacetIndex(pgPool);
    const all = searchParamsSchema.parse({});
    const crux = searchParamsSchema.parse({ crux: 'true', axis: 'both' });
    await indexCounts(index, all);

    // A new tag on an untagged passage (a new claim), an edit, a delete.
    const claim = await tagPassage('facets-b', threads[1].passages[7], users[4], { axis: 'both', crux: true, confidence: 99 });
    await tagPassage('facets-a', threads[0].passages[0], users[0], { axis: 'other', confidence: 1 });
    await deleteTag({ claimId: claim.id }, { ...users[4], role: 'USER' });
    await tagPassage('facets-c', threads[2].passages[7], users[3], { axis: 'both', crux: true, labels: ['theory'] });
    for (const params of [all, crux, searchParamsSchema.parse({ label: 'theory' })]) {
      const version = await dataVersion();
      expect(await index.count(params, version), 'answered at once from the event log').toEqual(await sqlCounts(params));
    }

    // An event that is not one claim's tags (an import) makes the index reload in the background.
    const thread = await db.thread.findUniqueOrThrow({ where: { slug: 'facets-a' } });
    await pgPool().query(RECORD_EVENT_SQL, [thread.id, 'import', JSON.stringify({ created: 0 })]);
    const version = await dataVersion();
    expect(await index.count(all, version), 'Postgres answers while the index reloads').toBeNull();
    await index.settled();
    expect(await index.count(all, version)).toEqual(await sqlCounts(all));

    // So does a new thread.
    await insertThread(['A late thread.'], 'facets-late');
    expect(await indexCounts(index, all)).toEqual(await sqlCounts(all));
  });

  it('stay equal to Postgres when searches and tag writes race', async () => {
    const index = new FacetIndex(pgPool);
    const params = searchParamsSchema.parse({ axis: 'outer,both' });
    await indexCounts(index, params);
    const writers = await Promise.all(Array.from({ length: 6 }, (_, i) => insertUser({ name: `Racer ${i}` })));
    const writes = threads.flatMap(({ slug, passages }, t) =>
      passages.slice(0, 6).map((passage, p) => () =>
        tagPassage(slug, passage, writers[(t + p) % writers.length], { axis: (t + p) % 2 ? 'outer' : 'both', confidence: (t * 31 + p * 17) % 101 }),
      ),
    );
    const read = async () => {
      const counted = await index.count(params, await dataVersion());
      if (counted) expect(counted.total).toBeGreaterThan(0);
    };
    // Every write started next to a search, all at once.
    await Promise.all(writes.flatMap((write) => [write(), read()]));
    expect(await indexCounts(index, params)).toEqual(await sqlCounts(params));
  });
});
