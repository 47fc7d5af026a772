import { findRepeats } from '@/lib/dedup/find-repeats';
import { lineStatuses } from '@/lib/dedup/line-statuses';
import { parseText } from '@/lib/ingest/parse-text';

export function dedupLines(lines: string[]) {
  const paragraphs = parseText(lines.join('\n'));
  const result = findRepeats(paragraphs);
  return { result, statuses: lineStatuses(result, paragraphs) };
}

export const compact = (statuses: { line: number; status: string; of?: number }[]) =>
  statuses.map((s) => (s.status === 'original' ? 'o' : `${s.status[0]}${s.of}`)).join(' ');
