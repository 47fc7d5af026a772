import pg from 'pg';
import { env } from '../env';

const globalForPg = globalThis as unknown as { cruxPgPool?: pg.Pool };

/**
 * A plain node-postgres pool for the hot write paths (tag writes), where a handful of hand-written
 * statements in one transaction beat an ORM round trip per step. Everything else uses Prisma.
 */
export function pgPool(): pg.Pool {
  if (!globalForPg.cruxPgPool) {
    const { DATABASE_URL, DB_POOL_SIZE } = env();
    const pool = new pg.Pool({
      connectionString: DATABASE_URL,
      max: DB_POOL_SIZE,
      connectionTimeoutMillis: 5_000,
      statement_timeout: 30_000,
    });
    // An idle client losing its connection (database restart) must not crash the process.
    pool.on('error', () => {});
    globalForPg.cruxPgPool = pool;
  }
  return globalForPg.cruxPgPool;
}

/** Postgres gave up on the transaction to break a deadlock or a serialisation conflict: safe to run again. */
const RETRYABLE = new Set(['40P01', '40001']);

/** Runs `attempt` again (up to three times in all) when Postgres aborted it to resolve a deadlock. */
async function retried<T>(attempt: () => Promise<T>): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      if (n >= 3 || !RETRYABLE.has((error as { code?: string }).code ?? '')) throw error;
    }
  }
}

/** A pooled client for one transaction: rolled back when `run` throws, dropped when even that fails. */
async function onClient<T>(run: (client: pg.PoolClient) => Promise<T>, pool: pg.Pool = pgPool()): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  try {
    return await run(client);
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {
      broken = true;
    });
    throw error;
  } finally {
    client.release(broken);
  }
}

/**
 * Runs `work` in one transaction on a pooled client: committed when it returns, rolled back when it
 * throws; run again (up to three times) when Postgres aborted it to resolve a deadlock.
 */
export function inTransaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  return retried(() =>
    onClient(async (client) => {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    }),
  );
}

/**
 * Runs `work` in a read-only repeatable-read transaction on a client of `pool`: everything it reads
 * is one consistent snapshot.
 */
export function inSnapshot<T>(work: (client: pg.PoolClient) => Promise<T>, pool: pg.Pool = pgPool()): Promise<T> {
  return onClient(async (client) => {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  }, pool);
}

/**
 * A transaction in two round trips: `open` runs in the same message as BEGIN, and the statements
 * `work` returns run in the same message as COMMIT. Locks the closing statements take are held only
 * while Postgres runs them and commits, never while a reply waits in this process's event loop
 * behind other requests. Both are complete SQL text (values inlined with `sql-literal`); `work`
 * gets the results of `open`'s statements and may throw (an ApiError, say) to roll back.
 * Retried like `inTransaction`.
 */
export function inTwoTripTransaction<T>(
  open: string,
  work: (opened: pg.QueryResult[]) => { result: T; close: string },
): Promise<T> {
  return retried(() =>
    onClient(async (client) => {
      // A message of several statements answers with one result per statement (BEGIN's first).
      const opened = (await client.query(`BEGIN; ${open}`)) as unknown as pg.QueryResult[];
      const { result, close } = work(opened.slice(1));
      await client.query(`${close}; COMMIT`);
      return result;
    }),
  );
}
