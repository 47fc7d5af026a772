import { describe, expect, it } from 'vitest';
import { applyTagEvent, claimsOfList } from '@/components/reader/claim-list';
import type { ClaimSummaryList, TagSummary } from '@/lib/claims/types';

const tag = (userId: string, version: number, confidence: number | null = 50) => ({
  userId,
  axis: 'outer' as const,
  confidence,
  concreteStoryNeeded: false,
  crux: false,
  noteHtml: '',
  labels: [],
  version,
});

const list: ClaimSummaryList = {
  claims: [
    {
      id: 'c1',
      passageId: 'p1',
      passageOrdinal: 0,
      start: 0,
      end: 5,
      exact: 'First',
      orphan: false,
      replyCount: 2,
      tags: [tag('u1', 1), tag('u2', 3)],
    },
    {
      id: 'c2',
      passageId: 'p2',
      passageOrdinal: 1,
      start: 2,
      end: 9,
      exact: 'Second',
      orphan: true,
      replyCount: 0,
      tags: [tag('u3', 1)],
    },
  ],
  users: { u1: 'Ann', u2: 'Bo' },
  since: 42,
};

describe('the reader’s compact claim list', () => {
  it('puts each tagger’s name back on their tags, in the list’s order', () => {
    const claims = claimsOfList(list);
    expect([...claims.keys()]).toEqual(['c1', 'c2']);
    expect(claims.get('c1')?.tags.map((t) => t.userName)).toEqual(['Ann', 'Bo']);
    expect(claims.get('c1')).toMatchObject({ exact: 'First', replyCount: 2, orphan: false });
    // A tagger missing from `users` is shown by id rather than as nobody.
    expect(claims.get('c2')?.tags[0].userName).toBe('u3');
  });

  it('applies a live tag change only when it is newer than the tag shown', () => {
    const claims = claimsOfList(list);
    const newer: TagSummary = { ...tag('u2', 4, 90), userName: 'Bo' };
    const changed = applyTagEvent(claims, { claimId: 'c1', userId: 'u2', deleted: false, tag: newer });
    expect(changed.get('c1')?.tags.find((t) => t.userId === 'u2')?.confidence).toBe(90);
    // The same event again, or an older one, changes nothing (events may repeat after a reconnect).
    expect(applyTagEvent(changed, { claimId: 'c1', userId: 'u2', deleted: false, tag: newer })).toBe(changed);
    const older = { ...tag('u2', 2, 10), userName: 'Bo' };
    expect(applyTagEvent(claims, { claimId: 'c1', userId: 'u2', deleted: true, tag: older })).toBe(claims);
    // A delete removes the tagger's tag; a new tagger's tag is added.
    const deleted = applyTagEvent(claims, {
      claimId: 'c1',
      userId: 'u1',
      deleted: true,
      tag: { ...tag('u1', 2), userName: 'Ann' },
    });
    expect(deleted.get('c1')?.tags.map((t) => t.userId)).toEqual(['u2']);
    const added = applyTagEvent(claims, {
      claimId: 'c2',
      userId: 'u9',
      deleted: false,
      tag: { ...tag('u9', 1), userName: 'Cy' },
    });
    expect(added.get('c2')?.tags.map((t) => t.userName)).toEqual(['u3', 'Cy']);
    // The original map is never changed in place.
    expect(claims.get('c1')?.tags).toHaveLength(2);
  });
});
