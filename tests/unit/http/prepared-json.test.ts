import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { PreparedJson, preparedJsonOf, preparedJsonResponse } from '@/lib/server/http/prepared-json';

describe('PreparedJson', () => {
  const value = { items: [{ id: 'a', text: 'Mesa-optimisers — “inner” misalignment', n: 0.25 }], nextCursor: null };

  it('answers exactly as Response.json does, through any reader', async () => {
    const response = preparedJsonResponse(new PreparedJson(value));
    const reference = Response.json(value);
    expect(response.status).toBe(reference.status);
    expect(response.headers.get('content-type')).toBe(reference.headers.get('content-type'));
    expect(await response.text()).toBe(await reference.text());
  });

  it('is found on the response it was sent in, and only there', () => {
    const prepared = new PreparedJson(value);
    expect(preparedJsonOf(preparedJsonResponse(prepared))).toBe(prepared);
    expect(preparedJsonOf(Response.json(value))).toBeUndefined();
  });

  it('compresses once and keeps the result', async () => {
    const prepared = new PreparedJson(value);
    const first = await prepared.gzip();
    expect(await prepared.gzip()).toBe(first);
    expect(JSON.parse(gunzipSync(first).toString())).toEqual(value);
  });
});
