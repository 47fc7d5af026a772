/**
 * `npm run bench:cruxes`: the five seed threads, every passage's first sentence a claim tagged by
 * 20 generated readers; the server time of each thread's crux page and of the page across all
 * threads (full HTML, production app). Writes bench/results/cruxes.json.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { startApp } from '../scripts/lib/app-server';
import { buildIfNeeded } from '../scripts/lib/build';
import { benchDatabase } from './lib/bench-database';
import { insertUsers, tagThread } from './lib/generate-claims';
import { summarise } from './lib/stats';

const TAGGERS = 20;
const database = await benchDatabase('crux_bench_cruxes');
process.env.DATABASE_URL = database.url;
try {
  const { loadSeedThreads } = await import('../lib/server/seed');
  const { closeDatabase } = await import('../lib/server/db/client');
  const threads = await loadSeedThreads(path.resolve(import.meta.dirname, '../prisma/seed-data'));
  const users = await insertUsers(database.url, TAGGERS, 'Reader');
  let tags = 0;
  let claims = 0;
  for (const [i, thread] of threads.entries()) {
    const tagged = await tagThread(database.url, thread.slug, users, 10_000, TAGGERS, 100 + i);
    tags += tagged.tags;
    claims += tagged.claims;
  }
  console.log(`${threads.length} seed threads, ${claims} claims, ${tags} tags from ${TAGGERS} readers.`);
  await closeDatabase();

  await buildIfNeeded();
  const app = await startApp({ DATABASE_URL: database.url, NEXTAUTH_SECRET: 'bench-secret-bench-secret-bench-secret' });
  try {
    const pages = [...threads.map((t) => `/threads/${t.slug}/cruxes`), '/cruxes'];
    const results: Record<string, ReturnType<typeof summarise>> = {};
    for (const page of pages) {
      for (let i = 0; i < 3; i++) await (await fetch(`${app.url}${page}`)).text();
      const times: number[] = [];
      for (let i = 0; i < 10; i++) {
        const started = performance.now();
        const response = await fetch(`${app.url}${page}`);
        await response.text();
        if (!response.ok) throw new Error(`${page} answered ${response.status}`);
        times.push(performance.now() - started);
      }
      results[page] = summarise(times);
    }
    console.table(results);
    const worstP95 = Math.max(...Object.values(results).map((r) => r.p95));
    console.log(`Slowest page p95: ${worstP95} ms (target < 500 ms).`);
    writeFileSync(
      path.resolve(import.meta.dirname, 'results/cruxes.json'),
      `${JSON.stringify({ generatedAt: new Date().toISOString(), taggers: TAGGERS, claims, tags, pagesMs: results, worstP95Ms: worstP95, targetMs: 500 }, null, 2)}\n`,
    );
  } finally {
    await app.stop();
  }
} finally {
  await database.stop();
}
