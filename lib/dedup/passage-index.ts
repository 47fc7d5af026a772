import type { Normalized } from './normalize';
import { shingleKeys } from './shingles';

/** A shingle in more passages than this ("i think that") says nothing about where a quote is from. */
const COMMON_SHINGLE = 64;

export interface IndexedPassage {
  ordinal: number;
  line: number;
  text: string;
  normalized: Normalized;
}

/**
 * The passages seen so far, findable by their normalised text (exact repeats) and by word
 * shingles (candidates for partial quotes), so each piece costs time in its own length, not in
 * the size of the thread.
 */
export class PassageIndex {
  readonly passages: IndexedPassage[] = [];
  private readonly byText = new Map<string, number>();
  private readonly byVerbatim = new Map<string, number>();
  private readonly byShingle = new Map<number, number[]>();

  add(passage: IndexedPassage, keys: number[]) {
    this.passages.push(passage);
    if (!this.byText.has(passage.normalized.text)) this.byText.set(passage.normalized.text, passage.ordinal);
    if (!this.byVerbatim.has(passage.text)) this.byVerbatim.set(passage.text, passage.ordinal);
    for (const key of new Set(keys)) {
      const list = this.byShingle.get(key);
      if (!list) this.byShingle.set(key, [passage.ordinal]);
      else if (list.length <= COMMON_SHINGLE) list.push(passage.ordinal);
    }
  }

  /** The passage written exactly like this text, character for character. */
  verbatim(text: string): IndexedPassage | undefined {
    const ordinal = this.byVerbatim.get(text);
    return ordinal === undefined ? undefined : this.passages[ordinal];
  }

  exact(normalizedText: string): IndexedPassage | undefined {
    const ordinal = this.byText.get(normalizedText);
    return ordinal === undefined ? undefined : this.passages[ordinal];
  }

  /** Earlier passages sharing the most shingles with the given ones, best first (at most `limit`). */
  candidates(keys: number[], limit = 6): IndexedPassage[] {
    const votes = new Map<number, number>();
    for (const key of keys) {
      const list = this.byShingle.get(key);
      if (!list || list.length > COMMON_SHINGLE) continue;
      for (const ordinal of list) votes.set(ordinal, (votes.get(ordinal) ?? 0) + 1);
    }
    if (votes.size === 0) return [];
    return [...votes]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, limit)
      .map(([ordinal]) => this.passages[ordinal]);
  }

  /** Candidates for a text: shingles computed here. */
  candidatesFor(normalizedText: string, limit?: number): IndexedPassage[] {
    return this.candidates(shingleKeys(normalizedText), limit);
  }
}
