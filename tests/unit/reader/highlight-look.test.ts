import { describe, expect, it } from 'vitest';
import { claimMarkSummary, markAttributes, markLook, stripesGradient } from '@/lib/claims/highlight-look';
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

  it('files a claim tagged outer by some and inner by others under split, however the tags arrived', () => {
    const ab = markLook([claimMarkSummary({ tags: [tag('outer', 50), tag('inner', 50)] })]);
    const ba = markLook([claimMarkSummary({ tags: [tag('inner', 50), tag('outer', 50)] })]);
    expect(ab.group).toBe('split');
    expect(ba).toEqual(ab);
  });

  it('draws the axis mix as proportional stripes in a fixed axis order', () => {
    const look = markLook([
      claimMarkSummary({ tags: [tag('inner', 50), tag('other', 50), tag('outer', 50), tag('inner', 50)] }),
    ]);
    expect(look.stripes).toEqual([
      { axis: 'outer', from: 0, to: 25 },
      { axis: 'inner', from: 25, to: 75 },
      { axis: 'other', from: 75, to: 100 },
    ]);
    expect(stripesGradient(look.stripes)).toBe(
      'linear-gradient(90deg,var(--color-outer) 0% 25%,var(--color-inner) 25% 75%,var(--color-other) 75% 100%)',
    );
  });

  it('looks the same whatever order overlapping claims come in', () => {
    const a = claimMarkSummary({ tags: [tag('outer', 10), tag('outer', 90)] });
    const b = claimMarkSummary({ tags: [tag('inner', 60), tag('inner', 60)] });
    const c = claimMarkSummary({ tags: [tag('both', 60, true)] });
    const looks = [
      [a, b, c],
      [c, b, a],
      [b, a, c],
    ].map((claims) => markAttributes(markLook(claims)));
    expect(looks[1]).toEqual(looks[0]);
    expect(looks[2]).toEqual(looks[0]);
    expect(looks[0]).toMatchObject({ 'data-axis': 'split', 'data-disputed': 'true', 'data-crux': 'true' });
  });

  it('marks disputed and crux claims with attributes of their own, absent otherwise', () => {
    const calm = markAttributes(markLook([claimMarkSummary({ tags: [tag('outer', 60), tag('outer', 70)] })]));
    expect(calm).toMatchObject({ 'data-axis': 'outer', 'data-disputed': null, 'data-crux': null });
  });

  it('is named for screen readers: "claim, inner, disputed, 3 taggers"', () => {
    const summary = claimMarkSummary({ tags: [tag('inner', 10), tag('inner', 90), tag('both', 95)] });
    expect(markLook([summary])).toMatchObject({
      group: 'inner',
      strength: 3,
      crux: false,
      disputed: true,
      label: 'claim, inner, disputed, 3 taggers',
    });
    const lone = claimMarkSummary({ tags: [tag('other', null, true)] });
    expect(markLook([lone]).label).toBe('claim, other, crux, 1 tagger');
    // Overlapping claims add up: two inner, one both and three other taggers file the stretch under other.
    expect(markLook([summary, lone, lone, lone])).toMatchObject({
      group: 'other',
      strength: 5,
      label: '4 claims, other, disputed, crux, 6 taggers',
    });
    const split = claimMarkSummary({ tags: [tag('inner', 40), tag('outer', 45)] });
    expect(markLook([split]).label).toBe('claim, split between outer and inner, 2 taggers');
  });
});
