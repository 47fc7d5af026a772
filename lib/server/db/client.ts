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

/** The one Prisma client of the process (kept across hot reloads in development). */
export const db: Db = globalForDb.cruxDb ?? createClient();
if (process.env.NODE_ENV !== 'production') globalForDb.cruxDb = db;
