/**
 * `npm run bench:search`: loads 100,000 claims, 1,000,000 tags and 1,000 users (COPY) — half the
 * claims public, half spread over 20 reading circles — then runs 1,000 mixed queries (text, facets,
 * both, typo), half of them on the public layer and half on a group's layer by one of its members
 * (signed in), over HTTP with 16 concurrent clients against the production app, next to the same
 * queries answered by a naive ILIKE scan, in the same run. Public and group searches are summed up
 * apart.
 * Writes bench/results/search.json.
 * Smaller runs: BENCH_CLAIMS=10000 BENCH_TAGS=100000 npm run bench:search; without groups: BENCH_GROUPS=0.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { encode } from 'next-auth/jwt';
import pg from 'pg';
import { startApp } from '../scripts/lib/app-server';
import { buildIfNeeded } from '../scripts/lib/build';
import { benchDatabase } from './lib/bench-database';
import { generateSearchDataApart } from './lib/generate-search-data';
import { httpClient } from './lib/http-client';
import { naiveSearch } from './lib/naive-search';
import { type BenchQuery, benchQueries } from './lib/search-queries';
import { summarise, timed } from './lib/stats';

const CLAIMS = Number(process.env.BENCH_CLAIMS ?? 100_000);
const TAGS = Number(process.env.BENCH_TAGS ?? 1_000_000);
const USERS = Number(process.env.BENCH_USERS ?? 1_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 1_000);
const GROUPS = Number(process.env.BENCH_GROUPS ?? 20);
const CONCURRENCY = 16;
const SECRET = 'bench-secret-bench-secret-bench';

/** A process' resident memory, in MB (Linux). */
const rssMb = (pid: number) =>
  Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? Number.NaN) / 1024);

