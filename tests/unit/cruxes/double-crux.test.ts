import { describe, expect, it } from 'vitest';
import type { ClaimView, TagView } from '@/lib/claims/types';
import { doubleCrux } from '@/lib/cruxes/double-crux';
import { doubleCruxMarkdown } from '@/lib/export/double-crux-markdown';

const A = 'aaaaaaaa-0000-7000-8000-000000000001';
const B = 'bbbbbbbb-0000-7000-8000-000000000002';
const C = 'cccccccc-0000-7000-8000-000000000003';

const tag = (userId: string, confidence: number | null, extra: Partial<TagView> = {}): TagView => ({
  id: `${userId.slice(0, 8)}-tag`,
  claimId: 'x',
  userId,
  userName: userId.slice(0, 1),
  axis: 'inner',
  confidence,
  concreteStoryNeeded: false,
  crux: false,
  note: '',
  labels: [],
  version: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...extra,
});

const claim = (id: string, ordinal: number, tags: TagView[]): ClaimView => ({
  id,
  threadSlug: 't',
  threadTitle: 'T',
  passageId: 'p',
  passageOrdinal: ordinal,
  exact: `Claim ${id} | with *markup*`,
  prefix: '',
  suffix: '',
  start: 0,
  end: 1,
  orphan: false,
  createdAt: '2026-01-01T00:00:00.000Z',
  tags,
});

describe('doubleCrux', () => {
  const claims = [
    claim('c1', 0, [tag(A, 50), tag(B, 60)]),
    claim('c2', 1, [tag(A, 10, { crux: true }), tag(B, 90, { axis: 'outer' })]),
    claim('c3', 2, [tag(A, 30), tag(C, 90)]),
    claim('c4', 3, [tag(A, null), tag(B, 0)]),
    claim('c5', 4, [tag(A, 80), tag(B, 0)]),
    claim('c6', 5, [tag(A, 0), tag(B, 80, { crux: true })]),
  ];

  it('ranks the claims both gave a confidence on by the gap, widest first, crux marks breaking ties', () => {
    const ranked = doubleCrux(claims, A, B);
    expect(ranked.map((c) => [c.claimId, c.gap])).toEqual([
      ['c2', 80],
      ['c6', 80],
      ['c5', 80],
      ['c1', 10],
    ]);
    expect(ranked[0]).toMatchObject({ cruxA: true, cruxB: false, axisA: 'inner', axisB: 'outer' });
  });

  it('is symmetric in its gaps and leaves out claims only one of them rated', () => {
    const ba = doubleCrux(claims, B, A);
    expect(ba.map((c) => c.gap)).toEqual([80, 80, 80, 10]);
    expect(doubleCrux(claims, A, C).map((c) => c.claimId)).toEqual(['c3']);
    expect(doubleCrux([], A, B)).toEqual([]);
  });

  it('compares two sets of readers by their mean confidences; one reader a side is the same as before', () => {
    const D = 'dddddddd-0000-7000-8000-000000000004';
    const sets = [
      claim('s1', 0, [tag(A, 10, { axis: 'outer' }), tag(C, 30, { crux: true }), tag(B, 90), tag(D, 80)]),
      // Only C rated it on side A: the side stands at C's confidence.
      claim('s2', 1, [tag(C, 40, { axis: 'both' }), tag(B, 50, { axis: 'outer' }), tag(D, 61, { axis: 'outer' })]),
      // No one on side B: left out.
      claim('s3', 2, [tag(A, 0), tag(C, 100)]),
    ];
    const ranked = doubleCrux(sets, [A, C], [B, D]);
    expect(ranked.map((c) => [c.claimId, c.confidenceA, c.confidenceB, c.gap])).toEqual([
      ['s1', 20, 85, 65],
      ['s2', 40, 55.5, 15.5],
    ]);
    expect(ranked[0]).toMatchObject({ cruxA: true, cruxB: false, axisB: 'inner' });
    expect(ranked[0].tagsA.map((t) => t.userId)).toEqual([A, C]);
    expect(ranked[0].a.userId).toBe(A);
    expect(ranked[1]).toMatchObject({ axisA: 'both', axisB: 'outer' });
    expect(ranked[1].a.userId).toBe(C);
    // The axis most of a side chose; a tie goes to the earliest reader's.
    expect(ranked[0].axisA).toBe('outer');

    const single = doubleCrux(claims, [A], [B]);
    expect(single).toEqual(doubleCrux(claims, A, B));
    expect(single[0]).toMatchObject({ confidenceA: 10, confidenceB: 90, gap: 80, tagsA: [single[0].a] });
  });

  it('writes Markdown in which claim text stays text', () => {
    const md = doubleCruxMarkdown(doubleCrux(claims, A, B), { a: 'Ann', b: 'Bo' }, 'https://crux.example');
    expect(md).toContain('# Double cruxes of Ann and Bo');
    expect(md).toContain('Ann: 10 % (inner, crux)');
    expect(md).toContain('\\*markup\\*');
    expect(md).toContain('https://crux.example/threads/t?claim=c2#p-2');
  });
});
