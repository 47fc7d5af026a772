import { pgPool } from '../db/pg-pool';
import { freshRead } from '../fresh-read';

/**
 * The version of everything search reads: the number of threads and the sum of their event
 * numbers. Every committed change to what search shows (a tag written, deleted or restored, an
 * import, a new revision) records a thread event and so moves the sum, and a new or removed thread
 * moves the count. (A claim nobody has tagged yet is not searchable, so creating one needs no event.)
 */
export function formatDataVersion(threads: number, eventSum: number | string): string {
  return `${threads}:${eventSum}`;
}

async function readDataVersion(): Promise<string> {
  // Named, so each connection parses and plans it once.
  const { rows } = await pgPool().query<{ threads: number; events: string }>({
    name: 'search-data-version',
    text: `SELECT count(*)::int AS "threads", coalesce(sum("eventSeq"), 0)::bigint::text AS "events" FROM "Thread"`,
  });
  return formatDataVersion(rows[0].threads, rows[0].events);
}

/**
 * The current data version: read from Postgres by a query that starts after the call, so a search
 * never sees a version older than a write its caller saw acknowledged; searches that arrive while
 * a read is under way share the next one (a cached search then costs no query of its own).
 */
export const dataVersion: () => Promise<string> = freshRead(readDataVersion);
