import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inTwoTripTransaction, pgPool } from '@/lib/server/db/pg-pool';
import { literal, typedRow } from '@/lib/server/db/sql-literal';

const AWKWARD = [
  "it's",
  "''",
  'back\\slash \\N',
  "\\' E'",
  '$1 and $$ dollar',
  'emoji 🧭, combining é, RTL \u202e',
  '',
  'NULL',
  '\'); DROP TABLE "Tag"; --',
];

describe('SQL literals', () => {
  it('bring every string back from Postgres exactly as given', async () => {
    for (const text of AWKWARD) {
      const { rows } = await pgPool().query<{ v: string }>(`SELECT ${literal(text)}::text AS v`);
      expect(rows[0].v).toBe(text);
    }
  });

  it('hold for any Unicode string without NUL (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'grapheme', maxLength: 40 }).filter((s) => !s.includes('\u0000')),
        async (text) => {
          const { rows } = await pgPool().query<{ v: string }>(`SELECT ${literal(text)}::text AS v`);
          expect(rows[0].v).toBe(text);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('write arrays, numbers, booleans, nulls and dates with their casts', async () => {
    const when = new Date('2026-11-23T10:11:12.345Z');
    const values = typedRow(
      [["a'b", 'c\\d', '🧭'], [], -0.125e-3, -42, false, null, when],
      ['text[]', 'text[]', 'float8', 'int', 'boolean', 'int', 'timestamptz'],
    );
    const sql = `SELECT * FROM (VALUES ${values}) AS v(a, e, f, i, b, n, d)`;
    const { rows } = await pgPool().query(sql);
    expect(rows[0]).toEqual({ a: ["a'b", 'c\\d', '🧭'], e: [], f: -0.000125, i: -42, b: false, n: null, d: when });
  });

  it('refuse what Postgres could not store or the SQL does not ask for', () => {
    expect(() => literal('a\u0000b')).toThrow(/NUL/);
    expect(() => literal(Number.NaN)).toThrow(TypeError);
    expect(() => literal({})).toThrow(TypeError);
    expect(() => typedRow([1], ['int', 'text'])).toThrow(/1 values for 2 columns/);
  });
});

describe('inTwoTripTransaction', () => {
  it('commits the closing statements with the opening ones, and rolls both back when the work throws', async () => {
    await pgPool().query('CREATE TABLE IF NOT EXISTS two_trip_probe (n int PRIMARY KEY)');
    const seen = await inTwoTripTransaction(
      'INSERT INTO two_trip_probe VALUES (1); SELECT count(*)::int AS c FROM two_trip_probe',
      (opened) => ({
        result: opened[1].rows[0].c as number,
        close: 'INSERT INTO two_trip_probe VALUES (2)',
      }),
    );
    expect(seen).toBe(1);
    await expect(
      inTwoTripTransaction('INSERT INTO two_trip_probe VALUES (3)', () => {
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    // A failing closing statement rolls back the opening ones too.
    await expect(
      inTwoTripTransaction('INSERT INTO two_trip_probe VALUES (4)', () => ({
        result: 0,
        close: 'INSERT INTO two_trip_probe VALUES (1)',
      })),
    ).rejects.toThrow(/duplicate key/);
    const { rows } = await pgPool().query<{ n: number }>('SELECT n FROM two_trip_probe ORDER BY n');
    expect(rows.map((r) => r.n)).toEqual([1, 2]);
    await pgPool().query('DROP TABLE two_trip_probe');
  });
});
