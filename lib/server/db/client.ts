import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { closePgPool, pgPool } from './pg-pool';

/** Prisma on the instance's one pool: it shares the connections of the SQL written by hand. */
function createClient() {
  return new PrismaClient({ adapter: new PrismaPg(pgPool()), omit: { user: { passwordHash: true } } });
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

/** Disconnects Prisma and closes the pool (scripts and tests, when they are done with the database). */
export async function closeDatabase(): Promise<void> {
  const client = globalForDb.cruxDb;
  globalForDb.cruxDb = undefined;
  await client?.$disconnect();
  await closePgPool();
}
