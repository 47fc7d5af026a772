import { buildIfNeeded } from './scripts/lib/build';
import { startApp } from './scripts/lib/app-server';
import { launchBrowser } from './tests/e2e/support/browser';
await buildIfNeeded();
const url = 'postgres://postgres@127.0.0.1:5432/crux_bench_reader_browser';
const app = await startApp({ DATABASE_URL: url, NEXTAUTH_SECRET: 'bench-secret-bench-secret-bench-secret' });
const browser = await launchBrowser();
const OBSERVE = `(() => {
  const times = (window.benchTimes = {});
  const panelReady = () => /\\([1-9]/.test(document.getElementById('claims-heading')?.textContent ?? '');
  const frame = (now) => {
    if (times.firstHighlight === undefined && document.querySelector('mark.claim-mark')) times.firstHighlight = now;
    if (times.loading === undefined && document.querySelector('[data-testid="claims-loading"]')) times.loading = now;
    if (times.panelReady === undefined && panelReady()) times.panelReady = now;
    if (times.firstHighlight === undefined || times.panelReady === undefined) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})();`;
for (let i = 0; i < 3; i++) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  await context.addInitScript(OBSERVE);
  const page = await context.newPage();
  await page.goto(`${app.url}/threads/reader-benchmark-thread`, { waitUntil: 'commit' });
  for (let k = 0; k < 600; k++) { const t = await page.evaluate('window.benchTimes') as any; if (t?.panelReady !== undefined) break; await new Promise(r => setTimeout(r, 50)); }
  const r = await page.evaluate(`(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const res = performance.getEntriesByType('resource').filter(e => /summary|events/.test(e.name)).map(e => [e.name.replace(/^.*\\//,'').slice(0,40), Math.round(e.startTime), Math.round(e.responseEnd), e.transferSize]);
    return { times: window.benchTimes, nav: { responseStart: Math.round(nav.responseStart), responseEnd: Math.round(nav.responseEnd), domInteractive: Math.round(nav.domInteractive), dcl: Math.round(nav.domContentLoadedEventEnd), load: Math.round(nav.loadEventEnd) }, res };
  })()`);
  console.log(JSON.stringify(r));
  await context.close();
}
await browser.close();
await app.stop();
