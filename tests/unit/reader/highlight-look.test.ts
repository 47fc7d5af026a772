import { describe, expect, it } from 'vitest';
import { claimMarkSummary, markLook } from '@/lib/claims/highlight-look';
import type { Axis, TagView } from '@/lib/claims/types';

let n = 0;
const tag = (axis: Axis, confidence: number | null, crux = false): TagView => ({
  id: `t${++n}`,
  claimId: 'c',
  userId: `u${n}`,
  userName: `U${n}`,
  axis,
  confidence,
  concreteStoryNeeded: false,
  crux,
  note: '',
  labels: [],
  version: 1,
  createdAt: '',
  updatedAt: '',
});

describe('a claim highlight, as the server and the browser both draw it', () => {
  it('is disputed when two readers hold it at 10 % and 90 %, not at 30 % and 70 %', () => {
    expect(claimMarkSummary({ tags: [tag('inner', 10), tag('inner', 90)] }).disputed).toBe(true);
    expect(claimMarkSummary({ tags: [tag('inner', 30), tag('inner', 70)] }).disputed).toBe(false);
    expect(claimMarkSummary({ tags: [tag('inner', 0)] }).disputed).toBe(false);
  });

  it('files an outer/inner tie under "both", as the crux page does, however the tags arrived', () => {
    expect(claimMarkSummary({ tags: [tag('outer', 50), tag('inner', 50)] }).axis).toBe('both');
    expect(claimMarkSummary({ tags: [tag('inner', 50), tag('outer', 50)] }).axis).toBe('both');
  });

  it('is named for screen readers: "claim, inner, disputed, 3 taggers"', () => {
    const summary = claimMarkSummary({ tags: [tag('inner', 10), tag('inner', 90), tag('outer', 95)] });
    expect(markLook([summary])).toEqual({
      axis: 'inner',
      strength: 3,
      crux: false,
      label: 'claim, inner, disputed, 3 taggers',
    });
    const lone = claimMarkSummary({ tags: [tag('other', null, true)] });
    expect(markLook([lone]).label).toBe('claim, other, crux, 1 tagger');
    expect(markLook([summary, lone, lone, lone])).toMatchObject({
      axis: 'inner',
      strength: 5,
      label: '4 claims, inner, disputed, crux, 6 taggers',
    });
  });
});
