import type { Normalized } from './normalize';

/** Word n-grams shared between a piece and an earlier passage point to where it may be quoted from. */
const SHINGLE_WORDS = 3;

/** A shingle in more passages than this ("i think that") says nothing about where a quote is from. */
const COMMON_SHINGLE = 64;

export interface IndexedPassage {
  ordinal: number;
  line: number;
  text: string;
  normalized: Normalized;
  /** The passage was a whole input line by itself (not a part of a glued or quoted line). */
  wholeLine: boolean;
}

function shingles(words: string[]): string[] {
  if (words.length < SHINGLE_WORDS) return words.length ? [words.join(' ')] : [];
  const out: string[] = [];
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) out.push(words.slice(i, i + SHINGLE_WORDS).join(' '));
  return out;
}

/**
 * The passages seen so far, findable by their normalised text (exact repeats) and by word
 * shingles (candidates for partial quotes), so each piece costs time in its own length, not in
 * the size of the thread.
 */
export class PassageIndex {
  readonly passages: IndexedPassage[] = [];
  private readonly byText = new Map<string, number>();
  private readonly byShingle = new Map<string, number[]>();

  add(passage: IndexedPassage) {
    this.passages.push(passage);
    if (!this.byText.has(passage.normalized.text)) this.byText.set(passage.normalized.text, passage.ordinal);
    for (const shingle of new Set(shingles(passage.normalized.text.split(' ')))) {
      const list = this.byShingle.get(shingle);
      if (list) list.push(passage.ordinal);
      else this.byShingle.set(shingle, [passage.ordinal]);
    }
  }

  exact(normalizedText: string): IndexedPassage | undefined {
    const ordinal = this.byText.get(normalizedText);
    return ordinal === undefined ? undefined : this.passages[ordinal];
  }

  /** Earlier passages sharing the most shingles with the text, best first (at most `limit`). */
  candidates(normalizedText: string, limit = 6): IndexedPassage[] {
    const votes = new Map<number, number>();
    for (const shingle of shingles(normalizedText.split(' '))) {
      const list = this.byShingle.get(shingle);
      if (!list || list.length > COMMON_SHINGLE) continue;
      for (const ordinal of list) votes.set(ordinal, (votes.get(ordinal) ?? 0) + 1);
    }
    return [...votes]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, limit)
      .map(([ordinal]) => this.passages[ordinal]);
  }
}
