import path from 'node:path';
import { checkDatabaseUrl } from '../../lib/server/env';
import { ensureDatabase, startEmbeddedPostgres } from './embedded';

export const DATA_DIR = path.resolve(import.meta.dirname, '../../.data');

/** Runs `work` against DATABASE_URL, or the embedded server: the one `npm start` is running, else one started (and stopped) for it. */
export async function withDatabase<T>(work: (url: string) => Promise<T>): Promise<T> {
  if (process.env.DATABASE_URL) return work(checkDatabaseUrl(process.env.DATABASE_URL));
  const server = await startEmbeddedPostgres({
    dataDir: path.join(DATA_DIR, 'postgres'),
    firstPort: 54329,
    whenInUse: 'reuse',
  });
  try {
    await ensureDatabase(server.url('postgres'), 'crux');
    return await work(server.url('crux'));
  } finally {
    await server.stop();
  }
}
