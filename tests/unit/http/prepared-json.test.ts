import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { PreparedJson } from '@/lib/server/http/prepared-json';

describe('PreparedJson', () => {
  const value = { items: [{ id: 'a', text: 'Mesa-optimisers — “inner” misalignment', n: 0.25 }], nextCursor: null };

  it('holds the bytes JSON.stringify makes', () => {
    expect(new PreparedJson(value).bytes.toString()).toBe(JSON.stringify(value));
  });

  it('compresses once and keeps the result, for small answers and large ones', async () => {
    for (const answer of [value, { notes: Array.from({ length: 5000 }, (_, i) => `note ${i}`) }]) {
      const prepared = new PreparedJson(answer);
      const first = await prepared.gzip();
      expect(await prepared.gzip()).toBe(first);
      expect(JSON.parse(gunzipSync(first).toString())).toEqual(answer);
    }
  });
});
