/** A test fails when code under test writes to console.error or console.warn it did not expect. */
import { afterEach, beforeEach, vi } from 'vitest';

let calls: unknown[][] = [];

beforeEach(() => {
  calls = [];
  for (const method of ['error', 'warn'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      calls.push([method, ...args]);
    });
  }
});

afterEach(() => {
  vi.restoreAllMocks();
  if (calls.length) {
    const [first] = calls;
    throw new Error(`Unexpected console.${String(first[0])}: ${first.slice(1).map(String).join(' ')}`);
  }
});
