import { ApiError } from '../http/errors';

/** Error codes of Postgres and Prisma that mean "the database is not there right now". */
const UNAVAILABLE_CODES = new Set([
  'P1001',
  'P1002',
  'P1017',
  'P2024',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08006',
  '53300',
]);

const UNAVAILABLE_MESSAGES =
  /connect(ion)? (refused|terminated|timeout|ended)|Connection terminated|timeout exceeded when trying to connect|the database system is (starting up|shutting down|in recovery mode)|terminating connection|not queryable|server closed the connection|DatabaseNotReachable|Can't reach database|ECONNREFUSED|ECONNRESET/i;

/** Every error code on the error, its causes, and the driver error Prisma keeps under meta. */
function codesOf(error: unknown): string[] {
  const codes: string[] = [];
  const pending: unknown[] = [error];
  for (let seen = 0; pending.length && seen < 10; seen++) {
    const current = pending.shift();
    if (!current || typeof current !== 'object') continue;
    const { code, originalCode, kind, cause, meta } = current as {
      code?: unknown;
      originalCode?: unknown;
      kind?: unknown;
      cause?: unknown;
      meta?: { driverAdapterError?: unknown };
    };
    for (const value of [code, originalCode, kind]) if (typeof value === 'string') codes.push(value);
    pending.push(cause, meta?.driverAdapterError);
  }
  return codes;
}

function messagesOf(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
    const { message, originalMessage, cause } = current as {
      message?: unknown;
      originalMessage?: unknown;
      cause?: unknown;
    };
    for (const value of [message, originalMessage]) if (typeof value === 'string') parts.push(value);
    current = cause;
  }
  return parts.join(' | ');
}

export function isDatabaseUnavailable(error: unknown): boolean {
  if (codesOf(error).some((code) => UNAVAILABLE_CODES.has(code) || code === 'DatabaseNotReachable')) return true;
  return UNAVAILABLE_MESSAGES.test(messagesOf(error));
}

/** A unique-constraint violation (Prisma P2002 / Postgres 23505). */
export function isUniqueViolation(error: unknown): boolean {
  return codesOf(error).some((code) => code === 'P2002' || code === '23505' || code === 'UniqueConstraintViolation');
}

/** Maps what a database failure means to the client; anything unknown stays a 500. */
export function toApiError(error: unknown): ApiError | undefined {
  if (error instanceof ApiError) return error;
  if (isDatabaseUnavailable(error)) {
    return new ApiError('unavailable', 'The database is unavailable; try again in a few seconds.', undefined, {
      'Retry-After': '5',
    });
  }
  return undefined;
}
