import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/server/http/errors';
import { queryReader } from '@/lib/server/http/body';
import { searchParamsSchema } from '@/lib/search/search-params';

const url = (search: string) => new URL(`http://localhost/api/claims${search}`);

describe('queryReader', () => {
  it('parses a query string once and hands the same frozen parameters back after', () => {
    const read = queryReader(searchParamsSchema);
    const first = read(url('?q=inner&axis=outer&axis=both&limit=5'));
    expect(first).toMatchObject({ q: 'inner', axis: ['outer', 'both'], limit: 5 });
    expect(read(url('?q=inner&axis=outer&axis=both&limit=5'))).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first.axis)).toBe(true);
    expect(read(url('?q=outer'))).not.toBe(first);
  });

  it('refuses bad input every time, naming the parameter, and keeps none of it', () => {
    const read = queryReader(searchParamsSchema);
    for (let i = 0; i < 2; i++) {
      expect(() => read(url('?limit=500'))).toThrow(ApiError);
      try {
        read(url('?axis=sideways'));
      } catch (error) {
        expect((error as ApiError).field).toBe('axis');
      }
    }
  });

  it('keeps only the most recently used query strings', () => {
    const read = queryReader(searchParamsSchema, 2);
    const a = read(url('?q=a'));
    const b = read(url('?q=b'));
    expect(read(url('?q=a'))).toBe(a); // a is now the most recent, b the least
    read(url('?q=c')); // b goes
    expect(read(url('?q=a'))).toBe(a);
    const again = read(url('?q=b'));
    expect(again).not.toBe(b); // parsed anew
    expect(again).toEqual(b);
  });
});
