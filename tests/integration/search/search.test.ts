/** GET /api/claims against a real database: what a user of the search sees. */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { encodeCursor } from '@/lib/search/cursor';
import { db } from '@/lib/server/db/client';
import { searchEngine } from '@/lib/server/search/search-claims';
import { insertThread, insertUser } from '../../support/factories';
import { call } from '../../support/requests';
import { tagPassage } from '../../support/tagging';

const PARAGRAPHS = [
  'Inner alignment failures arise when the learned objective differs from the training objective.',
  'Outer alignment is about writing a reward function that captures what we want.',
  'Specification gaming shows that reward functions are hard to write well.',
  'Goal misgeneralization is an inner alignment problem seen in practice.',
  'Interpretability tools could let us check the learned objective directly.',
  'A concrete story of deceptive alignment would make the argument clearer.',
];

type User = { id: string; name: string };
let users: User[];
let slug: string;
let otherSlug: string;

async function search(query: Record<string, string>, user?: User) {
  const response = await call('/api/claims', { query, user });
  return response;
}

const ids = (response: Awaited<ReturnType<typeof search>>) => response.json.items.map((i: { text: string }) => i.text);

beforeAll(async () => {
  users = await Promise.all(['Ada', 'Ben', 'Cy', 'Di'].map((name) => insertUser({ name })));
  const { thread, passages } = await insertThread(PARAGRAPHS, 'search-main');
  const other = await insertThread(['Inner alignment appears in another thread too.'], 'search-other');
  slug = thread.slug;
  otherSlug = other.thread.slug;
  const [ada, ben, cy, di] = users;
  // 0: a 10/90 split on inner, marked crux by two.
  await tagPassage(slug, passages[0], ada, {
    axis: 'inner',
    confidence: 10,
    crux: true,
    note: 'mesa-optimizers are speculative',
  });
  await tagPassage(slug, passages[0], ben, { axis: 'inner', confidence: 90, crux: true });
  await tagPassage(slug, passages[0], cy, { axis: 'inner', confidence: 90 });
  // 1: agreement on outer.
  await tagPassage(slug, passages[1], ada, { axis: 'outer', confidence: 80, labels: ['reward modelling'] });
  await tagPassage(slug, passages[1], ben, { axis: 'outer', confidence: 85 });
  // 2: outer, story needed.
  await tagPassage(slug, passages[2], cy, {
    axis: 'outer',
    confidence: 60,
    concreteStoryNeeded: true,
    labels: ['reward modelling', 'empirical'],
  });
  // 3: inner vs outer axis split.
  await tagPassage(slug, passages[3], ada, { axis: 'inner', confidence: 70 });
  await tagPassage(slug, passages[3], di, { axis: 'outer', confidence: 75 });
  // 4: other.
  await tagPassage(slug, passages[4], di, { axis: 'other', confidence: 50, note: 'Needs **benchmarks**' });
  // 5: untagged (never listed). Other thread: one inner tag.
  await tagPassage(otherSlug, other.passages[0], di, { axis: 'inner', confidence: 40 });
  // Loaded now, after the tags above; the cases' own changes reach it through the event log.
  await searchEngine().loaded();
  expect(searchEngine().status().state).toBe('ready');
});

