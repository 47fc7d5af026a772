/**
 * The production server: the JSON API (lib/server/api, a Hono app) answers every path under /api
 * except next-auth's /api/auth/*; Next.js serves the pages and next-auth. `next start` alone serves
 * no API (decision 018).
 *
 *   node --import tsx scripts/serve.ts -p PORT [-H HOST]
 *
 * The client's address is taken here, from the socket (and X-Forwarded-For under TRUST_PROXY): the
 * API is handed the socket's peer, and Next.js gets the address in CLIENT_ADDRESS_HEADER, which is
 * overwritten on every request so that no client can choose it.
 */
import http from 'node:http';
import path from 'node:path';
import { getRequestListener } from '@hono/node-server';
import next from 'next';
import { api } from '../lib/server/api/app';
import { CLIENT_ADDRESS_HEADER, clientAddress } from '../lib/server/client-address';

const ROOT = path.resolve(import.meta.dirname, '..');

function option(flag: string, fallback: string): string {
  const index = process.argv.indexOf(flag);
  return index >= 0 && process.argv[index + 1] ? process.argv[index + 1] : fallback;
}

const port = Number(option('-p', process.env.PORT ?? '3000'));
const hostname = option('-H', '0.0.0.0');
(process.env as Record<string, string>).NODE_ENV = 'production';

const started = performance.now();
const pages = next({ dev: false, dir: ROOT, hostname, port });
await pages.prepare();
const servePage = pages.getRequestHandler();
const serveApi = getRequestListener((request, { incoming }) =>
  api.fetch(request, { remoteAddress: incoming.socket.remoteAddress }),
);

/** The API's paths: /api and everything under it but next-auth's. */
function isApi(url: string | undefined): boolean {
  const pathname = url?.split('?', 1)[0] ?? '';
  return (pathname === '/api' || pathname.startsWith('/api/')) && !pathname.startsWith('/api/auth/');
}

const MUTATIONS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Writes under way: a stop lets them finish (a tag write already queued commits and is answered). */
let writing = 0;

const server = http.createServer((req, res) => {
  if (!isApi(req.url)) {
    req.headers[CLIENT_ADDRESS_HEADER] = clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for']);
    void servePage(req, res);
    return;
  }
  if (!MUTATIONS.has(req.method ?? '')) {
    void serveApi(req, res);
    return;
  }
  writing++;
  void serveApi(req, res).finally(() => writing--);
});

/** How long a stop waits for writes under way before it closes every connection. */
const DRAIN_MS = 10_000;

async function stop() {
  server.close(); // no new connections
  server.closeIdleConnections();
  const deadline = Date.now() + DRAIN_MS;
  while (writing > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  server.closeAllConnections(); // live event streams and anything still open
  process.exit(0);
}
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());

server.listen(port, hostname, () => {
  console.log(`✓ Ready on http://localhost:${port} in ${Math.round(performance.now() - started)} ms`);
});
