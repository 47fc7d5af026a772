import { randomUUID } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import * as engineBindings from '@prisma/schema-engine-wasm/schema_engine_bg';
import type { MigrationList, SchemaEngine } from '@prisma/schema-engine-wasm';
import pg from 'pg';
import { MIGRATIONS_DIR, SCHEMA_PATH } from './paths';

/**
 * Prisma's own schema engine, run as WebAssembly over the pg driver adapter, so migrations work
 * without the native engine download (which these machines cannot reach) and record themselves in
 * Prisma's `_prisma_migrations` table exactly as `prisma migrate deploy` would.
 */

let bindingsReady: Promise<void> | undefined;

/** Instantiates the wasm module by hand, so no `--experimental-wasm-modules` flag is needed. */
function loadBindings(): Promise<void> {
  bindingsReady ??= (async () => {
    // The engine reports a Rust panic's message here before throwing (as Prisma's CLI sets up).
    const registry = {
      message: '',
      set_message(message: string) {
        registry.message = message;
      },
    };
    (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: typeof registry }).PRISMA_WASM_PANIC_REGISTRY ??= registry;
    const require = createRequire(import.meta.url);
    const bindingsPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const wasmPath = path.join(path.dirname(bindingsPath), 'schema_engine_bg.wasm');
    const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), {
      './schema_engine_bg.js': engineBindings as unknown as WebAssembly.ModuleImports,
    });
    const exports = instance.exports as WebAssembly.Exports & { __wbindgen_start(): void };
    engineBindings.__wbg_set_wasm(exports);
    exports.__wbindgen_start();
  })();
  return bindingsReady;
}

type QueryResult = { fields: { dataTypeID: number }[] };
type RawResult = { columnTypes: number[] };
type PgAdapterInternals = {
  client: { query(sql: string): Promise<unknown> };
  executeScript(script: string): Promise<void>;
  performIO(query: object): Promise<QueryResult>;
  queryRaw(query: object): Promise<RawResult>;
  onError(error: unknown): never;
};

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;
/** ColumnTypeEnum.Character of @prisma/driver-adapter-utils. */
const CHARACTER_COLUMN = 6;

/**
 * Two gaps between @prisma/adapter-pg and the schema engine, closed here:
 * - the adapter runs a migration script by splitting it on every ";", which breaks on a semicolon
 *   inside a comment, string or function body; the native engine (`prisma migrate deploy`) sends
 *   the script whole, and so do we: one simple-protocol query, one implicit transaction;
 * - the engine's introspection reads catalog columns of Postgres's one-byte `"char"` type
 *   (pg_constraint.contype) and expects them as characters, which the adapter refuses as an
 *   unsupported type; they are read as text and reported as the Character column type.
 */
function fitForSchemaEngine<T extends object>(adapter: T): T {
  const internals = adapter as unknown as PgAdapterInternals;
  internals.executeScript = async (script: string) => {
    try {
      await internals.client.query(script);
    } catch (error) {
      internals.onError(error);
    }
  };
  const charColumns = new WeakMap<object, number[]>();
  const performIO = internals.performIO.bind(internals);
  internals.performIO = async (query) => {
    const result = await performIO(query);
    const columns: number[] = [];
    result.fields.forEach((field, index) => {
      if (field.dataTypeID !== PG_CHAR_OID) return;
      field.dataTypeID = PG_TEXT_OID;
      columns.push(index);
    });
    if (columns.length) charColumns.set(query, columns);
    return result;
  };
  const queryRaw = internals.queryRaw.bind(internals);
  internals.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const index of charColumns.get(query) ?? []) result.columnTypes[index] = CHARACTER_COLUMN;
    return result;
  };
  return adapter;
}

/**
 * The stock shadow-database connection keeps the main URL's database name (a connection string
 * wins over the `database` option in pg), so it would replay migrations onto the real database.
 * This one points at the throw-away database it creates and drops it afterwards.
 */
class MigrationAdapterFactory extends PrismaPg {
  private readonly open = new Set<{ dispose(): Promise<void> }>();

  constructor(private readonly connectionString: string) {
    super({ connectionString });
  }

  override async connect() {
    const adapter = fitForSchemaEngine(await super.connect());
    this.open.add(adapter);
    return adapter;
  }

  /** The engine does not close its connections when freed; without this a pool stays open. */
  async disposeAll() {
    await Promise.all([...this.open].map((adapter) => adapter.dispose()));
    this.open.clear();
  }

  override async connectToShadowDb() {
    const name = `prisma_migrate_shadow_db_${randomUUID().replaceAll('-', '')}`;
    const admin = new pg.Client({ connectionString: this.connectionString });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = new URL(this.connectionString);
    url.pathname = `/${name}`;
    const adapter = fitForSchemaEngine(await new PrismaPg({ connectionString: url.toString() }).connect());
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      const cleanup = new pg.Client({ connectionString: this.connectionString });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await cleanup.end();
    };
    return adapter;
  }
}

/** Runs `work` with a schema engine on the database, then frees the engine and its connections. */
export async function withSchemaEngine<T>(
  connectionString: string,
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  await loadBindings();
  const schema = await readFile(SCHEMA_PATH, 'utf8');
  const factory = new MigrationAdapterFactory(connectionString);
  const log = () => {};
  const engine = await engineBindings.SchemaEngine.new(
    { datamodels: [[SCHEMA_PATH, schema]] },
    log,
    bindMigrationAwareSqlAdapterFactory(factory),
  );
  try {
    return await work(engine);
  } finally {
    engine.free();
    await factory.disposeAll();
  }
}

export async function readMigrationList(): Promise<MigrationList> {
  const entries = await readdir(MIGRATIONS_DIR, { withFileTypes: true }).catch(() => []);
  const dirs = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const lockPath = path.join(MIGRATIONS_DIR, 'migration_lock.toml');
  const lock = await readFile(lockPath, 'utf8').then(
    (value) => ({ tag: 'ok' as const, value }),
    () => null,
  );
  return {
    baseDir: MIGRATIONS_DIR,
    lockfile: { path: 'migration_lock.toml', content: lock?.value ?? null },
    shadowDbInitScript: '',
    migrationDirectories: await Promise.all(
      dirs.map(async (dir) => ({
        path: dir,
        migrationFile: {
          path: 'migration.sql',
          content: await readFile(path.join(MIGRATIONS_DIR, dir, 'migration.sql'), 'utf8').then(
            (value) => ({ tag: 'ok' as const, value }),
            (error: Error) => ({ tag: 'error' as const, value: error.message }),
          ),
        },
      })),
    ),
  };
}
