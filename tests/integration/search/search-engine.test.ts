/** The search engine of an app instance against a real database: loading, readiness, and staying current. */
import type pg from 'pg';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { searchParamsSchema } from '@/lib/search/search-params';
import { deleteTag } from '@/lib/server/claims/put-tag';
import { db } from '@/lib/server/db/client';
import { pgPool } from '@/lib/server/db/pg-pool';
import { recordEvents } from '@/lib/server/events/publish';
import { ApiError } from '@/lib/server/http/errors';
import { dataVersion } from '@/lib/server/search/index-feed';
import { MemorySearchEngine } from '@/lib/server/search/memory-engine';
import { insertThread, insertUser } from '../../support/factories';
import { call } from '../../support/requests';
import { tagPassage } from '../../support/tagging';

type User = { id: string; name: string };
let users: User[];
let threads: { slug: string; passages: { id: string; text: string }[] }[];

const SEARCHES = [
  {},
  { q: 'alignment' },
  { q: 'reward models', sort: 'newest' },
  { q: '"reward model" or zebra' },
  { axis: 'outer,both', sort: 'tagged', limit: '3' },
  { crux: 'true' },
  { label: 'theory' },
  { thread: 'feed-b', sort: 'disagreement', limit: '2' },
  { minTaggers: '2', sort: 'newest' },
];

/** What `engine` answers to each of SEARCHES (as `viewer`, "my confidence" included), at the data as it is now. */
async function answers(engine: MemorySearchEngine, viewer: User) {
  const version = await dataVersion();
  const all = [...SEARCHES, { tagger: viewer.id }, { confidenceOf: 'mine', minConfidence: '50' }];
  return Promise.all(all.map((raw) => engine.search(searchParamsSchema.parse(raw), viewer.id, version)));
}

async function loadedEngine() {
  const engine = new MemorySearchEngine(pgPool);
  engine.start();
  await engine.loaded();
  expect(engine.status().state).toBe('ready');
  return engine;
}

beforeAll(async () => {
  users = await Promise.all(['Ana', 'Bo', 'Cas'].map((name) => insertUser({ name })));
  threads = [];
  for (const slug of ['feed-a', 'feed-b']) {
    const { passages } = await insertThread(
      [
        'Inner alignment is about the learned objective.',
        'Outer alignment is about the reward model.',
        'Reward models can be gamed.',
        'A story of deceptive alignment.',
        'Interpretability might help.',
      ],
      slug,
    );
    threads.push({ slug, passages });
  }
  for (const [t, { slug, passages }] of threads.entries())
    for (const [p, passage] of passages.slice(0, 4).entries())
      await tagPassage(slug, passage, users[(t + p) % 3], {
        axis: (['outer', 'inner', 'both', 'other'] as const)[p],
        confidence: 20 * p + 10 * t,
        crux: p === 1,
        labels: p === 2 ? ['theory'] : [],
      });
});

