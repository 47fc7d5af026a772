export type IngestErrorCode =
  | 'empty'
  | 'binary'
  | 'invalid_utf8'
  | 'too_large'
  | 'malformed_json'
  | 'unknown_json_shape'
  | 'unknown_format';

/** Input that cannot become a thread: says what is wrong and where (byte offset or JSON path). */
export class IngestError extends Error {
  constructor(
    readonly code: IngestErrorCode,
    message: string,
    readonly where: { offset?: number; path?: string } = {},
  ) {
    super(message);
    this.name = 'IngestError';
  }

  get offset(): number | undefined {
    return this.where.offset;
  }

  get path(): string | undefined {
    return this.where.path;
  }
}
