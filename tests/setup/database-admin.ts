import pg from 'pg';

/** Names of this run's databases start with it, so parallel runs on one server never collide. */
export const RUN_PREFIX = `crux_test_${process.env.CRUX_TEST_RUN ?? `${process.pid}_${Date.now().toString(36)}`}_`;
process.env.CRUX_TEST_RUN ??= RUN_PREFIX.slice('crux_test_'.length, -1);

/** The same server's maintenance database, from any database URL. */
export function serverUrlFor(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  url.pathname = '/postgres';
  return url.toString();
}

export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function withAdmin<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
