import { describe, expect, it } from 'vitest';
import { decodeInput } from '@/lib/ingest/decode';
import { ingestError } from './helpers';

const bytes = (...values: number[]) => new Uint8Array(values);
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decodeInput', () => {
  it('returns the text exactly, keeping a byte-order mark', () => {
    expect(decodeInput(utf8('\uFEFFhello “world”\r\n'))).toBe('\uFEFFhello “world”\r\n');
  });

  it('refuses empty and white-space-only input', () => {
    expect(ingestError(() => decodeInput(bytes())).code).toBe('empty');
    expect(ingestError(() => decodeInput(utf8(' \n\t\n'))).code).toBe('empty');
    expect(ingestError(() => decodeInput(utf8('\uFEFF \n'))).code).toBe('empty');
  });

  it('refuses binary input and says where the NUL byte is', () => {
    const error = ingestError(() => decodeInput(bytes(0x68, 0x69, 0x00, 0x21)));
    expect(error).toMatchObject({ code: 'binary', offset: 2 });
    expect(error.message).toContain('offset 2');
  });

  it('refuses invalid UTF-8 naming the byte and its offset', () => {
    const error = ingestError(() => decodeInput(new Uint8Array([...utf8('abc é '), 0x9c, 0x41])));
    expect(error).toMatchObject({ code: 'invalid_utf8', offset: 7 });
    expect(error.message).toContain('byte 0x9c at offset 7');
    expect(ingestError(() => decodeInput(bytes(0x61, 0xe2, 0x82))).offset).toBe(1);
    expect(ingestError(() => decodeInput(bytes(0x61, 0xed, 0xa0, 0x80))).offset).toBe(1);
    expect(ingestError(() => decodeInput(bytes(0xc0, 0xaf))).offset).toBe(0);
  });

  it('says a UTF-16 file is text in the wrong encoding', () => {
    const error = ingestError(() => decodeInput(bytes(0xff, 0xfe, 0x68, 0x00)));
    expect(error).toMatchObject({ code: 'invalid_utf8', offset: 0 });
    expect(error.message).toContain('UTF-16');
  });

  it('refuses input over the size limit, which can be set', () => {
    const error = ingestError(() => decodeInput(new Uint8Array(11).fill(0x61), { maxBytes: 10 }));
    expect(error.code).toBe('too_large');
    expect(error.message).toContain('11 bytes');
    expect(decodeInput(new Uint8Array(10).fill(0x61), { maxBytes: 10 })).toBe('aaaaaaaaaa');
  });
});
