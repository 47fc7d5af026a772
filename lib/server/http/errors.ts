/** One JSON error shape for every route: `{error: {code, message, field?}}`. */

export type ErrorCode =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'gone'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'unprocessable'
  | 'rate_limited'
  | 'unavailable'
  | 'internal';

const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

export class ApiError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = STATUS[code];
  }

  toJSON() {
    return { error: { code: this.code, message: this.message, ...(this.field ? { field: this.field } : {}) } };
  }
}

export const badRequest = (message: string, field?: string) => new ApiError('bad_request', message, field);
export const unauthorized = (message = 'Sign in to do this.') => new ApiError('unauthorized', message);
export const forbidden = (message: string) => new ApiError('forbidden', message);
export const notFound = (message: string) => new ApiError('not_found', message);
export const conflict = (message: string, field?: string) => new ApiError('conflict', message, field);
/** What the path named existed once and is no more for good (an expired or revoked invite). */
export const gone = (message: string) => new ApiError('gone', message);
export const unprocessable = (message: string, field?: string) => new ApiError('unprocessable', message, field);
/** An error of ours the caller cannot fix; what happened goes to the log, not into the answer. */
export const internalError = () => new ApiError('internal', 'Something went wrong on our side; the error was logged.');
export const payloadTooLarge = (message: string, field?: string) => new ApiError('payload_too_large', message, field);

export function errorResponse(error: ApiError): Response {
  return Response.json(error.toJSON(), { status: error.status, headers: error.headers });
}
