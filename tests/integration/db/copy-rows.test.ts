import { describe, expect, it } from 'vitest';
import { copyRows } from '@/lib/server/db/copy-rows';
import { inTransaction, pgPool } from '@/lib/server/db/pg-pool';

const AWKWARD = [
  'tab\there',
  'new\nline and \r\n carriage',
  'back\\slash \\N \\t literal',
  '\\.',
  '',
  'NULL',
  'emoji 🧭, combining é, RTL \u202e',
  'x'.repeat(200_000),
];

describe('copyRows', () => {
  it('stores every value exactly as given, nulls as nulls, across chunk boundaries', async () => {
    const back = await inTransaction(async (client) => {
      await client.query('CREATE TEMP TABLE copy_probe (n int, s text, j jsonb, b boolean) ON COMMIT DROP');
      const rows: (string | number | boolean | null)[][] = AWKWARD.map((s, n) => [
        n,
        s,
        JSON.stringify({ s }),
        n % 2 === 0,
      ]);
      rows.push([AWKWARD.length, null, null, null]);
      await copyRows(client, 'copy_probe', ['n', 's', 'j', 'b'], rows);
      const { rows: stored } = await client.query<{
        n: number;
        s: string | null;
        j: { s: string } | null;
        b: boolean | null;
      }>('SELECT n, s, j, b FROM copy_probe ORDER BY n');
      return stored;
    });
    expect(back.map((r) => r.s)).toEqual([...AWKWARD, null]);
    expect(back.map((r) => r.j?.s ?? null)).toEqual([...AWKWARD, null]);
    expect(back.map((r) => r.b)).toEqual([...AWKWARD.map((_, n) => n % 2 === 0), null]);
  });

  it('keeps text of several bytes a character whole where rows fill a chunk', async () => {
    // Rows of two-, three- and four-byte characters, enough to fill several chunks of bytes.
    const texts = Array.from({ length: 3000 }, (_, n) => `${n} ${'“é🧭”'.repeat(n % 50)}`);
    const back = await inTransaction(async (client) => {
      await client.query('CREATE TEMP TABLE copy_wide (n int, s text) ON COMMIT DROP');
      await copyRows(
        client,
        'copy_wide',
        ['n', 's'],
        texts.map((s, n) => [n, s]),
      );
      const { rows } = await client.query<{ s: string }>('SELECT s FROM copy_wide ORDER BY n');
      return rows.map((r) => r.s);
    });
    expect(back).toEqual(texts);
  });

  it('rolls the whole copy back with the transaction when a row is rejected', async () => {
    const pool = pgPool();
    await pool.query('CREATE TABLE copy_strict (n int NOT NULL)');
    try {
      const attempt = inTransaction(async (client) => {
        await client.query('INSERT INTO copy_strict VALUES (0)');
        await copyRows(client, 'copy_strict', ['n'], [[1], [2], [null]]);
      });
      await expect(attempt).rejects.toThrow(/null value/);
      const { rows } = await pool.query<{ count: string }>('SELECT count(*) FROM copy_strict');
      expect(rows[0].count).toBe('0');
    } finally {
      await pool.query('DROP TABLE copy_strict');
    }
  });
});
