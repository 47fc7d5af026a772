import { readdir } from 'node:fs/promises';
import { db } from './db/client';
import { MIGRATIONS_DIR } from './db/paths';
import { searchEngine } from './search/search-claims';
import type { SearchEngineStatus } from './search/search-engine';

export interface Health {
  status: 'ok' | 'degraded' | 'down';
  db: 'up' | 'down';
  migration: { latest: string | null; pending: string[] } | null;
  /** This instance's search index: searches answer 503 until it is ready. */
  searchIndex: SearchEngineStatus;
  error?: string;
}

const TIMEOUT_MS = 3_000;

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error('database did not answer in 3 s')), TIMEOUT_MS)),
  ]);
}

/** Is the database reachable, and has every migration in prisma/migrations been applied? */
export async function checkHealth(): Promise<Health> {
  const index = searchEngine().status();
  try {
    const applied = await withTimeout(
      db.$queryRaw<{ migration_name: string }[]>`
        SELECT migration_name FROM "_prisma_migrations"
        WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
    );
    const names = new Set(applied.map((row) => row.migration_name));
    const onDisk = (await readdir(MIGRATIONS_DIR, { withFileTypes: true }))
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    const pending = onDisk.filter((name) => !names.has(name));
    const latest = applied.at(-1)?.migration_name ?? null;
    return { status: pending.length ? 'degraded' : 'ok', db: 'up', migration: { latest, pending }, searchIndex: index };
  } catch (error) {
    return {
      status: 'down',
      db: 'down',
      migration: null,
      searchIndex: index,
      error: (error as Error).message.split('\n')[0],
    };
  }
}