const database = await benchDatabase('crux_bench_search');
try {
  console.log(`Loading ${CLAIMS.toLocaleString('en')} claims, ${TAGS.toLocaleString('en')} tags, ${USERS} users…`);
  const load = await generateSearchDataApart(database.url, {
    users: USERS,
    claims: CLAIMS,
    tags: TAGS,
    threads: 50,
    groups: GROUPS,
  });
  console.log(
    `  loaded ${load.tags.toLocaleString('en')} tags and ${load.claims.toLocaleString('en')} claims in ${load.seconds.toFixed(1)} s (${load.rowsPerSecond.toLocaleString('en')} rows/s)`,
  );

  // The measured queries, and 200 more of the same mix to warm the app up with, each asking for a
  // page of 10 (the measured ones take the default, 20): the warm-up runs the same code, but no
  // measured query finds its page cached (the spelling corrections of the dozen misspelt words are).
  // Every other run of four queries (one of each shape) asks a group's layer, as one of its members.
  const cookies = await Promise.all(
    load.groupReaders.map(
      async (r) =>
        `next-auth.session-token=${await encode({ token: { uid: r.id, name: r.name, role: 'USER' }, secret: SECRET })}`,
    ),
  );
  interface LayeredQuery extends BenchQuery {
    layer: 'public' | 'group';
    cookie?: string;
  }
  const generated = benchQueries(QUERIES + 200, 50).map((q, i): LayeredQuery => {
    const g = Math.floor(i / 8) % GROUPS;
    return Math.floor(i / 4) % 2 === 0 || GROUPS === 0
      ? { ...q, layer: 'public' }
      : { ...q, layer: 'group', params: { ...q.params, group: load.groups[g] }, cookie: cookies[g] };
  });
  const queries = generated.slice(0, QUERIES);
  const warmUp = generated.slice(QUERIES).map((q) => ({ ...q, params: { ...q.params, limit: '10' } }));
  await buildIfNeeded();

  /** The 1,000 queries over HTTP against a fresh app instance started with `env`. */
  const overHttp = async (env: Record<string, string>, measureFloor = false) => {
    const started = performance.now();
    const app = await startApp({
      DATABASE_URL: database.url,
      NEXTAUTH_SECRET: SECRET,
      DB_POOL_SIZE: '20',
      ...env,
    });
    const byShape: Record<string, number[]> = {};
    const byLayer: Record<string, number[]> = {};
    let errors = 0;
    const client = httpClient(app.url, CONCURRENCY);
    try {
      const request = async (q: (typeof queries)[number]) => {
        const { status } = await client.get(`/api/claims?${new URLSearchParams(q.params)}`, q.cookie);
        if (status !== 200) errors++;
      };
      // The search index loads in the background when the server starts (searches answer 503
      // until then); time it, then warm the app up on the same mix, so the measured run sees the
      // steady state of a server that has been answering searches (its code compiled by the JIT).
      const loaded = Date.now() + 120_000;
      for (;;) {
        const { searchIndex } = await (await fetch(`${app.url}/api/health`)).json();
        if (searchIndex.state === 'ready') break;
        if (searchIndex.state === 'failed' || Date.now() > loaded)
          throw new Error(`the search index did not load: ${JSON.stringify(searchIndex)}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const indexReadySeconds = (performance.now() - started) / 1000;
      const appRssMb = rssMb(app.pid);
      await timed(warmUp, CONCURRENCY, request);
      const cpuBefore = process.cpuUsage();
      const durations = await timed(queries, CONCURRENCY, async (q) => {
        const started = performance.now();
        await request(q);
        const took = performance.now() - started;
        byShape[q.shape] = [...(byShape[q.shape] ?? []), took];
        byLayer[q.layer] = [...(byLayer[q.layer] ?? []), took];
      });
      const cpu = process.cpuUsage(cpuBefore);
      // What the load generator itself spent per request, on the cores the app and Postgres use.
      const clientCpuMsPerRequest = Math.round(((cpu.user + cpu.system) / 1000 / queries.length) * 1000) / 1000;
      // Then the floor on this machine, same instance, same clients: the health check (one trivial
      // query, a few bytes back) and one search asked again and again (answered from the cache);
      // and that search through `fetch`, the client earlier runs used: what the load generator's
      // own CPU adds on this shared machine. Measured after the run, so that what it leaves behind
      // (the garbage of 1,000 requests through Next.js) does not weigh on the run.
      const throughFetch = async (path: string) => {
        await (await fetch(`${app.url}${path}`)).arrayBuffer();
      };
      const floorOf = async (path: string, get: (path: string) => Promise<unknown> = client.get) =>
        summarise(await timed(Array(1_000).fill(path), CONCURRENCY, async (p) => void (await get(p))));
      const floor = measureFloor
        ? {
            healthMs: await floorOf('/api/health'),
            repeatedSearchMs: await floorOf('/api/claims?axis=outer'),
            repeatedSearchThroughFetchMs: await floorOf('/api/claims?axis=outer', throughFetch),
          }
        : null;
      return { durations, byShape, byLayer, errors, floor, clientCpuMsPerRequest, indexReadySeconds, appRssMb };
    } finally {
      client.close();
      await app.stop();
    }
  };

  const distinct = new Set(queries.map((q) => new URLSearchParams(q.params).toString())).size;
  console.log(
    `${queries.length} queries (${distinct} distinct), ${CONCURRENCY} clients; answer cache on (the default)…`,
  );
  const cached = await overHttp({}, true);
  console.log('… with the answer cache off (SEARCH_CACHE_ROWS=0; searches still answered by the in-memory index)…');
  const uncached = await overHttp({ SEARCH_CACHE_ROWS: '0' });
  console.log('… and the same queries as a naive ILIKE scan…');
  const pool = new pg.Pool({ connectionString: database.url, max: CONCURRENCY });
  const naiveByLayer: Record<string, number[]> = {};
  const naive = await timed(queries, CONCURRENCY, async (q) => {
    const started = performance.now();
    await naiveSearch(pool, q);
    naiveByLayer[q.layer] = [...(naiveByLayer[q.layer] ?? []), performance.now() - started];
  });
  await pool.end();

  const result = {
    generatedAt: new Date().toISOString(),
    dataset: load,
    queries: queries.length,
    distinctQueries: distinct,
    concurrency: CONCURRENCY,
    errors: cached.errors + uncached.errors,
    /** From the server's start to its search index being ready (searches answer 503 until then), and its RSS then. */
    indexReadySeconds: cached.indexReadySeconds,
    appRssMbWhenReady: cached.appRssMb,
    floor: cached.floor,
    indexedHttpMs: summarise(cached.durations),
    /** Public searches (anyone) and group searches (a member, signed in, on one of the 20 groups' layers) apart. */
    indexedByLayerMs: Object.fromEntries(Object.entries(cached.byLayer).map(([layer, d]) => [layer, summarise(d)])),
    uncachedByLayerMs: Object.fromEntries(Object.entries(uncached.byLayer).map(([layer, d]) => [layer, summarise(d)])),
    naiveByLayerMs: Object.fromEntries(Object.entries(naiveByLayer).map(([layer, d]) => [layer, summarise(d)])),
    indexedByShapeMs: Object.fromEntries(Object.entries(cached.byShape).map(([shape, d]) => [shape, summarise(d)])),
    uncachedHttpMs: summarise(uncached.durations),
    uncachedByShapeMs: Object.fromEntries(Object.entries(uncached.byShape).map(([shape, d]) => [shape, summarise(d)])),
    naiveScanMs: summarise(naive),
    clientCpuMsPerRequest: cached.clientCpuMsPerRequest,
    speedupAtP95: 0,
    uncachedSpeedupAtP95: 0,
  };
  result.speedupAtP95 = Math.round((result.naiveScanMs.p95 / result.indexedHttpMs.p95) * 10) / 10;
  result.uncachedSpeedupAtP95 = Math.round((result.naiveScanMs.p95 / result.uncachedHttpMs.p95) * 10) / 10;
  console.table({
    'floor: /api/health': cached.floor?.healthMs,
    'floor: one search, repeated': cached.floor?.repeatedSearchMs,
    'the same through fetch': cached.floor?.repeatedSearchThroughFetchMs,
    cached: result.indexedHttpMs,
    uncached: result.uncachedHttpMs,
    naive: result.naiveScanMs,
  });
  console.table({
    ...Object.fromEntries(Object.entries(result.indexedByLayerMs).map(([l, d]) => [`${l}, cached`, d])),
    ...Object.fromEntries(Object.entries(result.uncachedByLayerMs).map(([l, d]) => [`${l}, uncached`, d])),
    ...Object.fromEntries(Object.entries(result.naiveByLayerMs).map(([l, d]) => [`${l}, naive`, d])),
  });
  console.table({ ...result.indexedByShapeMs });
  console.table({ ...result.uncachedByShapeMs });
  console.log(
    `errors: ${result.errors}; p95 ${result.indexedHttpMs.p95} ms with the cache, ${result.uncachedHttpMs.p95} ms without (target < 50; ` +
      `the floor here: /api/health p95 ${cached.floor?.healthMs.p95} ms, one search repeated p95 ${cached.floor?.repeatedSearchMs.p95} ms); ` +
      `public / group p95 ${result.indexedByLayerMs.public?.p95} / ${result.indexedByLayerMs.group?.p95} ms cached, ` +
      `${result.uncachedByLayerMs.public?.p95} / ${result.uncachedByLayerMs.group?.p95} ms uncached; ` +
      `${result.speedupAtP95}× / ${result.uncachedSpeedupAtP95}× faster than the scan at p95 (target ≥ 20×); ` +
      `index ready ${result.indexReadySeconds.toFixed(1)} s after the server started, RSS ${result.appRssMbWhenReady} MB`,
  );
  writeFileSync(path.resolve(import.meta.dirname, 'results/search.json'), `${JSON.stringify(result, null, 2)}\n`);
} finally {
  await database.stop();
}
