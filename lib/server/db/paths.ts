import path from 'node:path';

/** prisma/ of the app: npm scripts, tests and `next start` all run from the project's root. */
export const PRISMA_DIR = path.join(process.cwd(), 'prisma');
export const MIGRATIONS_DIR = path.join(PRISMA_DIR, 'migrations');
export const SCHEMA_PATH = path.join(PRISMA_DIR, 'schema.prisma');
