import type { SourceParagraph } from '@/lib/ingest/types';
import { normalizeForMatch } from './normalize';
import type { DedupResult, LineStatus } from './types';

/**
 * One status per input line, for the `dedup` CLI: "exact" when the whole line equals an earlier
 * whole line (after normalisation; `of` is the first such line), "partial" when it repeats part of
 * an earlier line (a quote, an elided quote, one of two glued paragraphs) or holds one plus new text
 * (`of` is where the repeated text first stood), else "original" — blank lines too.
 */
export function lineStatuses(result: DedupResult, paragraphs: SourceParagraph[]): LineStatus[] {
  const repeatsByParagraph = new Map<number, number>();
  for (const occurrence of result.occurrences) {
    const repeat = occurrence.kind === 'exact' || occurrence.kind === 'partial' || occurrence.kind === 'elided';
    if (repeat && !repeatsByParagraph.has(occurrence.paragraph)) repeatsByParagraph.set(occurrence.paragraph, occurrence.source as number);
  }
  const firstLineOf = new Map<string, number>();
  return paragraphs.map((paragraph) => {
    const key = normalizeForMatch(paragraph.text).text;
    if (key === '') return { line: paragraph.line, status: 'original' };
    const earlier = firstLineOf.get(key);
    if (earlier !== undefined) return { line: paragraph.line, status: 'exact', of: earlier };
    firstLineOf.set(key, paragraph.line);
    const source = repeatsByParagraph.get(paragraph.index);
    if (source === undefined) return { line: paragraph.line, status: 'original' };
    return { line: paragraph.line, status: 'partial', of: result.passages[source].line };
  });
}
