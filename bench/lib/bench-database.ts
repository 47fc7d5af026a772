/**
 * A fresh, migrated database for one benchmark: on BENCH_DATABASE_URL's server when set, else on
 * an embedded Postgres kept under .data/postgres-bench (stopped when the benchmark ends).
 */
import path from 'node:path';
import pg from 'pg';
import { applyMigrations } from '../../lib/server/db/migrations';
import { checkDatabaseUrl } from '../../lib/server/env';
import { startEmbeddedPostgres } from '../../scripts/db/embedded';

export async function benchDatabase(name: string) {
  let stop = async () => {};
  let serverUrl: string;
  if (process.env.BENCH_DATABASE_URL) {
    serverUrl = checkDatabaseUrl(process.env.BENCH_DATABASE_URL, 'BENCH_DATABASE_URL');
  } else {
    const server = await startEmbeddedPostgres({
      dataDir: path.resolve(import.meta.dirname, '../../.data/postgres-bench'),
      firstPort: 54349,
      fast: true,
      whenInUse: 'sibling',
    });
    serverUrl = server.url('postgres');
    stop = () => server.stop();
  }
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await applyMigrations(url.toString());
  return { url: url.toString(), stop };
}