describe('the search engine', () => {
  it('answers 503 with Retry-After until its index is loaded, and /api/health says so', async () => {
    let open = () => {};
    const opened = new Promise<void>((resolve) => {
      open = resolve;
    });
    const waiting = { connect: () => opened.then(() => pgPool().connect()) } as unknown as pg.Pool;
    // This file's process has not asked for the app's engine yet: this one takes its place.
    (globalThis as { cruxSearchEngine?: MemorySearchEngine }).cruxSearchEngine = new MemorySearchEngine(() => waiting);
    const engine = (globalThis as { cruxSearchEngine?: MemorySearchEngine }).cruxSearchEngine as MemorySearchEngine;
    engine.start();

    const early = await call('/api/claims', { query: { q: 'alignment' } });
    expect(early.status).toBe(503);
    expect(early.headers.get('retry-after')).toBe('5');
    expect(early.json.error).toEqual({
      code: 'unavailable',
      message: 'Search is starting on this server: its index is still loading. Try again in a few seconds.',
    });
    expect((await call('/api/health')).json.searchIndex).toEqual({ state: 'loading', claims: 0 });

    open();
    await engine.loaded();
    expect((await call('/api/health')).json.searchIndex).toEqual({ state: 'ready', claims: 8 });
    const ready = await call('/api/claims', { query: { q: 'alignment' } });
    expect(ready.status).toBe(200);
    expect(ready.json.facets.total).toBe(6);
  });

  it('names the cause when its index could not load, and loads again by itself after a wait, not at every search', async () => {
    let connects = 0;
    const refusingOnce = {
      connect: async () => {
        if (++connects === 1) throw new Error('connection refused');
        return pgPool().connect();
      },
    } as unknown as pg.Pool;
    vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] });
    try {
      const engine = new MemorySearchEngine(() => refusingOnce);
      engine.start();
      await engine.loaded();
      expect(engine.status()).toEqual({ state: 'failed', claims: 0, error: 'connection refused' });
      for (let i = 0; i < 3; i++) {
        const failure = await engine.search(searchParamsSchema.parse({}), null, '0:0').catch((error) => error);
        expect(failure).toBeInstanceOf(ApiError);
        expect(failure.status).toBe(503);
        expect(failure.message).toMatch(/could not load \(connection refused\); it tries again in 5 s\./);
        expect(failure.headers['Retry-After']).toBe('5');
      }
      expect(connects, 'one load tried, not one per search').toBe(1);
      vi.advanceTimersByTime(5_000);
      vi.useRealTimers();
      await engine.loaded();
      expect(connects).toBe(2);
      expect(engine.status()).toEqual({ state: 'ready', claims: 8 });
    } finally {
      vi.useRealTimers();
    }
  });

  it('does not load more claims than the heap can spare, and says why', async () => {
    const engine = new MemorySearchEngine(pgPool, () => 10_000);
    engine.start();
    await engine.loaded();
    expect(engine.status().error).toMatch(
      /^\d+ tagged claims would need about \d+ MB of heap to index, and 0 MB can be spared: raise the heap/,
    );
  });

  it('stays current from the event log, answering as an index loaded afresh would', async () => {
    const engine = await loadedEngine();
    const [a, b] = threads;
    // A new claim, an edit, a delete, a note with a new word and then without it.
    const created = await tagPassage('feed-b', b.passages[4], users[2], { axis: 'both', crux: true, confidence: 90 });
    await tagPassage('feed-a', a.passages[0], users[1], { axis: 'outer', confidence: 95, labels: ['theory'] });
    await tagPassage('feed-a', a.passages[1], users[2], {
      axis: 'inner',
      note: 'Zebras are a story of reward models.',
    });
    const zebra = searchParamsSchema.parse({ q: 'zebra' });
    expect((await engine.search(zebra, null, await dataVersion())).items).toHaveLength(1);
    await tagPassage('feed-a', a.passages[1], users[2], { axis: 'inner', note: 'No stripes.' });
    await deleteTag({ claimId: created.id }, { ...users[2], role: 'USER' });
    expect((await engine.search(zebra, null, await dataVersion())).items).toHaveLength(0);
    for (const viewer of users)
      expect(await answers(engine, viewer)).toEqual(await answers(await loadedEngine(), viewer));

    // A change that is not one claim's tags (a new revision re-anchors claims) reads its thread again.
    await db.claim.updateMany({ where: { thread: { slug: 'feed-b' } }, data: { orphan: true } });
    const thread = await db.thread.findUniqueOrThrow({ where: { slug: 'feed-b' } });
    const { text, values } = recordEvents(thread.id, [{ type: 'revision', payload: { revision: 2 } }]);
    await pgPool().query(text, values);
    const orphans = await engine.search(searchParamsSchema.parse({ thread: 'feed-b' }), null, await dataVersion());
    expect(orphans.items.length).toBeGreaterThan(0);
    expect(orphans.items.every((hit) => hit.orphan)).toBe(true);

    // A new thread is found; a thread gone takes its claims with it.
    const late = await insertThread(['A late claim about alignment.'], 'feed-late');
    await tagPassage('feed-late', late.passages[0], users[0], { axis: 'other', confidence: 5 });
    expect(
      (await engine.search(searchParamsSchema.parse({ q: 'late' }), null, await dataVersion())).items,
    ).toHaveLength(1);
    await db.thread.delete({ where: { slug: 'feed-b' } });
    const after = await engine.search(searchParamsSchema.parse({ thread: 'feed-b' }), null, await dataVersion());
    expect(after.facets.total).toBe(0);
    for (const viewer of users)
      expect(await answers(engine, viewer)).toEqual(await answers(await loadedEngine(), viewer));
  });

  it('stays current when searches and tag writes race', async () => {
    const engine = await loadedEngine();
    const writers = await Promise.all(Array.from({ length: 4 }, (_, i) => insertUser({ name: `Racer ${i}` })));
    const [a] = threads;
    const writes = a.passages.flatMap((passage, p) =>
      writers.map(
        (writer, w) => () =>
          tagPassage('feed-a', passage, writer, {
            axis: (p + w) % 2 ? 'outer' : 'both',
            confidence: (p * 31 + w * 17) % 101,
          }),
      ),
    );
    const read = async () => {
      const answered = await engine.search(searchParamsSchema.parse({ axis: 'outer,both' }), null, await dataVersion());
      expect(answered.facets.total).toBeGreaterThan(0);
    };
    await Promise.all(writes.flatMap((write) => [write(), read()]));
    expect(await answers(engine, writers[0])).toEqual(await answers(await loadedEngine(), writers[0]));
  });
});
