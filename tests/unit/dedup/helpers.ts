import { findRepeats } from '@/lib/dedup/find-repeats';
import { lineStatuses } from '@/lib/dedup/line-statuses';
import type { DedupOccurrence, DedupResult } from '@/lib/dedup/types';
import { parseText } from '@/lib/ingest/parse-text';

/** Dedup of a flattened thread given as its lines. */
export function dedupLines(lines: string[]) {
  const paragraphs = parseText(lines.join('\n'));
  const result = findRepeats(paragraphs);
  return { result, statuses: lineStatuses(result, paragraphs) };
}

/** Statuses in brief: "o" original, "e2" exact of line 2, "p1" partial of line 1. */
export const compact = (statuses: { line: number; status: string; of?: number }[]) =>
  statuses.map((s) => (s.status === 'original' ? 'o' : `${s.status[0]}${s.of}`)).join(' ');

/** Pieces in brief: kind and text. */
export const pieces = (result: DedupResult) => result.occurrences.map((o) => [o.kind, o.text]);

/** The text of the source passage each span of a piece points at. */
export const quoted = (result: DedupResult, piece: DedupOccurrence) =>
  (piece.spans ?? []).map((span) => result.passages[piece.source as number].text.slice(span.start, span.end));
