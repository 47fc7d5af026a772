import { z } from 'zod';

/**
 * The app's configuration, validated once at start. A bad value fails loudly with the
 * variable's name and what it should be, never deep inside a request.
 */
const postgresUrl = z.string().refine((value) => /^postgres(ql)?:\/\/[^\s]+$/.test(value) && URL.canParse(value), {
  message: 'must be a postgresql:// URL, e.g. postgresql://user:pass@host:5432/crux',
});

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: postgresUrl,
  NEXTAUTH_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  NEXTAUTH_URL: z.url().optional(),
  /** The public origin IRIs and links are built from (lib/server/public-origin.ts); NEXTAUTH_URL when unset. */
  PUBLIC_URL: z.url().optional(),
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  /**
   * How many proxies in front of the app append to X-Forwarded-For and are trusted to (0: none; the
   * client address is the socket's peer). See lib/server/client-address.ts.
   */
  TRUST_PROXY: z.coerce
    .number({ error: 'TRUST_PROXY must be the number of trusted proxies in front of the app (0 for none).' })
    .int('TRUST_PROXY must be a whole number of proxies.')
    .min(0, 'TRUST_PROXY must be 0 or more.')
    .max(10, 'TRUST_PROXY is at most 10.')
    .default(0),
  GITHUB_ID: z.string().optional(),
  GITHUB_SECRET: z.string().optional(),
  GOOGLE_CLIENT_ID: z.string().optional(),
  GOOGLE_CLIENT_SECRET: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(20),
  /** Rows of search answers kept per app instance (0 turns the cache off). */
  SEARCH_CACHE_ROWS: z.coerce.number().int().min(0).max(1_000_000).default(20_000),
});

export type Env = z.infer<typeof schema>;

/**
 * Checks a database URL on its own, by the same rule as DATABASE_URL above — for the scripts that
 * are handed one (`name`: the variable it came from) before anything else of the configuration
 * matters. The message says what is wrong and what to set.
 */
export function checkDatabaseUrl(value: string | undefined, name = 'DATABASE_URL'): string {
  if (!value) throw new Error(`${name} is not set; it must be a postgresql:// URL.`);
  const result = postgresUrl.safeParse(value);
  if (!result.success) throw new Error(`${name} ${result.error.issues[0].message} (got "${value}").`);
  return result.data;
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration — ${lines.join('; ')}`);
  }
  return result.data;
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
