import { describe, expect, it } from 'vitest';
import { rankCruxes } from '@/lib/cruxes';
import { CSV_COLUMNS, csvField, csvTable, toCsv } from '@/lib/export';
import { confidences, makeClaim } from '../cruxes/make-claims';

describe('CSV (RFC 4180)', () => {
  it('quotes fields with commas, quotes and line breaks, doubling quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "crux"')).toBe('"say ""crux"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r')).toBe('"cr\r"');
    expect(csvField(null)).toBe('');
    expect(csvField(0.25)).toBe('0.25');
    expect(csvField(false)).toBe('false');
  });

  it('neutralises formulas with a leading apostrophe', () => {
    expect(csvField('=HYPERLINK("http://evil.example","x")')).toBe('"\'=HYPERLINK(""http://evil.example"",""x"")"');
    expect(['+1', '-1+2', '@SUM(A1)', '\tx', '\rx'].map(csvField)).toEqual([
      "'+1",
      "'-1+2",
      "'@SUM(A1)",
      "'\tx",
      '"\'\rx"',
    ]);
    expect(csvField('a=b')).toBe('a=b');
  });

  it('ends every record with CRLF', () => {
    expect(
      csvTable([
        ['a', 'b'],
        ['1', 'x,y'],
      ]),
    ).toBe('a,b\r\n1,"x,y"\r\n');
  });
});

describe('toCsv', () => {
  const claims = [
    makeClaim('k1', confidences(4, [10, 90], { axis: 'inner', labels: ['rlhf'] }), {
      exact: '=cmd|"/c calc"!A1, they said\nand more',
      passageOrdinal: 2,
    }),
    makeClaim('k2', confidences(3, [70], { axis: 'outer' })),
  ];
  const csv = toCsv(rankCruxes(claims).scored, { baseUrl: 'https://cr.example.org' });
  const records = csv.split('\r\n');

  it('starts with the header row', () => {
    expect(records[0]).toBe(CSV_COLUMNS.join(','));
    expect(CSV_COLUMNS).toContain('confidence_90_100');
    expect(CSV_COLUMNS).toContain('crux_score');
  });

  it('writes one row per claim, escaping and neutralising its text', () => {
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(records).toHaveLength(4);
    expect(records[2]).toContain(`"'=cmd|""/c calc""!A1, they said\nand more"`);
    expect(records[2]).toContain('https://cr.example.org/threads/mesa-optimizers?claim=k1#p-3');
    expect(records[1].startsWith('k2,mesa-optimizers,Risks from learned optimization,1,')).toBe(true);
  });

  it('writes the aggregates and scores in their columns', () => {
    const row = Object.fromEntries(CSV_COLUMNS.map((name, i) => [name, records[1].split(',')[i]]));
    expect(row).toMatchObject({
      taggers: '3',
      confidence_mean: '70',
      confidence_70_79: '3',
      axis: 'outer',
      axis_outer: '3',
      spread: '0',
      crux_score: '0',
    });
  });
});