describe('GET /api/claims', () => {
  it('finds claims by full text over claim text and notes, ranked', async () => {
    const response = await search({ q: 'learned objective' });
    expect(response.status).toBe(200);
    expect(response.json.mode).toBe('fulltext');
    expect(ids(response)).toEqual(expect.arrayContaining([PARAGRAPHS[0], PARAGRAPHS[4]]));
    expect(response.json.items[0].snippet).toContain('<mark>');
    const byNote = await search({ q: 'mesa-optimizers' });
    expect(ids(byNote)).toEqual([PARAGRAPHS[0]]);
    const ranked = await search({ q: 'inner alignment' });
    expect(ranked.json.items[0].aggregates).toBeDefined();
    const ranks = ranked.json.items.map((i: { rank: number }) => i.rank);
    expect([...ranks].sort((a, b) => b - a)).toEqual(ranks);
  });

  it('tolerates typos through trigram similarity, and searches the words as typed when asked', async () => {
    const response = await search({ q: 'inner alignmnet' });
    expect(response.json.mode).toBe('fuzzy');
    expect(response.json.correctedQuery).toBe('inner alignment');
    const asTyped = await search({ q: 'inner alignmnet', verbatim: 'true' });
    expect(asTyped.json).toMatchObject({ mode: 'fulltext', correctedQuery: null, items: [] });
    expect(ids(response)).toEqual(expect.arrayContaining([PARAGRAPHS[0], PARAGRAPHS[3]]));
    const gaming = await search({ q: 'specfication gamng' });
    expect(ids(gaming)).toContain(PARAGRAPHS[2]);
  });

  it('filters by each facet', async () => {
    expect(ids(await search({ axis: 'other' }))).toEqual([PARAGRAPHS[4]]);
    expect(ids(await search({ axis: 'outer', thread: slug })).sort()).toEqual(
      [PARAGRAPHS[1], PARAGRAPHS[2], PARAGRAPHS[3]].sort(),
    );
    expect(ids(await search({ crux: 'true' }))).toEqual([PARAGRAPHS[0]]);
    expect(ids(await search({ concreteStory: 'true' }))).toEqual([PARAGRAPHS[2]]);
    expect(ids(await search({ minConfidence: '80', maxConfidence: '90' }))).toEqual([PARAGRAPHS[1]]);
    expect(ids(await search({ tagger: users[3].id })).sort()).toEqual(
      [PARAGRAPHS[3], PARAGRAPHS[4], 'Inner alignment appears in another thread too.'].sort(),
    );
    expect(ids(await search({ thread: otherSlug }))).toEqual(['Inner alignment appears in another thread too.']);
    expect(ids(await search({ minTaggers: '3' }))).toEqual([PARAGRAPHS[0]]);
    expect(ids(await search({ minDisagreement: '0.2' }))).toEqual([PARAGRAPHS[0]]);
    expect(ids(await search({ label: 'reward modelling' })).sort()).toEqual([PARAGRAPHS[1], PARAGRAPHS[2]].sort());
    expect(ids(await search({ label: 'reward' }))).toEqual([]);
    const mineQuery = { confidenceOf: 'mine', minConfidence: '60', maxConfidence: '75' };
    expect(ids(await search(mineQuery, users[0]))).toEqual([PARAGRAPHS[3]]);
    // The same words from someone else mean their own confidences: answers are cached per viewer here.
    expect(ids(await search(mineQuery, users[2]))).toEqual([PARAGRAPHS[2]]);
    expect(ids(await search(mineQuery, users[0]))).toEqual([PARAGRAPHS[3]]);
  });

  it('combines facets and text, and reports facet counts for the whole result set', async () => {
    const combined = await search({ q: 'alignment', axis: 'inner', thread: slug, crux: 'false' });
    expect(ids(combined)).toEqual([PARAGRAPHS[3]]);
    const all = await search({ thread: slug });
    expect(all.json.facets).toMatchObject({
      total: 5,
      axis: { outer: 3, inner: 2, both: 0, other: 1 },
      crux: 1,
      concreteStory: 1,
    });
    expect(all.json.facets.threads).toEqual([{ slug, title: `Thread ${slug}`, count: 5 }]);
  });

  it('counts the facets of a text search over all its matches on every page, and pages by relevance to the end', async () => {
    // "alignment" (stem "align") is in paragraphs 0, 1 and 3 and in the other thread's claim; 5 is untagged.
    const expected = {
      total: 4,
      axis: { outer: 2, inner: 3, both: 0, other: 0 },
      crux: 1,
      concreteStory: 0,
      threads: [
        { slug, title: `Thread ${slug}`, count: 3 },
        { slug: otherSlug, title: `Thread ${otherSlug}`, count: 1 },
      ],
    };
    const all = (await search({ q: 'alignment', limit: '200' })).json.items.map((i: { id: string }) => i.id);
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof search>> = await search({
        q: 'alignment',
        limit: '2',
        ...(cursor ? { cursor } : {}),
      });
      expect(page.json.facets).toEqual(expected);
      paged.push(...page.json.items.map((i: { id: string }) => i.id));
      cursor = page.json.nextCursor;
    } while (cursor);
    expect(paged).toEqual(all);
    expect(paged).toHaveLength(expected.total);

    // In another order the matches are not ranked at all.
    const byDisagreement = await search({ q: 'alignment', sort: 'disagreement', limit: '200' });
    const scores = byDisagreement.json.items.map(
      (i: { aggregates: { disagreement: number } }) => i.aggregates.disagreement,
    );
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(byDisagreement.json.items.every((i: { rank: number }) => i.rank === 0)).toBe(true);
    expect(byDisagreement.json.facets).toEqual(expected);
  });

  it('sorts by disagreement, most tagged and newest', async () => {
    const byDisagreement = await search({ thread: slug, sort: 'disagreement' });
    expect(byDisagreement.json.items[0].text).toBe(PARAGRAPHS[0]);
    const byTagged = await search({ thread: slug, sort: 'tagged' });
    expect(byTagged.json.items.map((i: { aggregates: { taggers: number } }) => i.aggregates.taggers)).toEqual([
      3, 2, 2, 1, 1,
    ]);
    const newest = await search({ thread: slug, sort: 'newest' });
    expect(newest.json.items[0].text).toBe(PARAGRAPHS[4]);
  });

  it('pages with a cursor without duplicates or gaps while tags change', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let round = 0;
    do {
      const page: Awaited<ReturnType<typeof search>> = await search({
        sort: 'newest',
        limit: '2',
        ...(cursor ? { cursor } : {}),
      });
      expect(page.status, page.text).toBe(200);
      seen.push(...ids(page));
      cursor = page.json.nextCursor;
      // Tags keep changing between pages.
      const { passages } = await insertThread([`Fresh claim ${round} about alignment.`], `fresh-${round}`);
      await tagPassage(`fresh-${round}`, passages[0], users[round % 4], { axis: 'both', confidence: 30 + round });
      round++;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.sort()).toEqual([...PARAGRAPHS.slice(0, 5), 'Inner alignment appears in another thread too.'].sort());
  });

  it('pages by most tagged with a cursor, in order, to the end', async () => {
    const all = (await search({ sort: 'tagged', limit: '200' })).json.items.map((i: { id: string }) => i.id);
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof search>> = await search({
        sort: 'tagged',
        limit: '3',
        ...(cursor ? { cursor } : {}),
      });
      expect(page.status, page.text).toBe(200);
      paged.push(...page.json.items.map((i: { id: string }) => i.id));
      cursor = page.json.nextCursor;
    } while (cursor);
    expect(paged).toEqual(all);
  });

  it('answers a repeated search from the cache, per data version and per viewer', async () => {
    const searched = vi.spyOn(searchEngine(), 'search');
    const query = { q: 'interpretability tools', thread: slug };
    const first = await search(query);
    expect(searched).toHaveBeenCalledTimes(1);
    expect((await search(query)).json).toEqual(first.json);
    // The same answer for everyone: a signed-in reader's search is the anonymous one's.
    expect((await search(query, users[1])).json).toEqual(first.json);
    expect(searched).toHaveBeenCalledTimes(1);
    // "My confidence" is each viewer's own: one search per viewer, then kept for each.
    const mine = { confidenceOf: 'mine', minConfidence: '0', maxConfidence: '100' };
    const adas = ids(await search(mine, users[0]));
    expect(ids(await search(mine, users[3]))).not.toEqual(adas);
    expect(ids(await search(mine, users[0]))).toEqual(adas);
    expect(searched).toHaveBeenCalledTimes(3);

    // A tag written moves the data version: the next search is answered afresh, and shows it.
    const hit = first.json.items[0];
    expect(hit.aggregates.taggers).toBe(1);
    const passage = await db.passage.findUniqueOrThrow({ where: { id: hit.passageId } });
    await tagPassage(slug, passage, users[0], { axis: 'other', confidence: 20 });
    const after = await search(query);
    expect(searched).toHaveBeenCalledTimes(4);
    expect(after.json.items[0].aggregates.taggers).toBe(2);
    expect(after.json.facets.axis.other).toBe(first.json.facets.axis.other);
    searched.mockRestore();
  });

  it('answers 400 naming the parameter for bad input, and treats injection attempts as text', async () => {
    const cases: [Record<string, string>, string][] = [
      [{ q: 'x'.repeat(501) }, 'q'],
      [{ axis: 'sideways' }, 'axis'],
      [{ minConfidence: '101' }, 'minConfidence'],
      [{ maxConfidence: '-1' }, 'maxConfidence'],
      [{ cursor: 'garbage' }, 'cursor'],
      [
        {
          cursor: encodeCursor({ sort: 'newest', key: 'yesterday', id: '00000000-0000-0000-0000-000000000000' }),
          sort: 'newest',
        },
        'cursor',
      ],
      [
        {
          cursor: encodeCursor({ sort: 'tagged', key: '2.5', id: '00000000-0000-0000-0000-000000000000' }),
          sort: 'tagged',
        },
        'cursor',
      ],
      [
        {
          cursor: encodeCursor({ sort: 'disagreement', key: 'NaN); --', id: '00000000-0000-0000-0000-000000000000' }),
        },
        'cursor',
      ],
      [{ limit: '500' }, 'limit'],
      [{ sort: 'random' }, 'sort'],
      [{ crux: 'maybe' }, 'crux'],
    ];
    for (const [query, field] of cases) {
      const response = await search(query);
      expect(response.status, JSON.stringify(query)).toBe(400);
      expect(response.json.error.field).toBe(field);
    }
    const anonymousMine = await search({ confidenceOf: 'mine', minConfidence: '10' });
    expect(anonymousMine.status).toBe(401);
    for (const q of ['\'; DROP TABLE "Claim"; --', 'alignment) OR 1=1 --', '<script>alert(1)</script>', '!!! & | :*']) {
      const response = await search({ q });
      expect(response.status, q).toBe(200);
    }
    expect((await search({ thread: slug })).json.facets.total).toBe(5);
  });
});
