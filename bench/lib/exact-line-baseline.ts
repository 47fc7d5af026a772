import type { LineStatus } from '../../lib/dedup/types';

/** The baseline: a JS Set over trimmed lines — a line seen before is an exact repeat, nothing else is found. */
export function exactLineBaseline(text: string): LineStatus[] {
  const seen = new Map<string, number>();
  return text
    .replace(/\r?\n$/, '')
    .split(/\r?\n/)
    .map((raw, index) => {
      const line = raw.trim();
      const earlier = line ? seen.get(line) : undefined;
      if (earlier !== undefined) return { line: index + 1, status: 'exact' as const, of: earlier };
      if (line) seen.set(line, index + 1);
      return { line: index + 1, status: 'original' as const };
    });
}
