import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { env } from '../env';

function createClient() {
  const { DATABASE_URL, DB_POOL_SIZE } = env();
  const adapter = new PrismaPg({
    connectionString: DATABASE_URL,
    max: DB_POOL_SIZE,
    // Fail fast while the database is down: a request gets a 503, not a hang.
    connectionTimeoutMillis: 5_000,
    statement_timeout: 30_000,
  });
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
}

export type Db = ReturnType<typeof createClient>;

const globalForDb = globalThis as unknown as { cruxDb?: Db };

function instance(): Db {
  globalForDb.cruxDb ??= createClient();
  return globalForDb.cruxDb;
}

/**
 * The one Prisma client of the process, created on first use (so importing a module that uses the
 * database neither reads the configuration nor connects), kept across hot reloads in development.
 */
export const db: Db = new Proxy({} as Db, {
  get(_, property) {
    const client = instance();
    const value = Reflect.get(client, property, client);
    return typeof value === 'function' ? value.bind(client) : value;
  },
});
