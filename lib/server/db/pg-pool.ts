import pg from 'pg';
import { env } from '../env';

const globalForPg = globalThis as unknown as { cruxPgPool?: pg.Pool };

/**
 * The one connection pool of this app instance (DB_POOL_SIZE connections): Prisma runs on it
 * (client.ts) and so does the SQL written by hand for the hot paths — tag writes, search, ingest.
 */
export function pgPool(): pg.Pool {
  if (!globalForPg.cruxPgPool) {
    const { DATABASE_URL, DB_POOL_SIZE } = env();
    const pool = new pg.Pool({
      connectionString: DATABASE_URL,
      max: DB_POOL_SIZE,
      // Fail fast while the database is down: a request gets a 503, not a hang.
      connectionTimeoutMillis: 5_000,
      statement_timeout: 30_000,
    });
    // An idle client losing its connection (database restart) must not crash the process.
    pool.on('error', () => {});
    globalForPg.cruxPgPool = pool;
  }
  return globalForPg.cruxPgPool;
}

/** Closes the pool; the next query opens a new one. */
export async function closePgPool(): Promise<void> {
  const pool = globalForPg.cruxPgPool;
  globalForPg.cruxPgPool = undefined;
  await pool?.end();
}

/** A statement with its values bound as parameters (never spliced into its text). */
export interface Statement {
  text: string;
  values?: unknown[];
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
 * Sends the statements one behind the other without waiting for each answer (node-postgres's
 * pipeline mode: each is still parsed, bound and answered on its own), then waits for them all: one
 * round trip. The first failure is thrown once every answer is in, so the connection is idle again.
 * Pipeline mode is switched on for these statements only: COPY (ingest) cannot run in it.
 */
async function pipelined(client: pg.PoolClient, statements: Statement[]): Promise<pg.QueryResult[]> {
  const modes = client as unknown as { pipeline: boolean };
  modes.pipeline = true;
  try {
    const answers = await Promise.allSettled(statements.map((statement) => client.query(statement)));
    const failed = answers.find((answer) => answer.status === 'rejected');
    if (failed) throw failed.reason;
    return answers.map((answer) => (answer as PromiseFulfilledResult<pg.QueryResult>).value);
  } finally {
    modes.pipeline = false;
  }
}

/**
 * A transaction in two round trips: BEGIN and the `open` statements go together, then the
 * statements `work` returns go together with COMMIT. Locks the closing statements take are held
 * only while Postgres runs them and commits, never while a reply waits in this process's event
 * loop behind other requests. `work` gets the results of `open` and may throw (an ApiError, say)
 * to roll back. Retried like `inTransaction`.
 */
export function inTwoTripTransaction<T>(
  open: Statement[],
  work: (opened: pg.QueryResult[]) => { result: T; close: Statement[] },
): Promise<T> {
  return retried(() =>
    onClient(async (client) => {
      const opened = await pipelined(client, [{ text: 'BEGIN' }, ...open]);
      const { result, close } = work(opened.slice(1));
      await pipelined(client, [...close, { text: 'COMMIT' }]);
      return result;
    }),
  );
}
