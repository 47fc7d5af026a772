import type { DedupOccurrence } from './types';

type Piece = Pick<DedupOccurrence, 'rawBefore' | 'text' | 'rawAfter' | 'raw'>;

/** The input, byte for byte, from the pieces alone: `rawBefore + text + rawAfter` each (or `raw`, where set), in order. */
export function rebuildInput(result: { occurrences: Piece[] }): string {
  const parts: string[] = [];
  for (const o of result.occurrences) parts.push(o.raw ?? o.rawBefore + o.text + o.rawAfter);
  return parts.join('');
}
