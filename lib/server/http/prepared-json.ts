import { promisify } from 'node:util';
import { constants, gzip as gzipCallback, gzipSync } from 'node:zlib';

const gzip = promisify(gzipCallback);

/** The fastest level, nginx's default: zlib's default costs much more CPU for a few per cent of bytes. */
const GZIP_LEVEL = constants.Z_BEST_SPEED;
/**
 * Bodies up to this size are compressed on the event loop, larger ones on libuv's thread pool, whose
 * hop costs more than compressing a small body in place (figures in decision 018).
 */
const GZIP_INLINE_MAX_BYTES = 64 * 1024;
/**
 * In place, an 8 KiB window and a smaller hash: zlib's default state (~270 kB) is mapped fresh from
 * the kernel on many calls, and a small body gains little from the wider window (decision 018).
 */
const INLINE_OPTIONS = { level: GZIP_LEVEL, windowBits: 13, memLevel: 6 };

/** A body gzipped at the fastest level: in place when small, on the thread pool when large. */
export async function gzipBody(body: Buffer): Promise<Buffer> {
  return body.byteLength <= GZIP_INLINE_MAX_BYTES ? gzipSync(body, INLINE_OPTIONS) : gzip(body, { level: GZIP_LEVEL });
}

/**
 * A JSON answer serialised once, to be sent any number of times: a cached answer kept this way
 * costs neither `JSON.stringify` nor, when the client takes gzip, compression again (the
 * compressed bytes are kept beside the plain ones the first time they are asked for).
 */
export class PreparedJson {
  readonly bytes: Buffer<ArrayBuffer>;
  private gzipped: Promise<Buffer> | null = null;

  constructor(value: unknown) {
    this.bytes = Buffer.from(JSON.stringify(value));
  }

  gzip(): Promise<Buffer> {
    this.gzipped ??= gzipBody(this.bytes);
    return this.gzipped;
  }
}
