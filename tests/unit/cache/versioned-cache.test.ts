import { describe, expect, it } from 'vitest';
import { VersionedCache } from '@/lib/server/versioned-cache';

const rows = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('VersionedCache', () => {
  it('answers a repeated key from the cache while the version holds, and computes again when it moves', async () => {
    const cache = new VersionedCache(100);
    let computed = 0;
    const compute = async () => rows(++computed);
    expect(await cache.get('v1', 'q', compute, (r) => r.length)).toEqual([0]);
    expect(await cache.get('v1', 'q', compute, (r) => r.length)).toEqual([0]);
    expect(computed).toBe(1);
    expect(await cache.get('v2', 'q', compute, (r) => r.length)).toEqual([0, 1]);
    expect(computed).toBe(2);
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 2, entries: 1, weight: 2 });
  });

  it('shares one computation between identical concurrent misses', async () => {
    const cache = new VersionedCache(100);
    let computed = 0;
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const compute = async () => {
      computed++;
      await gate;
      return rows(3);
    };
    const answers = Promise.all([
      cache.get('v', 'q', compute, (r) => r.length),
      cache.get('v', 'q', compute, (r) => r.length),
    ]);
    release();
    expect(await answers).toEqual([rows(3), rows(3)]);
    expect(computed).toBe(1);
  });

  it('does not keep a failure: the next ask computes again', async () => {
    const cache = new VersionedCache(100);
    await expect(
      cache.get(
        'v',
        'q',
        () => Promise.reject(new Error('database down')),
        () => 1,
      ),
    ).rejects.toThrow('database down');
    expect(
      await cache.get(
        'v',
        'q',
        async () => 'ok',
        () => 1,
      ),
    ).toBe('ok');
    expect(cache.stats().entries).toBe(1);
  });

  it('drops the least recently used answers to stay within its row budget', async () => {
    const cache = new VersionedCache(10);
    const put = (key: string, n: number) =>
      cache.get(
        'v',
        key,
        async () => rows(n),
        (r) => r.length,
      );
    await put('a', 4);
    await put('b', 4);
    await put('a', 4); // a is now the most recently used
    await put('c', 4); // over budget: b goes
    expect(cache.stats()).toMatchObject({ entries: 2, weight: 8 });
    const recomputed: string[] = [];
    const recompute = (key: string) => async () => {
      recomputed.push(key);
      return rows(4);
    };
    await cache.get('v', 'a', recompute('a'), (r) => r.length);
    await cache.get('v', 'b', recompute('b'), (r) => r.length);
    expect(recomputed).toEqual(['b']);
    // An answer bigger than the whole budget is served but not kept.
    expect(await put('huge', 50)).toHaveLength(50);
    expect(cache.stats().weight).toBeLessThanOrEqual(10);
  });

  it('with a budget of 0 always computes', async () => {
    const cache = new VersionedCache(0);
    let computed = 0;
    for (let i = 0; i < 3; i++)
      await cache.get(
        'v',
        'q',
        async () => ++computed,
        () => 1,
      );
    expect(computed).toBe(3);
    expect(cache.stats().entries).toBe(0);
  });
});
