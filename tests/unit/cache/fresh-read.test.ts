import { describe, expect, it } from 'vitest';
import { freshRead } from '@/lib/server/fresh-read';

/** A read whose every call is recorded and finished by hand: `finish(n)` settles the n-th. */
function manualReads() {
  const started: { resolve(v: number): void; reject(e: Error): void }[] = [];
  const read = () =>
    new Promise<number>((resolve, reject) => {
      started.push({ resolve, reject });
    });
  return { read, started, finish: (n: number) => started[n].resolve(n) };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('freshRead', () => {
  it('starts a read at once when none is under way', async () => {
    const { read, started, finish } = manualReads();
    const get = freshRead(read);
    const a = get();
    expect(started).toHaveLength(1);
    finish(0);
    expect(await a).toBe(0);
  });

  it('never answers a caller from a read that started before its call; callers meanwhile share the next read', async () => {
    const { read, started, finish } = manualReads();
    const get = freshRead(read);
    const first = get();
    const second = get();
    const third = get();
    expect(started).toHaveLength(1); // the next read waits for the one under way
    finish(0);
    expect(await first).toBe(0);
    await tick();
    expect(started).toHaveLength(2);
    const fourth = get(); // arrives while read 1 runs: must not get read 1's answer
    finish(1);
    expect([await second, await third]).toEqual([1, 1]);
    await tick();
    expect(started).toHaveLength(3);
    finish(2);
    expect(await fourth).toBe(2);
  });

  it('passes a failed read to its callers and goes on reading afterwards', async () => {
    const { read, started, finish } = manualReads();
    const get = freshRead(read);
    const first = get();
    const second = get();
    started[0].reject(new Error('database down'));
    await expect(first).rejects.toThrow('database down');
    await tick();
    started[1].reject(new Error('still down'));
    await expect(second).rejects.toThrow('still down');
    const third = get();
    await tick();
    finish(2);
    expect(await third).toBe(2);
  });

  it("runs the queued read with the waiting callers' arguments merged, and says when it is idle", async () => {
    const asked: number[] = [];
    const pending: (() => void)[] = [];
    let idle = 0;
    const get = freshRead(
      (after: number) =>
        new Promise<number>((resolve) => {
          asked.push(after);
          pending.push(() => resolve(after));
        }),
      (queued, more) => Math.min(queued, more),
      () => idle++,
    );
    const first = get(9);
    const second = get(8);
    const third = get(5);
    const fourth = get(7); // all three wait for the next read, which must serve the earliest
    expect(asked).toEqual([9]);
    pending[0]();
    expect(await first).toBe(9);
    await tick();
    expect(asked).toEqual([9, 5]);
    expect(idle).toBe(0);
    pending[1]();
    expect([await second, await third, await fourth]).toEqual([5, 5, 5]);
    await tick();
    expect(idle).toBe(1);
  });
});
