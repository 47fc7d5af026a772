import type { SourceParagraph } from '@/lib/ingest/types';
import { isRepeat } from './blocks';
import { normalizedText } from './normalize';
import { repeatKey } from './repeat-key';
import type { DedupResult, LineStatus, QuoteEditKind } from './types';

/** Lines of the input the raws rebuild: \n, \r\n and \r end a line; a last line needs no terminator. */
function countLines(paragraphs: SourceParagraph[]): number {
  let lines = 0;
  let previous = -1;
  for (const { raw } of paragraphs) {
    for (let i = 0; i < raw.length; i++) {
      const code = raw.charCodeAt(i);
      if (code === 10 ? previous !== 13 : code === 13) lines++;
      previous = code;
    }
  }
  const unterminated = previous !== -1 && previous !== 10 && previous !== 13;
  return unterminated ? lines + 1 : lines;
}

/**
 * One status per input line, for the `dedup` CLI. "exact" when the line's text equals an earlier
 * line's (after normalisation; `of` is the first such line); "partial" when it repeats part of an
 * earlier line — a quote, an elided quote, one of two glued paragraphs — or holds one beside new
 * text (`of` is where the first repeated passage first stood), with `edits` naming the edits undone
 * to match its quotes, when there were any; else "original", blank lines and lines no paragraph
 * starts on (Markdown continuations, JSON structure) included.
 */
export function lineStatuses(result: DedupResult, paragraphs: SourceParagraph[]): LineStatus[] {
  const textOf = new Map<number, string>();
  for (const paragraph of paragraphs) {
    const text = textOf.get(paragraph.line);
    textOf.set(paragraph.line, text === undefined ? paragraph.text : `${text}\n${paragraph.text}`);
  }
  const repeatOf = new Map<number, number>();
  const editsOf = new Map<number, QuoteEditKind[]>();
  for (const occurrence of result.occurrences) {
    if (!isRepeat(occurrence)) continue;
    // A line repeating itself ("A. A.") repeats no other line.
    const of = result.passages[occurrence.source as number].line;
    if (of === occurrence.line) continue;
    if (!repeatOf.has(occurrence.line)) repeatOf.set(occurrence.line, of);
    if (occurrence.edits)
      editsOf.set(occurrence.line, [...(editsOf.get(occurrence.line) ?? []), ...occurrence.edits.map((e) => e.kind)]);
  }
  const firstLineOf = new Map<string, number>();
  const statuses: LineStatus[] = [];
  for (let line = 1, lines = countLines(paragraphs); line <= lines; line++) {
    const text = textOf.get(line) ?? '';
    if (!/\S/.test(text)) {
      statuses.push({ line, status: 'original' });
      continue;
    }
    const key = repeatKey(text, normalizedText(text));
    const earlier = firstLineOf.get(key);
    if (earlier !== undefined) {
      statuses.push({ line, status: 'exact', of: earlier });
      continue;
    }
    firstLineOf.set(key, line);
    const of = repeatOf.get(line);
    const edits = editsOf.get(line);
    if (of === undefined) statuses.push({ line, status: 'original' });
    else statuses.push(edits ? { line, status: 'partial', of, edits } : { line, status: 'partial', of });
  }
  return statuses;
}
