import type { Axis, ClaimView, TagView } from '@/lib/claims/types';

export interface TagSpec {
  user?: string;
  confidence?: number | null;
  axis?: Axis;
  crux?: boolean;
  story?: boolean;
  labels?: string[];
  note?: string;
}

/** A claim for tests, with one tag per spec; users default to u0, u1, … */
export function makeClaim(id: string, specs: TagSpec[], claim: Partial<ClaimView> = {}): ClaimView {
  const tags: TagView[] = specs.map((spec, i) => {
    const user = spec.user ?? `u${i}`;
    return {
      id: `${id}-t${i}`,
      claimId: id,
      userId: user,
      userName: `Reader ${user}`,
      axis: spec.axis ?? 'other',
      confidence: spec.confidence === undefined ? null : spec.confidence,
      concreteStoryNeeded: spec.story ?? false,
      crux: spec.crux ?? false,
      note: spec.note ?? '',
      labels: spec.labels ?? [],
      version: 1,
      createdAt: '2025-03-01T10:00:00.000Z',
      updatedAt: '2025-03-02T10:00:00.000Z',
    };
  });
  return {
    id,
    threadSlug: 'mesa-optimizers',
    threadTitle: 'Risks from learned optimization',
    passageId: `p-${id}`,
    passageOrdinal: 0,
    orphan: false,
    createdAt: '2025-03-01T09:00:00.000Z',
    exact: `Claim ${id}`,
    prefix: '',
    suffix: '',
    start: 0,
    end: 6 + id.length,
    tags,
    ...claim,
  };
}

/** n taggers at each of the given confidences, in turn: confidences(4, [10, 90]) → 10, 90, 10, 90. */
export function confidences(n: number, values: number[], spec: Omit<TagSpec, 'confidence'> = {}): TagSpec[] {
  return Array.from({ length: n }, (_, i) => ({ ...spec, confidence: values[i % values.length] }));
}
