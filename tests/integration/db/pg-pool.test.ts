import { describe, expect, it } from 'vitest';
import { closeDatabase, db } from '@/lib/server/db/client';
import { copyRows } from '@/lib/server/db/copy-rows';
import { inTransaction, inTwoTripTransaction, pgPool } from '@/lib/server/db/pg-pool';

/** Strings that would break SQL built by pasting values into its text. */
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

describe('the one pool', () => {
  it('is the pool Prisma queries through', async () => {
    await closeDatabase();
    expect(pgPool().totalCount).toBe(0);
    await db.$queryRaw`SELECT 1`;
    expect(pgPool().totalCount).toBe(1);
  });
});

describe('inTwoTripTransaction', () => {
  it('commits the closing statements with the opening ones, values bound as they are', async () => {
    await pgPool().query('CREATE TABLE two_trip_probe (n int PRIMARY KEY, s text)');
    const seen = await inTwoTripTransaction(
      [
        {
          text: 'INSERT INTO two_trip_probe SELECT * FROM unnest($1::int[], $2::text[])',
          values: [[1, 2], AWKWARD.slice(0, 2)],
        },
        { text: 'SELECT count(*)::int AS c FROM two_trip_probe' },
      ],
      (opened) => ({
        result: opened[1].rows[0].c as number,
        close: AWKWARD.slice(2).map((s, i) => ({
          text: 'INSERT INTO two_trip_probe VALUES ($1, $2)',
          values: [i + 3, s],
        })),
      }),
    );
    expect(seen).toBe(2);
    const { rows } = await pgPool().query<{ s: string }>('SELECT s FROM two_trip_probe ORDER BY n');
    expect(rows.map((r) => r.s)).toEqual(AWKWARD);
  });

  it('rolls everything back when the work throws or a closing statement fails', async () => {
    await pgPool().query('CREATE TABLE two_trip_rollback (n int PRIMARY KEY)');
    await expect(
      inTwoTripTransaction([{ text: 'INSERT INTO two_trip_rollback VALUES (1)' }], () => {
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    await expect(
      inTwoTripTransaction([{ text: 'INSERT INTO two_trip_rollback VALUES (2)' }], () => ({
        result: 0,
        close: [
          { text: 'INSERT INTO two_trip_rollback VALUES (3)' },
          { text: 'INSERT INTO two_trip_rollback VALUES (2)' },
        ],
      })),
    ).rejects.toThrow(/duplicate key/);
    expect((await pgPool().query('SELECT n FROM two_trip_rollback')).rows).toEqual([]);
  });

  it('leaves its connection fit for COPY, which cannot run pipelined', async () => {
    const pool = pgPool();
    for (let i = 0; i < pool.totalCount + 1; i++) {
      await inTwoTripTransaction([{ text: 'SELECT 1' }], () => ({ result: 0, close: [] }));
    }
    const copied = await inTransaction(async (client) => {
      await client.query('CREATE TEMP TABLE copy_after_pipeline (s text) ON COMMIT DROP');
      await copyRows(client, 'copy_after_pipeline', ['s'], [['copied']]);
      return (await client.query('SELECT s FROM copy_after_pipeline')).rows;
    });
    expect(copied).toEqual([{ s: 'copied' }]);
  });
});
