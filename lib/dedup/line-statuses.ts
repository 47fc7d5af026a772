import type { SourceParagraph } from '@/lib/ingest/types';
import type { DedupResult, LineStatus } from './types';

/**
 * One status per input line, for the `dedup` CLI: "exact" when the whole line repeats an earlier
 * whole line, "partial" when it repeats part of one (a quote, an elided quote, one of two glued
 * paragraphs) or contains one plus new text, else "original" (blank lines too). `of` is the first
 * line where the repeated passage stood.
 */
export function lineStatuses(result: DedupResult, paragraphs: SourceParagraph[]): LineStatus[] {
  const byParagraph = new Map<number, DedupResult['occurrences']>();
  for (const occurrence of result.occurrences) {
    const list = byParagraph.get(occurrence.paragraph) ?? [];
    list.push(occurrence);
    byParagraph.set(occurrence.paragraph, list);
  }
  const wholeLinePassages = new Set<number>();
  for (const list of byParagraph.values()) {
    const pieces = list.filter((o) => o.kind !== 'blank');
    if (pieces.length === 1 && pieces[0].kind === 'original' && pieces[0].passage !== null) wholeLinePassages.add(pieces[0].passage);
  }
  return paragraphs.map((paragraph) => {
    const pieces = (byParagraph.get(paragraph.index) ?? []).filter((o) => o.kind !== 'blank');
    const repeats = pieces.filter((o) => o.kind !== 'original');
    if (repeats.length === 0) return { line: paragraph.line, status: 'original' };
    const first = repeats[0];
    const of = result.passages[first.source as number].line;
    const exact = pieces.length === 1 && first.kind === 'exact' && wholeLinePassages.has(first.source as number);
    return { line: paragraph.line, status: exact ? 'exact' : 'partial', of };
  });
}
