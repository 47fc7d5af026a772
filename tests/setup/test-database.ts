/**
 * Per test file: a fresh database copied from the migrated template, in DATABASE_URL before the
 * app's modules load; dropped when the file is done.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, inject } from 'vitest';
import { TEST_SECRET } from '../support/session';
import { databaseUrl, withAdmin } from './database-admin';

const serverUrl = inject('dbServerUrl');
const template = inject('dbTemplate');
const name = `${template.replace(/template$/, '')}${randomBytes(4).toString('hex')}`;

await withAdmin(serverUrl, (client) => client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
process.env.DATABASE_URL = databaseUrl(serverUrl, name);
process.env.LOG_LEVEL ??= 'silent';
process.env.NEXTAUTH_SECRET = TEST_SECRET;

afterAll(async () => {
  const { closeDatabase } = await import('@/lib/server/db/client');
  await closeDatabase();
  await withAdmin(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
});
