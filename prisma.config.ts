import { defineConfig } from 'prisma/config';

// The URL is only read by CLI commands that talk to a database (`prisma migrate deploy`,
// `prisma studio`); `npm start` and the tests apply migrations through scripts/db/migrate.ts.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost/crux' },
});
