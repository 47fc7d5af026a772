export type IngestErrorCode =
  | 'empty'
  | 'binary'
  | 'invalid_utf8'
  | 'too_large'
  | 'malformed_json'
  | 'unknown_json_shape'
  | 'unknown_format';

/**
 * Input that cannot become a thread. The message says what is wrong and what to do about it;
 * `offset` (a byte offset in the file) or `path` (a JSON path such as
 * `$.data.post.comments.results[3].contents`) says where.
 */
export class IngestError extends Error {
  readonly offset?: number;
  readonly path?: string;

  constructor(
    readonly code: IngestErrorCode,
    message: string,
    where: { offset?: number; path?: string } = {},
  ) {
    super(message);
    this.name = 'IngestError';
    if (where.offset !== undefined) this.offset = where.offset;
    if (where.path !== undefined) this.path = where.path;
  }
}
