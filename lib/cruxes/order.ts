import type { ClaimSummary } from '@/lib/claims/types';

/** Code-unit order: the same on every machine, unlike localeCompare, so exports are reproducible. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Reading order: thread, passage, position in the passage, then id. */
export function compareReadingOrder(
  a: ClaimSummary & { threadSlug?: string },
  b: ClaimSummary & { threadSlug?: string },
): number {
  return (
    compareText(a.threadSlug ?? '', b.threadSlug ?? '') ||
    a.passageOrdinal - b.passageOrdinal ||
    a.start - b.start ||
    a.end - b.end ||
    compareText(a.id, b.id)
  );
}
