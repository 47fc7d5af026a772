import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { applyMigrations, diffMigrationsToSchema } from '@/lib/server/db/migrations';
import { MIGRATIONS_DIR } from '@/lib/server/db/paths';

const url = () => process.env.DATABASE_URL as string;

describe('migrations', () => {
  it('schema.prisma and prisma/migrations describe the same database (no drift)', async () => {
    const drift = await diffMigrationsToSchema(url());
    expect(drift, 'run `npm run db:migration -- NAME` to write the missing migration').toBe('');
  });

  it("records every migration in Prisma's own _prisma_migrations table, and applying again is a no-op", async () => {
    const onDisk = (await readdir(MIGRATIONS_DIR, { withFileTypes: true }))
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    const client = new pg.Client({ connectionString: url() });
    await client.connect();
    const { rows } = await client.query(
      'SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name',
    );
    await client.end();
    expect(rows.map((r) => r.migration_name)).toEqual(onDisk.sort());
    for (const row of rows) {
      expect(row.finished_at).not.toBeNull();
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(await applyMigrations(url())).toEqual([]);
  });

  it('keeps semicolons inside strings and comments of a migration intact (whole-script execution)', async () => {
    const init = await readFile(path.join(MIGRATIONS_DIR, '20261123080008_init', 'migration.sql'), 'utf8');
    // The case guarded: a semicolon in a comment, and statements inside a dollar-quoted function body.
    expect(init).toMatch(/--[^\n]*;/);
    expect(init).toMatch(/\$\$[^$]*;[^$]*\$\$/);
    const client = new pg.Client({ connectionString: url() });
    await client.connect();
    const { rows } = await client.query(
      `SELECT finished_at, applied_steps_count FROM "_prisma_migrations" WHERE migration_name = '20261123080008_init'`,
    );
    await client.end();
    expect(rows).toHaveLength(1);
    expect(rows[0].finished_at).not.toBeNull();
    expect(rows[0].applied_steps_count).toBe(1);
  });
});
