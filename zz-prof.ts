import { writeFileSync } from 'node:fs';
import { startApp } from './scripts/lib/app-server';
import { launchBrowser } from './tests/e2e/support/browser';
const app = await startApp({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/crux_bench_reader_browser', NEXTAUTH_SECRET: 'bench-secret-bench-secret-bench-secret' });
const browser = await launchBrowser();
const OBSERVE = `(() => { const times = (window.benchTimes = {}); const f = (now) => { if (/\\([1-9]/.test(document.getElementById('claims-heading')?.textContent ?? '')) { times.panelReady = now; return; } requestAnimationFrame(f); }; requestAnimationFrame(f); })();`;
// warm
for (let i = 0; i < 2; i++) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  await context.addInitScript(OBSERVE);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  if (i === 1) { await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 200 }); await cdp.send('Profiler.start'); }
  await page.goto(`${app.url}/threads/reader-benchmark-thread`, { waitUntil: 'commit' });
  for (let k = 0; k < 600; k++) { const t = await page.evaluate('window.benchTimes') as any; if (t?.panelReady !== undefined) break; await new Promise(r => setTimeout(r, 50)); }
  console.log(JSON.stringify(await page.evaluate('window.benchTimes')));
  if (i === 1) { const { profile } = await cdp.send('Profiler.stop'); writeFileSync('/tmp/page.cpuprofile', JSON.stringify(profile)); }
  await context.close();
}
await browser.close();
await app.stop();
