import { readFile } from 'node:fs/promises';
import type { SchemaFilter } from '@prisma/schema-engine-wasm';
import { SCHEMA_PATH } from './paths';
import { readMigrationList, withSchemaEngine } from './schema-engine';

const NO_FILTER: SchemaFilter = { externalTables: [], externalEnums: [] };

/** Applies every migration under prisma/migrations not yet recorded in `_prisma_migrations`. */
export async function applyMigrations(connectionString: string): Promise<string[]> {
  const migrationsList = await readMigrationList();
  return withSchemaEngine(connectionString, async (engine) => {
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: NO_FILTER });
    return appliedMigrationNames;
  });
}

/**
 * The SQL that would take a database built from the migrations to what schema.prisma describes;
 * empty when they agree. Uses a throw-away shadow database on the same server.
 */
export async function diffMigrationsToSchema(connectionString: string): Promise<string> {
  const schema = await readFile(SCHEMA_PATH, 'utf8');
  const migrations = await readMigrationList();
  return withSchemaEngine(connectionString, async (engine) => {
    const { stdout } = await engine.diff({
      from: migrations.lockfile.content === null ? { tag: 'empty' } : { tag: 'migrations', ...migrations },
      to: { tag: 'schemaDatamodel', files: [{ path: SCHEMA_PATH, content: schema }] },
      script: true,
      exitCode: null,
      filters: NO_FILTER,
    });
    return (stdout ?? '').replace(/^-- This is an empty migration\.\s*$/m, '').trim();
  });
}
