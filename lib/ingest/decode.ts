import { IngestError } from './errors';

/** The largest thread accepted by default: far above any real forum thread, small enough to handle in memory. */
export const MAX_INPUT_BYTES = 20 * 1024 * 1024;

export interface DecodeOptions {
  /** Refuse input larger than this many bytes (default MAX_INPUT_BYTES). */
  maxBytes?: number;
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

const hex = (byte: number) => `0x${byte.toString(16).padStart(2, '0')}`;
const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/** Where the first invalid UTF-8 sequence starts (a fatal decoder only says that there is one). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    const need =
      b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    // Overlong forms, surrogates and code points past U+10FFFF.
    if (need === 2 && ((b === 0xe0 && bytes[i + 1] < 0xa0) || (b === 0xed && bytes[i + 1] > 0x9f))) return i;
    if (need === 3 && ((b === 0xf0 && bytes[i + 1] < 0x90) || (b === 0xf4 && bytes[i + 1] > 0x8f))) return i;
    i += need + 1;
  }
  return 0;
}

/** A UTF-16 byte-order mark: such files are full of NUL bytes but are text, only in the wrong encoding. */
const isUtf16 = (bytes: Uint8Array) =>
  bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));

/**
 * The input as text, exactly: a byte-order mark is kept (so the original rebuilds byte for byte;
 * the parsers look past it). Refused with what to fix and where: empty or white space only, over
 * the size limit, binary (a NUL byte), UTF-16, or not valid UTF-8.
 */
export function decodeInput(bytes: Uint8Array, options: DecodeOptions = {}): string {
  const maxBytes = options.maxBytes ?? MAX_INPUT_BYTES;
  if (bytes.byteLength === 0) throw new IngestError('empty', 'The file is empty; there is no thread to read.');
  if (bytes.byteLength > maxBytes) {
    throw new IngestError(
      'too_large',
      `The file is ${megabytes(bytes.byteLength)} (${bytes.byteLength} bytes); the limit is ${megabytes(maxBytes)}. Split the thread into smaller files.`,
    );
  }
  if (isUtf16(bytes)) {
    throw new IngestError(
      'invalid_utf8',
      'The file is UTF-16 text (byte-order mark at offset 0); save it as UTF-8 and try again.',
      { offset: 0 },
    );
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    throw new IngestError(
      'binary',
      `The file looks binary (a NUL byte at offset ${nul}); upload plain text, Markdown or JSON.`,
      { offset: nul },
    );
  }
  let text: string;
  try {
    text = STRICT_UTF8.decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    throw new IngestError(
      'invalid_utf8',
      `The file is not UTF-8 text (byte ${hex(bytes[bad])} at offset ${bad}); save it as UTF-8 and try again.`,
      { offset: bad },
    );
  }
  if (!/[^\s\uFEFF]/.test(text))
    throw new IngestError('empty', 'The file holds only white space; there is no thread to read.');
  return text;
}
