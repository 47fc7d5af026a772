import type { ClaimHighlight } from '@/lib/server/claims/highlights';

export interface Segment {
  text: string;
  /** UTF-16 offset of the segment in the passage text. */
  start: number;
  claims: ClaimHighlight[];
}

/** Splits a passage's text at every claim boundary; each piece knows the claims covering it. */
export function segmentPassage(
  text: string,
  claims: ClaimHighlight[],
  toUtf16: (text: string, codePoint: number) => number,
): Segment[] {
  if (claims.length === 0) return [{ text, start: 0, claims: [] }];
  const ranges = claims.map((claim) => ({ claim, start: toUtf16(text, claim.start), end: toUtf16(text, claim.end) }));
  const cuts = new Set<number>([0, text.length]);
  for (const r of ranges) {
    cuts.add(r.start);
    cuts.add(r.end);
  }
  const points = [...cuts].filter((p) => p >= 0 && p <= text.length).sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const [start, end] = [points[i], points[i + 1]];
    if (start === end) continue;
    segments.push({
      text: text.slice(start, end),
      start,
      claims: ranges.filter((r) => r.start <= start && r.end >= end).map((r) => r.claim),
    });
  }
  return segments;
}
