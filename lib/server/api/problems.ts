import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { z } from 'zod';
import { toApiError } from '../db/errors';
import { zodIssueToError } from '../http/body';
import { ApiError, type ErrorCode, internalError, notFound } from '../http/errors';
import { log } from '../log';

/** Statuses Hono itself may answer with (its validators, media-type gate), as our error codes. */
const CODE_OF_STATUS: Record<number, ErrorCode> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'unprocessable',
};

function answer(c: Context, error: ApiError): Response {
  return c.json(error.toJSON(), error.status as 400, error.headers);
}

/**
 * Every error as `{error: {code, message, field?}}` with its status: ours as thrown, Hono's own by
 * their status, a database that is away as 503; anything else is logged and answered 500 without
 * a word of what happened (never a stack trace).
 */
export const answerError: ErrorHandler = (error, c) => {
  const known =
    toApiError(error) ??
    (error instanceof HTTPException && CODE_OF_STATUS[error.status]
      ? new ApiError(CODE_OF_STATUS[error.status], error.message)
      : undefined);
  if (known) {
    if (known.status >= 500) log.warn({ path: c.req.path, code: known.code }, known.message);
    return answer(c, known);
  }
  log.error({ err: error, path: c.req.path, method: c.req.method }, 'unhandled error in an API route');
  return answer(c, internalError());
};

export const answerNotFound: NotFoundHandler = (c) =>
  answer(
    c,
    notFound(`There is no ${c.req.method} ${c.req.path} in this API; GET /api/openapi.json lists what there is.`),
  );

/**
 * What a route's input validation makes of a problem: a path parameter that names nothing is a 404
 * (its schema's message says what was not found); a query parameter is named by itself, a body's
 * field by its whole path (`labels.2`).
 */
export function rejectInvalid(result: { success: boolean; target: string; error?: z.ZodError }): void {
  if (result.success || !result.error) return;
  if (result.target === 'param') throw notFound(result.error.issues[0]?.message ?? 'Not found.');
  throw zodIssueToError(result.error, result.target === 'query' ? 1 : Number.POSITIVE_INFINITY);
}
