/**
 * `npm start`: the embedded Postgres (unless DATABASE_URL is set), migrations, seed threads, a
 * production build when the sources changed, then the app on PORT (3000). Ctrl-C or SIGTERM stops
 * the app and the database cleanly; the next start reuses the data.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { serverArgs } from './lib/app-server';
import { buildIfNeeded, ROOT } from './lib/build';
import { ensureDatabase, isPortFree, startEmbeddedPostgres, type EmbeddedServer } from './db/embedded';
import { DATA_DIR } from './db/with-database';
import { fail, step } from './lib/console';
import { watchLauncher } from './lib/launcher';
import { checkDatabaseUrl } from '../lib/server/env';

const port = Number(process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port < 1 || port > 65535)
  fail(`PORT must be a number from 1 to 65535 (got "${process.env.PORT}").`);

let database: EmbeddedServer | undefined;
let app: ChildProcess | undefined;
let stopping = false;

async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  if (app && app.exitCode === null) {
    app.kill('SIGTERM');
    await new Promise((resolve) => app?.once('exit', resolve));
  }
  if (database) {
    step('Stopping the embedded PostgreSQL…');
    await database.stop();
  }
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
process.on('SIGHUP', () => void stop(0));
watchLauncher(() => void stop(0));

async function checkReachable(url: string) {
  try {
    checkDatabaseUrl(url);
  } catch (error) {
    fail((error as Error).message);
  }
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.end();
  } catch (error) {
    const host = new URL(url).host;
    fail(
      `Cannot reach the database at ${host}: ${(error as Error).message}. Check DATABASE_URL and that the server is running.`,
    );
  }
}

async function main() {
  if (!(await isPortFree(port, '0.0.0.0'))) {
    fail(`Port ${port} is already in use. Stop what is using it, or start on another port: PORT=3001 npm start`);
  }
  let url = process.env.DATABASE_URL;
  if (url) {
    await checkReachable(url);
    step(`Using the database at ${new URL(url).host}${new URL(url).pathname}.`);
  } else {
    step('Starting the embedded PostgreSQL (data in .data/postgres)…');
    database = await startEmbeddedPostgres({ dataDir: path.join(DATA_DIR, 'postgres'), firstPort: 54329 });
    await ensureDatabase(database.url('postgres'), 'crux');
    url = database.url('crux');
    step(`Embedded PostgreSQL listening on 127.0.0.1:${database.port}.`);
  }
  process.env.DATABASE_URL = url;
  process.env.NEXTAUTH_SECRET ??= await import('./lib/secret').then((m) => m.localSecret(DATA_DIR));

  const { applyMigrations } = await import('../lib/server/db/migrations');
  const applied = await applyMigrations(url);
  step(applied.length ? `Applied migrations: ${applied.join(', ')}.` : 'Database schema is up to date.');

  const { loadSeedThreads, seedDirectory } = await import('../lib/server/seed');
  const seeds = await loadSeedThreads(await seedDirectory(ROOT));
  const added = seeds.filter((s) => s.created).length;
  step(`Seed threads: ${seeds.length} present${added ? `, ${added} added now` : ''}.`);

  const signIn = database ? await import('../lib/server/auth/demo-user').then((m) => m.ensureDemoUser()) : null;

  await buildIfNeeded(step);
  app = spawn(process.execPath, serverArgs(port), {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: {
      ...process.env,
      NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
      NEXT_TELEMETRY_DISABLED: '1',
    },
  });
  app.stdout?.on('data', (chunk: Buffer) => {
    const text = chunk.toString();
    process.stdout.write(text);
    if (text.includes('Ready')) {
      console.log(`\n  Crux Reader is running at http://localhost:${port}\n`);
      console.log(
        signIn
          ? `  Sign in with the demo account: ${signIn.email} / ${signIn.password}\n  (or create your own at http://localhost:${port}/signup)\n`
          : `  Create an account at http://localhost:${port}/signup to tag claims.\n`,
      );
      console.log('  Press Ctrl-C to stop.\n');
    }
  });
  app.on('exit', (code) => {
    if (!stopping) {
      console.error(`The app stopped unexpectedly (exit ${code}).`);
      void stop(code ?? 1);
    }
  });
}

main().catch((error: Error) => {
  const lines = error.message
    .split('\n')
    .filter((line) => line.trim() && !line.trim().startsWith('at '))
    .slice(0, 3);
  console.error(`\nnpm start failed: ${lines.join('\n  ')}`);
  if (/migrat/i.test(error.message)) {
    console.error(
      '  The database has a migration history this version does not know. Point DATABASE_URL at a fresh database, or move .data/ aside to start the embedded one anew.',
    );
  }
  void stop(1);
});
