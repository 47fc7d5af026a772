/**
 * `npm run bench:reader-browser`: the 2,000-paragraph thread with 10,000 tags opened in Chromium
 * against the production app, ten times, each in a fresh browser context (nothing cached): the time
 * from navigation to the first highlight painted and to the side panel listing its first claim,
 * and the bytes transferred (the claims the panel loads apart). Writes
 * bench/results/reader-browser.json.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page, Response } from 'playwright-core';
import { startApp } from '../scripts/lib/app-server';
import { buildIfNeeded } from '../scripts/lib/build';
import { launchBrowser } from '../tests/e2e/support/browser';
import { benchDatabase } from './lib/bench-database';
import { storeReaderThread } from './lib/reader-thread';
import { summarise } from './lib/stats';

const PARAGRAPHS = 2_000;
const TAGS = 10_000;
const LOADS = Number(process.env.BENCH_LOADS ?? 10);
const SECRET = 'bench-secret-bench-secret-bench-secret';
/** What each moment waits for: a server-drawn highlight, and the side panel listing the claims. */
const FIRST_HIGHLIGHT = 'mark.claim-mark';
/** The panel is ready when its heading counts the claims it lists ("Tagged claims (2000)"), not 0. */
const PANEL_HEADING = 'claims-heading';

/**
 * Records, in the page's own clock (ms since navigation started), the first animation frame in
 * which each is there: the frame that paints what the parser or React inserted. A string, not a
 * function: the TypeScript loader wraps functions in helpers the page does not have.
 */
const OBSERVE = `(() => {
  const times = (window.benchTimes = {});
  const panelReady = () => /\\([1-9]/.test(document.getElementById(${JSON.stringify(PANEL_HEADING)})?.textContent ?? '');
  const frame = (now) => {
    if (times.firstHighlight === undefined && document.querySelector(${JSON.stringify(FIRST_HIGHLIGHT)})) times.firstHighlight = now;
    if (times.panelReady === undefined && panelReady()) times.panelReady = now;
    if (times.firstHighlight === undefined || times.panelReady === undefined) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})();`;

async function load(page: Page, url: string) {
  const responses: Response[] = [];
  page.on('response', (response) => responses.push(response));
  await page.goto(url, { waitUntil: 'commit' });
  // Polled from here: the page's script policy forbids evaluating strings in it.
  const deadline = performance.now() + 60_000;
  let times: Record<string, number> | undefined;
  for (;;) {
    times = (await page.evaluate('window.benchTimes')) as Record<string, number> | undefined;
    if (times?.firstHighlight !== undefined && times.panelReady !== undefined) break;
    if (performance.now() > deadline) throw new Error(`the page was not ready in 60 s: ${JSON.stringify(times)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  let bytes = 0;
  let claimsBytes = 0;
  for (const response of responses) {
    // The live event stream never ends: its size is not known, and it carries nothing yet.
    if ((response.headers()['content-type'] ?? '').startsWith('text/event-stream')) continue;
    const sizes = await response.request().sizes();
    const size = sizes.responseBodySize + sizes.responseHeadersSize;
    bytes += size;
    if (process.env.BENCH_DEBUG)
      console.log(
        JSON.stringify(times),
        response.status(),
        response.url(),
        sizes.responseBodySize,
        response.headers()['content-encoding'],
      );
    if (/\/api\/threads\/[^/]+\/claims/.test(response.url())) claimsBytes += sizes.responseBodySize;
  }
  return { firstHighlight: times.firstHighlight, panelReady: times.panelReady, bytes, claimsBytes };
}

const database = await benchDatabase('crux_bench_reader_browser');
process.env.DATABASE_URL = database.url;
try {
  const { closeDatabase } = await import('../lib/server/db/client');
  const { thread, tagged } = await storeReaderThread(database.url, PARAGRAPHS, TAGS);
  await buildIfNeeded();
  const app = await startApp({ DATABASE_URL: database.url, NEXTAUTH_SECRET: SECRET });
  const browser = await launchBrowser();
  try {
    const url = `${app.url}/threads/${thread.slug}`;
    const runs: Awaited<ReturnType<typeof load>>[] = [];
    // The first load warms the server (its caches and compiled code), not the browser: not counted.
    for (let i = 0; i <= LOADS; i++) {
      const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
      await context.addInitScript(OBSERVE);
      const page = await context.newPage();
      const run = await load(page, url);
      await context.close();
      if (i > 0) runs.push(run);
    }
    const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;
    const report = {
      generatedAt: new Date().toISOString(),
      thread: { paragraphs: thread.lines, passages: thread.passages, claims: tagged.claims, tags: tagged.tags },
      loads: runs.length,
      firstHighlightMs: summarise(runs.map((r) => r.firstHighlight)),
      panelReadyMs: summarise(runs.map((r) => r.panelReady)),
      transferredKb: summarise(runs.map((r) => kb(r.bytes))),
      claimsPayloadKb: summarise(runs.map((r) => kb(r.claimsBytes))),
      targets: { firstHighlightMs: 1000, panelReadyMs: 1500, claimsPayloadKb: 300 },
    };
    console.log(JSON.stringify(report, null, 2));
    writeFileSync(
      path.resolve(import.meta.dirname, 'results/reader-browser.json'),
      `${JSON.stringify(report, null, 2)}\n`,
    );
  } finally {
    await browser.close();
    await app.stop();
    await closeDatabase();
  }
} finally {
  await database.stop();
}
