import { describe, expect, it } from 'vitest';
import { decodeInput } from '@/lib/ingest/decode';
import { IngestError } from '@/lib/ingest/errors';

const bytes = (...values: number[]) => new Uint8Array(values);

function failure(input: Uint8Array, max?: number): IngestError {
  try {
    decodeInput(input, max);
  } catch (error) {
    if (error instanceof IngestError) return error;
    throw error;
  }
  throw new Error('expected an IngestError');
}

describe('decodeInput', () => {
  it('returns the text, keeping a byte-order mark', () => {
    expect(decodeInput(new TextEncoder().encode('\uFEFFhello'))).toBe('\uFEFFhello');
  });

  it('refuses empty and white-space-only input', () => {
    expect(failure(bytes()).code).toBe('empty');
    expect(failure(new TextEncoder().encode(' \n\t\n')).code).toBe('empty');
  });

  it('refuses binary input and says where the NUL byte is', () => {
    const error = failure(bytes(0x68, 0x69, 0x00, 0x21));
    expect(error).toMatchObject({ code: 'binary', offset: 2 });
    expect(error.message).toContain('offset 2');
  });

  it('refuses invalid UTF-8 naming the byte and its offset', () => {
    const error = failure(new Uint8Array([...new TextEncoder().encode('abc é '), 0x9c, 0x41]));
    expect(error).toMatchObject({ code: 'invalid_utf8', offset: 7 });
    expect(error.message).toContain('byte 0x9c at offset 7');
    expect(failure(bytes(0x61, 0xe2, 0x82)).offset).toBe(1);
    expect(failure(bytes(0xed, 0xa0, 0x80)).code).toBe('invalid_utf8');
  });

  it('refuses input over the size limit', () => {
    expect(failure(new Uint8Array(11).fill(0x61), 10).code).toBe('too_large');
  });
});
