import { gzipSync } from 'node:zlib';
import { startApp } from '../../scripts/lib/app-server';
import { buildIfNeeded } from '../../scripts/lib/build';
import { benchDatabase } from './bench-database';
import { storeReaderThread } from './reader-thread';

const database = await benchDatabase('crux_bench_js');
process.env.DATABASE_URL = database.url;
const { thread } = await storeReaderThread(database.url, 20, 50);
await buildIfNeeded();
const app = await startApp({ DATABASE_URL: database.url, NEXTAUTH_SECRET: 'bench-secret-bench-secret-bench-secret' });
const html = await (await fetch(`${app.url}/threads/${thread.slug}`)).text();
const scripts = [...new Set([...html.matchAll(/<script([^>]*)src="([^"]+\.js[^"]*)"([^>]*)>/g)].map((m) => m[2]))];
let total = 0;
for (const src of scripts) {
  const size = gzipSync(Buffer.from(await (await fetch(new URL(src, app.url))).arrayBuffer())).byteLength;
  total += size;
  console.log(src, (size / 1024).toFixed(1));
}
console.log('total kB', (total / 1024).toFixed(1));
await app.stop();
const { closeDatabase } = await import('../../lib/server/db/client');
await closeDatabase();
await database.stop();
