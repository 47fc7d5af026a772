import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { encode } from 'next-auth/jwt';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '@/lib/server/db/migrations';
import { type EmbeddedServer, ensureDatabase, startEmbeddedPostgres } from '../../scripts/db/embedded';
import { type RunningApp, startApp } from '../../scripts/lib/app-server';
import { TEST_SECRET } from '../support/session';
import { recordFigures } from './figures';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DATA_DIR = path.join(ROOT, '.data/postgres-faults');

/**
 * Faults on a Postgres of its own (the shared test server cannot be restarted): the database goes
 * away in the middle of a write load and comes back; an ingest is killed half-way.
 */
describe('faults', () => {
  let server: EmbeddedServer;
  let app: RunningApp;
  let url: string;
  let port: number;

  async function startDatabase() {
    server = await startEmbeddedPostgres({ dataDir: DATA_DIR, firstPort: port ?? 54359, fast: true });
    port = server.port;
  }

  async function query<T extends pg.QueryResultRow>(sql: string, values: unknown[] = []) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query<T>(sql, values)).rows;
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    await startDatabase();
    await ensureDatabase(server.url('postgres'), 'crux_faults');
    url = server.url('crux_faults');
    await query('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
    await applyMigrations(url);
    app = await startApp({ DATABASE_URL: url, NEXTAUTH_SECRET: TEST_SECRET });
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
    await server?.stop();
  });

  it('answers 503 while Postgres is down, recovers by itself, and loses no acknowledged write', async () => {
    const { seedWriteTargets } = await import('./fault-fixtures');
    const { claimIds, users } = await seedWriteTargets(url, 8, 400);
    const cookies = await Promise.all(
      users.map(
        async (u) =>
          `next-auth.session-token=${await encode({ token: { uid: u.id, name: u.name, role: 'USER' }, secret: TEST_SECRET })}`,
      ),
    );
    const acknowledged: { claimId: string; userId: string; confidence: number }[] = [];
    const outcomes: Record<string, number> = {};
    let slowest = 0;
    let running = true;
    const writers = users.map(async (user, w) => {
      for (let k = 0; running && k < claimIds.length; k++) {
        const claimId = claimIds[k];
        const confidence = (w * 13 + k) % 101;
        const started = performance.now();
        const response = await fetch(`${app.url}/api/claims/${claimId}/tag`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json', cookie: cookies[w] },
          body: JSON.stringify({ axis: 'inner', confidence }),
          signal: AbortSignal.timeout(15_000),
        }).catch(() => null);
        slowest = Math.max(slowest, performance.now() - started);
        const status = response?.status ?? 0;
        outcomes[status] = (outcomes[status] ?? 0) + 1;
        if (status === 200) acknowledged.push({ claimId, userId: user.id, confidence });
        await response?.arrayBuffer();
        if (status !== 200) await new Promise((r) => setTimeout(r, 100));
      }
    });

    await new Promise((r) => setTimeout(r, 2_000));
    await server.stop();
    await new Promise((r) => setTimeout(r, 1_000));
    const health = await fetch(`${app.url}/api/health`, { signal: AbortSignal.timeout(10_000) });
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ status: 'down', db: 'down' });
    await new Promise((r) => setTimeout(r, 2_000));
    await startDatabase();
    await new Promise((r) => setTimeout(r, 3_000));
    running = false;
    await Promise.all(writers);

    expect(outcomes[503] ?? 0, JSON.stringify(outcomes)).toBeGreaterThan(0);
    expect(
      Object.keys(outcomes).every((s) => s === '200' || s === '503'),
      JSON.stringify(outcomes),
    ).toBe(true);
    expect(slowest).toBeLessThan(10_000);
    expect((await fetch(`${app.url}/api/health`)).status).toBe(200);
    const stored = await query<{ claimId: string; userId: string; confidence: number }>(
      'SELECT "claimId", "userId", "confidence" FROM "Tag"',
    );
    const found = new Set(stored.map((t) => `${t.claimId}:${t.userId}:${t.confidence}`));
    const missing = acknowledged.filter((w) => !found.has(`${w.claimId}:${w.userId}:${w.confidence}`));
    expect(missing).toEqual([]);
    recordFigures('faults', {
      databaseRestarts: 1,
      writesAcknowledged: acknowledged.length,
      writesFound: acknowledged.length - missing.length,
      answeredWhileDown: outcomes[503] ?? 0,
      slowestMs: Math.round(slowest),
      recovered: true,
    });
  }, 120_000);

  it('leaves no partial thread when an ingest is killed half-way', async () => {
    const file = path.join(ROOT, 'tests/.artifacts/big-thread.txt');
    const { syntheticThreads } = await import('../../bench/lib/synthetic-corpus');
    const big = Buffer.concat([...syntheticThreads(15 * 1024 * 1024, 3)]);
    const { mkdirSync } = await import('node:fs');
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, big);
    const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['scripts/ingest.ts', file], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: url },
      stdio: 'ignore',
    });
    // Kill it while it works: after parsing has started, before it can have finished storing.
    const exited = new Promise((r) => child.once('exit', r));
    // Kill it in the middle of its transaction: as soon as Postgres shows it writing rows.
    const started = performance.now();
    let inTransaction = false;
    while (!inTransaction && child.exitCode === null && performance.now() - started < 60_000) {
      const active = await query<{ n: string }>(
        `SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()
         AND state IN ('active', 'idle in transaction') AND query ~ '(INSERT INTO|COPY) "(Passage|Occurrence|ThreadRevision|Thread)"'`,
      );
      inTransaction = Number(active[0].n) > 0;
      if (!inTransaction) await new Promise((r) => setTimeout(r, 20));
    }
    expect(inTransaction, 'the ingest was caught writing').toBe(true);
    child.kill('SIGKILL');
    await exited;
    const killedAfterMs = Math.round(performance.now() - started);
    await new Promise((r) => setTimeout(r, 500));
    const revisions = await query<{ id: string; passageCount: number }>(
      `SELECT "id", "passageCount" FROM "ThreadRevision" WHERE "sourceName" = 'big-thread.txt'`,
    );
    for (const revision of revisions) {
      const [{ count }] = await query<{ count: string }>('SELECT count(*) FROM "Passage" WHERE "revisionId" = $1', [
        revision.id,
      ]);
      expect(Number(count)).toBe(revision.passageCount);
    }
    const orphanThreads = await query('SELECT "id" FROM "Thread" WHERE "currentRevisionId" IS NULL');
    expect(orphanThreads).toEqual([]);
    expect(revisions).toEqual([]);
    recordFigures('killedIngest', {
      killedAfterMs,
      killedInTransaction: true,
      revisionsLeft: revisions.length,
      partialThreads: 0,
    });
  }, 120_000);
});
