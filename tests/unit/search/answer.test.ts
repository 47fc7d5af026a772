import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AXES } from '@/lib/claims/types';
import { effectiveSort, type SearchParams, searchParamsSchema } from '@/lib/search/search-params';
import { answerPage } from '@/lib/server/search/answer';
import type { SearchIndexData, ThreadInfo } from '@/lib/server/search/index-feed';
import { WordIndex } from '@/lib/server/search/word-index';
import { type ClaimRow, ClaimTable } from '@/lib/server/search/claim-table';

const THREADS: ThreadInfo[] = ['alpha', 'beta', 'gamma'].map((slug, i) => ({
  id: `t${i}`,
  slug,
  title: `T ${slug}`,
  seq: 1,
}));
const SLUGS = new Map(THREADS.map((t, i) => [t.slug, i]));
const USERS = [1, 2, 3].map((n) => `00000000-0000-4000-8000-00000000000${n}`);
const LABELS = ['empirical', 'theory'];

type TestClaim = ClaimRow & { taggers: string[]; confidences: (number | null)[] };

/** The tags as the index reads them: each author's id and a three-digit confidence (127: none). */
const tagsOf = (c: TestClaim) =>
  c.taggers.map((user, k) => `${user}${String(c.confidences[k] ?? 127).padStart(3, '0')}`).join('') || null;

/** Claim n, its columns spread deterministically over every value a filter reads. */
function claim(n: number): TestClaim {
  const taggers = USERS.filter((_, u) => (n * (u + 1)) % (u + 2) !== 0);
  return {
    id: `0190${n.toString(16).padStart(4, '0')}-0000-7000-8000-${n.toString(16).padStart(12, '0')}`,
    threadId: THREADS[n % 3].id,
    exact: `Claim ${n}`,
    notesText: '',
    groupId: null,
    replyCount: 0,
    passageId: `p${n}`,
    ordinal: n,
    createdAt: 1_700_000_000_000 + ((n * 7) % 13) * 1000,
    tagCount: taggers.length,
    confMean: n % 5 === 0 ? null : (n * 37) % 101,
    disagreement: ((n * 3) % 7) / 10,
    cruxScore: 0,
    consensusScore: 0,
    cruxCount: n % 3 === 1 ? 1 : 0,
    storyCount: n % 4 === 1 ? 1 : 0,
    axisOuter: n % 2,
    axisInner: n % 3 === 0 ? 1 : 0,
    axisBoth: n % 5 === 2 ? 1 : 0,
    axisOther: n % 7 === 3 ? 1 : 0,
    labels: LABELS.filter((_, l) => (n + l) % 4 === 0),
    orphan: false,
    taggers,
    confidences: taggers.map((_, k) => ((k + n) % 4 === 0 ? null : (n * 11 + k * 29) % 101)),
  };
}

const CLAIMS = Array.from({ length: 120 }, (_, n) => claim(n));

function table(): ClaimTable {
  const claims = new ClaimTable();
  for (const row of CLAIMS)
    claims.put(
      { ...row, tags: tagsOf(row) },
      THREADS.findIndex((t) => t.id === row.threadId),
    );
  return claims;
}

/** The claims as the index holds them (the words are not read here). */
const held = (table: ClaimTable): SearchIndexData => ({
  version: '',
  table,
  words: new WordIndex(),
  threads: THREADS,
  threadSlot: new Map(THREADS.map((t, i) => [t.id, i])),
  slugSlot: SLUGS,
});

function page(claims: ClaimTable, raw: Record<string, string>, viewerId: string | null = null) {
  const params = searchParamsSchema.parse(raw);
  return answerPage(held(claims), { params, matched: null, scores: null, viewerId, terms: new Set() });
}

/** What a search should find, written out plainly: every filter as the API documents it, then the order. */
function expected(params: SearchParams, viewerId: string | null): TestClaim[] {
  const sort = effectiveSort(params);
  const bounded = params.minConfidence !== undefined || params.maxConfidence !== undefined;
  const [low, high] = [params.minConfidence ?? 0, params.maxConfidence ?? 100];
  const within = (value: number | null) => value !== null && value >= low && value <= high;
  const key = (c: TestClaim) =>
    sort === 'newest' ? c.createdAt : sort === 'tagged' ? c.tagCount : sort === 'disagreement' ? c.disagreement : 0;
  return CLAIMS.filter(
    (c) =>
      (!params.axis?.length ||
        params.axis.some((a) => c[`axis${a[0].toUpperCase()}${a.slice(1)}` as 'axisOuter'] > 0)) &&
      (params.crux === undefined || params.crux === c.cruxCount > 0) &&
      (params.concreteStory === undefined || params.concreteStory === c.storyCount > 0) &&
      (params.thread === undefined || THREADS[SLUGS.get(params.thread) ?? -1]?.id === c.threadId) &&
      c.tagCount >= (params.minTaggers ?? 1) &&
      c.disagreement >= (params.minDisagreement ?? 0) &&
      (!params.label?.length || params.label.every((l) => c.labels.includes(l))) &&
      (!params.tagger || c.taggers.includes(params.tagger)) &&
      (!bounded ||
        (params.confidenceOf === 'mine' && viewerId
          ? c.taggers.some((u, k) => u === viewerId && within(c.confidences[k]))
          : within(c.confMean))),
  ).sort((a, b) => key(b) - key(a) || (a.id < b.id ? 1 : -1));
}

