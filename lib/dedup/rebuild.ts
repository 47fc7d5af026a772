import type { DedupOccurrence } from './types';

/** The input, byte for byte, from the pieces alone. */
export function rebuildInput(occurrences: Pick<DedupOccurrence, 'rawBefore' | 'text' | 'rawAfter' | 'raw'>[]): string {
  let out = '';
  for (const o of occurrences) out += o.raw ?? o.rawBefore + o.text + o.rawAfter;
  return out;
}
