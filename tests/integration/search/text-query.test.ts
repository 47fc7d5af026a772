import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pgPool } from '@/lib/server/db/pg-pool';
import {
  isEvaluable,
  matchQuery,
  type Postings,
  parseTsquery,
  parseTsvector,
  rankIn,
  rankPlan,
} from '@/lib/server/search/text-query';

/** Words that stem together, stop words, hyphenated and apostrophe words, and a non-ASCII one. */
const WORDS = [
  'alignment',
  'aligned',
  'aligning',
  'inner',
  'outer',
  'reward',
  'rewards',
  'model',
  'models',
  'modelling',
  'mesa',
  'optimizer',
  'goal',
  'goals',
  'the',
  'a',
  'of',
  'is',
  'not',
  'deceptive',
  'deception',
  'self-play',
  "agent's",
  'naïve',
  'training',
  'story',
];
const QUERY_WORDS = [...WORDS, 'missing', 'or', '-reward', '-the', 'OR'];

/** Postings straight from parsed vectors: the reference the index's own postings are checked against elsewhere. */
function postingsOf(vectors: string[]): Postings {
  const parsed = vectors.map((v) => new Map(parseTsvector(v)));
  return {
    size: vectors.length,
    vectorSize: (slot) => parsed[slot].size,
    slotsOf: (lexeme) => Int32Array.from(parsed.flatMap((m, slot) => (m.has(lexeme) ? [slot] : []))),
    cursor: (lexeme, found, k) => (slot) => {
      const positions = parsed[slot].get(lexeme) ?? null;
      found.data[k] = positions;
      found.start[k] = 0;
      found.end[k] = positions?.length ?? 0;
    },
  };
}

const text = (min: number, max: number) =>
  fc.array(fc.constantFrom(...WORDS), { minLength: min, maxLength: max }).map((w) => w.join(' '));
const queryText = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...QUERY_WORDS) },
      {
        weight: 1,
        arbitrary: fc.array(fc.constantFrom(...WORDS), { minLength: 2, maxLength: 4 }).map((w) => `"${w.join(' ')}"`),
      },
    ),
    { minLength: 1, maxLength: 4 },
  )
  .map((parts) => parts.join(' '));

interface Expected {
  vector: string;
  matches: boolean;
  rank: number;
}

/** What Postgres says for each document (claim text weight A, notes weight B) and one websearch query. */
async function postgres(
  docs: { exact: string; notes: string }[],
  q: string,
): Promise<{ query: string; rows: Expected[] }> {
  const { rows } = await pgPool().query<Expected & { query: string }>(
    `SELECT d.v::text AS "vector", d.v @@ q.q AS "matches", ts_rank(d.v, q.q, 32)::float8 AS "rank", q.q::text AS "query"
     FROM (SELECT setweight(to_tsvector('english', e), 'A') || setweight(to_tsvector('english', n), 'B') AS v, i
           FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS x(e, n, i)) d,
          (SELECT websearch_to_tsquery('english', $3) AS q) q
     ORDER BY d.i`,
    [docs.map((d) => d.exact), docs.map((d) => d.notes), q],
  );
  return { query: rows[0].query, rows };
}

describe('tsvector and tsquery in memory', () => {
  it('parse the text forms, quoting and weights included', () => {
    expect(parseTsvector(`'align':1A,2A,3B 'e-mail':5 'o''neil':7C`)).toEqual([
      ['align', [(3 << 14) | 1, (3 << 14) | 2, (2 << 14) | 3]],
      ['e-mail', [5]],
      ["o'neil", [(1 << 14) | 7]],
    ]);
    expect(parseTsquery(`'cat' <3> 'hat' | 'dog' & !'bird'`)).toEqual({
      kind: 'or',
      left: {
        kind: 'phrase',
        left: { kind: 'word', lexeme: 'cat' },
        right: { kind: 'word', lexeme: 'hat' },
        distance: 3,
      },
      right: {
        kind: 'and',
        left: { kind: 'word', lexeme: 'dog' },
        right: { kind: 'not', operand: { kind: 'word', lexeme: 'bird' } },
      },
    });
    expect(parseTsquery('')).toBeNull();
    expect(() => parseTsquery(`'foo':*`)).toThrow(/Unsupported/);
    expect(isEvaluable(parseTsquery(`'a' <-> ( 'b' | 'c' )`) as never)).toBe(false);
    expect(isEvaluable(parseTsquery(`'a' <-> 'b' <2> 'c' & !'d'`) as never)).toBe(true);
  });

  it('match and rank exactly as Postgres does: @@ and ts_rank(…, 32), bit for bit (property)', async () => {
    let matched = 0;
    let ranked = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ exact: text(1, 14), notes: fc.oneof(fc.constant(''), text(1, 10)) }), {
          minLength: 20,
          maxLength: 20,
        }),
        queryText,
        async (docs, q) => {
          const { query, rows } = await postgres(docs, q);
          const node = parseTsquery(query);
          const postings = postingsOf(rows.map((r) => r.vector));
          const found = new Set(node ? matchQuery(node, postings) : []);
          if (node && !isEvaluable(node)) return; // left to Postgres by the index
          rows.forEach((row, slot) => {
            expect(found.has(slot), `${q} → ${query} on ${row.vector}`).toBe(row.matches);
            if (!row.matches || !node) return;
            matched++;
            const rank = rankIn(rankPlan(node), postings, slot);
            expect(rank, `rank of ${q} → ${query} on ${row.vector}`).toBe(row.rank);
            if (rank > 0) ranked++;
          });
        },
      ),
      { numRuns: 300 },
    );
    expect(matched, 'the generated queries match something').toBeGreaterThan(500);
    expect(ranked).toBeGreaterThan(500);
  });
});
