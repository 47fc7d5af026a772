/**
 * The production server: Next.js serves every page and route, except the hot JSON routes — the tag
 * writes and the search API — which go straight to their App Router route handlers (the same
 * exported functions, the same files) without Next.js's per-request routing and rendering
 * pipeline: about 1.3 ms of CPU per request on our machines, ten times a bare Node.js server, and
 * the ceiling of tag writes under load (decision 011).
 *
 *   node --import tsx scripts/serve.ts -p PORT [-H HOST]
 *
 * The direct routes are loaded beside the Next.js bundle, so this process holds two copies of their
 * modules; the state they keep (database pools, the tag write queue, caches) lives on globalThis and
 * is shared, and errors are recognised across copies (`ApiError`'s `Symbol.hasInstance`).
 */
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { NextConfig } from 'next';

const ROOT = path.resolve(import.meta.dirname, '..');

function option(flag: string, fallback: string): string {
  const index = process.argv.indexOf(flag);
  return index >= 0 && process.argv[index + 1] ? process.argv[index + 1] : fallback;
}

const port = Number(option('-p', process.env.PORT ?? '3000'));
const hostname = option('-H', '0.0.0.0');
(process.env as Record<string, string>).NODE_ENV = 'production';

/** What next.config.js's headers() puts on every path, put on the direct routes' answers too. */
async function everyPathHeaders(): Promise<Record<string, string>> {
  const { default: config } = (await import(pathToFileURL(path.join(ROOT, 'next.config.js')).href)) as {
    default: NextConfig;
  };
  const rules = (await config.headers?.()) ?? [];
  return Object.fromEntries(
    rules.filter((rule) => rule.source === '/:path*').flatMap((rule) => rule.headers.map((h) => [h.key, h.value])),
  );
}

const started = performance.now();
const [{ default: next }, nextConfigHeaders, { findDirectRoute, serveDirect }, search, tag, restore, tagById] =
  await Promise.all([
    import('next'),
    everyPathHeaders(),
    import('../lib/server/http/node-bridge'),
    import('../app/api/claims/route'),
    import('../app/api/claims/[id]/tag/route'),
    import('../app/api/claims/[id]/tag/restore/route'),
    import('../app/api/tags/[id]/route'),
  ]);
type Handler = import('../lib/server/http/node-bridge').WebHandler;

const DIRECT_ROUTES = [
  { method: 'GET', path: /^\/api\/claims$/, handler: search.GET as Handler },
  { method: 'PUT', path: /^\/api\/claims\/(?<id>[^/]+)\/tag$/, handler: tag.PUT as Handler },
  { method: 'DELETE', path: /^\/api\/claims\/(?<id>[^/]+)\/tag$/, handler: tag.DELETE as Handler },
  { method: 'POST', path: /^\/api\/claims\/(?<id>[^/]+)\/tag\/restore$/, handler: restore.POST as Handler },
  { method: 'DELETE', path: /^\/api\/tags\/(?<id>[^/]+)$/, handler: tagById.DELETE as Handler },
];

const app = next({ dev: false, dir: ROOT, hostname, port });
await app.prepare();
const handle = app.getRequestHandler();

/** Direct requests under way: a stop lets them finish (a tag write already queued commits and is answered). */
let inFlight = 0;
const server = http.createServer((req, res) => {
  const direct = findDirectRoute(DIRECT_ROUTES, req.method, req.url);
  if (!direct) return void handle(req, res);
  inFlight++;
  void serveDirect(req, res, direct, nextConfigHeaders).finally(() => inFlight--);
});

/** How long a stop waits for direct requests under way before it closes every connection. */
const DRAIN_MS = 10_000;

async function stop() {
  server.close(); // no new connections
  server.closeIdleConnections();
  const deadline = Date.now() + DRAIN_MS;
  while (inFlight > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  server.closeAllConnections(); // live event streams and anything still open
  process.exit(0);
}
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());

server.listen(port, hostname, () => {
  console.log(`✓ Ready on http://localhost:${port} in ${Math.round(performance.now() - started)} ms`);
});
