import { describe, expect, it } from 'vitest';
import { uuidv7 } from '@/lib/server/db/uuid';

describe('uuidv7', () => {
  it('is a version 7, RFC 9562 variant UUID whose first 48 bits are the time in milliseconds', () => {
    const now = Date.UTC(2026, 11, 5, 21, 30);
    const id = uuidv7(now);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Number.parseInt(id.replace('-', '').slice(0, 12), 16)).toBe(now);
  });

  it('sorts by time and differs within one millisecond', () => {
    const earlier = uuidv7(1_000);
    const later = uuidv7(1_001);
    expect(earlier < later).toBe(true);
    const same = new Set(Array.from({ length: 1000 }, () => uuidv7(5_000)));
    expect(same.size).toBe(1000);
  });
});