const FILTERS = {
  axis: fc.subarray([...AXES], { minLength: 1 }).map((a) => a.join(',')),
  minConfidence: fc.integer({ min: 0, max: 100 }).map(String),
  maxConfidence: fc.integer({ min: 0, max: 100 }).map(String),
  confidenceOf: fc.constantFrom('mean', 'mine'),
  crux: fc.constantFrom('true', 'false'),
  concreteStory: fc.constantFrom('true', 'false'),
  thread: fc.constantFrom('alpha', 'beta', 'gamma', 'no-such-thread'),
  minTaggers: fc.integer({ min: 1, max: 3 }).map(String),
  minDisagreement: fc.constantFrom('0', '0.2', '0.3', '0.5'),
  label: fc.subarray(LABELS, { minLength: 1 }).map((l) => l.join(',')),
  tagger: fc.constantFrom(...USERS),
};

/** Up to three filters at a time, an order and a page size, as the URL would carry them. */
const paramsArbitrary = fc
  .subarray(Object.keys(FILTERS) as (keyof typeof FILTERS)[], { maxLength: 3 })
  .chain((keys) =>
    fc.record({
      ...Object.fromEntries(keys.map((key) => [key, FILTERS[key]])),
      sort: fc.constantFrom('relevance', 'disagreement', 'tagged', 'newest'),
      limit: fc.integer({ min: 1, max: 7 }).map(String),
    }),
  )
  .map((raw) => raw as Record<string, string>);

describe('answerPage: filters, facets, orders and pages over the claims held', () => {
  it('finds what every combination of filters asks for, in order, and pages through it without a gap or a repeat (property)', () => {
    const claims = table();
    let found = 0;
    let paged = 0;
    // Tagger ids are plain strings here (the schema wants a UUID): checked on the parsed parameters' copy.
    fc.assert(
      fc.property(paramsArbitrary, fc.constantFrom(null, ...USERS), (raw, viewer) => {
        const { tagger, ...rest } = raw;
        const params = { ...searchParamsSchema.parse(rest), ...(tagger ? { tagger } : {}) };
        const want = expected(params, viewer);
        if (want.length) found++;
        if (want.length > params.limit) paged++;
        const seen: string[] = [];
        let cursor: string | null = null;
        for (let pages = 0; pages <= want.length; pages++) {
          const answer = answerPage(held(claims), {
            params: { ...params, cursor: cursor ?? undefined },
            matched: null,
            scores: null,
            viewerId: viewer,
            terms: new Set(),
          });
          expect(answer.facets.total).toBe(want.length);
          seen.push(...answer.items.map((i) => i.id));
          cursor = answer.nextCursor;
          if (!cursor) break;
        }
        expect(seen).toEqual(want.map((c) => c.id));
      }),
      { numRuns: 400 },
    );
    expect(found, 'most generated searches find something').toBeGreaterThan(150);
    expect(paged, 'many take more than one page').toBeGreaterThan(80);
  });

  it('counts the whole result by axis, flags and thread (the 20 largest threads, ties by slug)', () => {
    const answer = page(table(), { minTaggers: '2', limit: '1' });
    const want = CLAIMS.filter((c) => c.tagCount >= 2);
    expect(answer.items).toHaveLength(1);
    expect(answer.facets).toEqual({
      total: want.length,
      axis: {
        outer: want.filter((c) => c.axisOuter).length,
        inner: want.filter((c) => c.axisInner).length,
        both: want.filter((c) => c.axisBoth).length,
        other: want.filter((c) => c.axisOther).length,
      },
      crux: want.filter((c) => c.cruxCount).length,
      concreteStory: want.filter((c) => c.storyCount).length,
      threads: THREADS.map((t) => ({
        slug: t.slug,
        title: t.title,
        count: want.filter((c) => c.threadId === t.id).length,
      }))
        .filter((t) => t.count > 0)
        .sort((a, b) => b.count - a.count || (a.slug < b.slug ? -1 : 1)),
    });
  });

  it('never lists a claim nobody tags any more, and shows one again once tagged', () => {
    const claims = table();
    const before = page(claims, { limit: '200' }).facets.total;
    const slot = claims.ids.indexOf(CLAIMS[4].id);
    claims.put({ ...CLAIMS[4], tagCount: 0, tags: null }, 1);
    const without = page(claims, { limit: '200' });
    expect(without.facets.total).toBe(before - 1);
    expect(without.items.map((i) => i.id)).not.toContain(CLAIMS[4].id);
    claims.put({ ...CLAIMS[4], tags: tagsOf(CLAIMS[4]) }, 1);
    expect(claims.ids.indexOf(CLAIMS[4].id)).toBe(slot);
    expect(claims.size).toBe(CLAIMS.length);
    expect(page(claims, { limit: '200' }).facets.total).toBe(before);
  });

  it('shows a hit as the API documents it: text, thread, link, aggregates', () => {
    const [hit] = page(table(), { thread: 'beta', sort: 'newest', limit: '1' }).items;
    const row = expected(searchParamsSchema.parse({ thread: 'beta', sort: 'newest' }), null)[0];
    expect(hit).toMatchObject({
      id: row.id,
      text: row.exact,
      snippet: row.exact,
      thread: { slug: 'beta', title: 'T beta' },
      href: `/threads/beta?claim=${row.id}#p-${row.ordinal + 1}`,
      createdAt: new Date(row.createdAt).toISOString(),
      rank: 0,
      aggregates: { taggers: row.tagCount, confidenceMean: row.confMean, labels: row.labels },
    });
  });
});
