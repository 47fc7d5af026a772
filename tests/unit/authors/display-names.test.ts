import { describe, expect, it } from 'vitest';
import { displayNames, withDisplayNames } from '@/lib/users/display-names';
import { makeClaim } from '../cruxes/make-claims';

const carolA = { id: '5f0e8a2c-1b7d-4e8a-9c3f-0a1b2c3dc3f2', name: 'carol' };
const carolB = { id: '7a9d1e44-2c8b-4f1a-8b2e-9d8c7b6a51e0', name: 'Carol ' };
const dan = { id: 'd1d2d3d4-0000-4000-8000-000000000001', name: 'dan' };

describe('displayNames', () => {
  it('leaves a name alone when one account has it', () => {
    expect(displayNames([carolA, dan])).toEqual(
      new Map([
        [carolA.id, 'carol'],
        [dan.id, 'dan'],
      ]),
    );
  });

  it('adds the last four of the id when two accounts share a name, ignoring case and spaces', () => {
    const names = displayNames([carolA, carolB, dan, carolA]);
    expect(names.get(carolA.id)).toBe('carol · c3f2');
    expect(names.get(carolB.id)).toBe('Carol · 51e0');
    expect(names.get(dan.id)).toBe('dan');
  });

  it('takes more of the id when four characters do not tell them apart', () => {
    const twin = { id: '11111111-2222-4333-8444-00000000c3f2', name: 'carol' };
    const names = displayNames([carolA, twin]);
    expect(names.get(carolA.id)).not.toBe(names.get(twin.id));
    expect(names.get(carolA.id)).toBe('carol · 3dc3f2');
    expect(names.get(twin.id)).toBe('carol · 00c3f2');
  });

  it('renames every tag of a claim list among all its taggers', () => {
    const claims = withDisplayNames(
      [makeClaim('a', [{ user: carolA.id }]), makeClaim('b', [{ user: carolB.id }, { user: dan.id }])].map((claim) => ({
        ...claim,
        tags: claim.tags.map((tag) => ({
          ...tag,
          userName: [carolA, carolB, dan].find((p) => p.id === tag.userId)!.name,
        })),
      })),
    );
    expect(claims.flatMap((claim) => claim.tags.map((tag) => tag.userName))).toEqual([
      'carol · c3f2',
      'Carol · 51e0',
      'dan',
    ]);
  });

  it('tells a reply author apart from a tagger of the same name, and leaves a lone author alone', () => {
    const reply = (author: { id: string; name: string }, id: string) => ({
      id,
      authorId: author.id,
      authorName: author.name,
      parentId: null,
      body: 'b',
      createdAt: '2026-01-01T00:00:00.000Z',
      editedAt: null,
    });
    const [a, b] = withDisplayNames(
      [
        { ...makeClaim('a', [{ user: carolA.id }]), replies: [reply(carolB, 'r1')] },
        { ...makeClaim('b', []), replies: [reply(dan, 'r2')] },
      ].map((claim) => ({ ...claim, tags: claim.tags.map((tag) => ({ ...tag, userName: carolA.name })) })),
    );
    expect(a.tags[0].userName).toBe('carol · c3f2');
    expect(a.replies?.map((r) => r.authorName)).toEqual(['Carol · 51e0']);
    expect(b.replies?.map((r) => r.authorName)).toEqual(['dan']);
  });
});
