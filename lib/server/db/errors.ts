import { ApiError } from '../http/errors';

/** Error codes of Postgres and Prisma that mean "the database is not there right now". */
const UNAVAILABLE_CODES = new Set([
  'P1001', 'P1002', 'P1017', 'P2024',
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN',
  '57P01', '57P02', '57P03', '08000', '08001', '08003', '08006', '53300',
]);

const UNAVAILABLE_MESSAGES =
  /connect(ion)? (refused|terminated|timeout|ended)|Connection terminated|timeout exceeded when trying to connect|the database system is (starting up|shutting down)|DatabaseNotReachable|Can't reach database/i;

function codesOf(error: unknown): string[] {
  const codes: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
    const { code, originalCode, kind } = current as { code?: unknown; originalCode?: unknown; kind?: unknown };
    for (const value of [code, originalCode, kind]) if (typeof value === 'string') codes.push(value);
    current = (current as { cause?: unknown }).cause;
  }
  return codes;
}

export function isDatabaseUnavailable(error: unknown): boolean {
  if (codesOf(error).some((code) => UNAVAILABLE_CODES.has(code) || code === 'DatabaseNotReachable')) return true;
  return error instanceof Error && UNAVAILABLE_MESSAGES.test(error.message);
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
