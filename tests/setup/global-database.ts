/**
 * Once per test run: a Postgres server (TEST_DATABASE_URL's, else an embedded throw-away one) and
 * a template database migrated once. Each test file then gets its own copy of the template
 * (CREATE DATABASE … TEMPLATE, tens of milliseconds), so files never see each other's rows.
 */
import path from 'node:path';
import type pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, type EmbeddedServer } from '../../scripts/db/embedded';
import { applyMigrations } from '../../lib/server/db/migrations';
import { checkDatabaseUrl } from '../../lib/server/env';
import { RUN_PREFIX, serverUrlFor, withAdmin } from './database-admin';

declare module 'vitest' {
  export interface ProvidedContext {
    dbServerUrl: string;
    dbTemplate: string;
  }
}

interface SharedDatabase {
  serverUrl: string;
  template: string;
  users: number;
  teardown(): Promise<void>;
}

/**
 * The integration and browser projects each run this setup; they share one server and template
 * (both run in Vitest's main process), which is torn down when the last of them finishes.
 */
const shared = globalThis as typeof globalThis & { cruxTestDatabase?: Promise<SharedDatabase> };

export default async function setup(project: TestProject) {
  shared.cruxTestDatabase ??= startSharedDatabase();
  const database = await shared.cruxTestDatabase;
  database.users++;
  project.provide('dbServerUrl', database.serverUrl);
  project.provide('dbTemplate', database.template);
  return async () => {
    if (--database.users === 0) {
      shared.cruxTestDatabase = undefined;
      await database.teardown();
    }
  };
}

async function startSharedDatabase(): Promise<SharedDatabase> {
  let embedded: EmbeddedServer | undefined;
  let serverUrl: string;
  if (process.env.TEST_DATABASE_URL) {
    serverUrl = serverUrlFor(checkDatabaseUrl(process.env.TEST_DATABASE_URL, 'TEST_DATABASE_URL'));
  } else {
    embedded = await startEmbeddedPostgres({
      dataDir: path.resolve(import.meta.dirname, '../../.data/postgres-test'),
      firstPort: 54339,
      fast: true,
      // Another test run on this checkout keeps its own server (…/postgres-test-1): runs side by side never stop each other's.
      whenInUse: 'sibling',
    });
    serverUrl = embedded.url('postgres');
  }
  await dropRunDatabases(serverUrl, `${RUN_PREFIX}%`, true);
  const template = `${RUN_PREFIX}template`;
  await withAdmin(serverUrl, (client) => client.query(`CREATE DATABASE "${template}"`));
  const templateUrl = new URL(serverUrl);
  templateUrl.pathname = `/${template}`;
  await applyMigrations(templateUrl.toString());

  return {
    serverUrl,
    template,
    users: 0,
    teardown: async () => {
      await dropRunDatabases(serverUrl, `${RUN_PREFIX}%`, false);
      await embedded?.stop();
    },
  };
}

/** Drops this run's databases; with `stale`, also those of earlier runs that died before cleaning up. */
async function dropRunDatabases(serverUrl: string, pattern: string, stale: boolean) {
  await withAdmin(serverUrl, async (client: pg.Client) => {
    const like = stale ? 'crux_test_%' : pattern;
    const { rows } = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [
      like,
    ]);
    for (const { datname } of rows) {
      if (stale && !datname.startsWith(RUN_PREFIX) && !(await isStale(client, datname))) continue;
      await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  });
}

/** A database of another run is stale when nobody is connected to it (that run is over). */
async function isStale(client: pg.Client, datname: string): Promise<boolean> {
  const { rows } = await client.query('SELECT 1 FROM pg_stat_activity WHERE datname = $1', [datname]);
  return rows.length === 0;
}
