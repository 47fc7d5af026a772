import { IngestError } from './errors';

export const MAX_INPUT_BYTES = 20 * 1024 * 1024;

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

const hex = (byte: number) => `0x${byte.toString(16).padStart(2, '0')}`;

/** Where the first invalid UTF-8 sequence starts (a fatal decoder only says that there is one). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    if (need === 2 && ((b === 0xe0 && bytes[i + 1] < 0xa0) || (b === 0xed && bytes[i + 1] > 0x9f))) return i;
    if (need === 3 && ((b === 0xf0 && bytes[i + 1] < 0x90) || (b === 0xf4 && bytes[i + 1] > 0x8f))) return i;
    i += need + 1;
  }
  return -1;
}

/**
 * The input as text, exactly (a byte-order mark is kept, so the original rebuilds byte for byte).
 * Refused: empty, over the size limit, binary (a NUL byte), or not UTF-8 — with where and why.
 */
export function decodeInput(bytes: Uint8Array, maxBytes = MAX_INPUT_BYTES): string {
  if (bytes.byteLength === 0) throw new IngestError('empty', 'The file is empty; there is no thread to read.');
  if (bytes.byteLength > maxBytes) {
    throw new IngestError('too_large', `The file is ${bytes.byteLength} bytes; the limit is ${maxBytes} bytes (20 MB). Split the thread.`);
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    throw new IngestError('binary', `The file looks binary (a NUL byte at offset ${nul}); upload plain text, Markdown or JSON.`, { offset: nul });
  }
  let text: string;
  try {
    text = STRICT_UTF8.decode(bytes);
  } catch {
    // The decoder only says that there is a bad sequence; find where, for the message.
    const bad = Math.max(0, firstInvalidUtf8(bytes));
    throw new IngestError('invalid_utf8', `The file is not UTF-8 text (byte ${hex(bytes[bad])} at offset ${bad}); save it as UTF-8 and try again.`, { offset: bad });
  }
  if (text.replace(/^\uFEFF/, '').trim() === '') throw new IngestError('empty', 'The file holds only white space; there is no thread to read.');
  return text;
}
