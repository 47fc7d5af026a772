import { ShingleTable } from './shingle-table';
import type { Words } from './shingles';

/**
 * A shingle in more passages than this ("i think that") says little about where a quote is from;
 * a quote of real content also has rarer shingles, and is found from them.
 */
const COMMON_SHINGLE = 16;

export interface IndexedPassage {
  ordinal: number;
  text: string;
  /** Normalised text (offsets back to `text` are recomputed only for the few passages quoted). */
  normalized: string;
}

/**
 * The passages seen so far, findable by their repeat key (exact repeats) and by word shingles
 * (where a quote may be from), so each piece costs time in its own length, not in the size of the
 * thread.
 */
export class PassageIndex {
  readonly passages: IndexedPassage[] = [];
  private readonly byKey = new Map<string, number>();
  private readonly byShingle: ShingleTable;

  /** @param expectedShingles about how many shingles the passages will have */
  constructor(expectedShingles: number) {
    this.byShingle = new ShingleTable(COMMON_SHINGLE, expectedShingles);
  }

  add(passage: IndexedPassage, key: string, words: Words) {
    this.passages.push(passage);
    if (!this.byKey.has(key)) this.byKey.set(key, passage.ordinal);
    for (const shingle of words.shingles) this.byShingle.add(shingle, passage.ordinal);
  }

  /** The first passage with this repeat key. */
  repeated(key: string): IndexedPassage | undefined {
    const ordinal = this.byKey.get(key);
    return ordinal === undefined ? undefined : this.passages[ordinal];
  }

  /** The passages holding a shingle, in order; null when it is common ("i think that"). */
  sharing(shingle: number): readonly number[] | null {
    return this.byShingle.lookup(shingle);
  }
}
