import { wordsOf } from '@/lib/search/words';

/** A word this similar (pg_trgm's trigram similarity) can stand for a query word: "alignmnet" ~ "alignment" 0.5; unrelated words stay under 0.25. */
export const FUZZY_THRESHOLD = 0.4;

/** A word's trigrams as pg_trgm makes them: padded with two spaces before and one after, each once. */
export function trigrams(word: string): string[] {
  const padded = `  ${word} `;
  const found = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) found.add(padded.slice(i, i + 3));
  return [...found];
}

/**
 * Every word seen in claims and notes (lower-cased, 3 to 40 characters), indexed by trigram, for spelling correction.
 * Words only come in: one seen once stays a valid correction.
 */
export class Vocabulary {
  private readonly words: string[] = [];
  private readonly known = new Set<string>();
  private readonly byTrigram = new Map<string, number[]>();

  /** A lower-cased word seen in a claim or a note. */
  add(word: string) {
    if (word.length < 3 || word.length > 40 || this.known.has(word)) return;
    this.known.add(word);
    const id = this.words.push(word) - 1;
    for (const trigram of trigrams(word)) {
      const list = this.byTrigram.get(trigram);
      if (list) list.push(id);
      else this.byTrigram.set(trigram, [id]);
    }
  }

  /** The known word most similar to `word` (ties: the first alphabetically), or null when it is known or none is close. */
  closest(word: string): string | null {
    if (this.known.has(word)) return null;
    const own = trigrams(word);
    const shared = new Map<number, number>();
    for (const trigram of own)
      for (const id of this.byTrigram.get(trigram) ?? []) shared.set(id, (shared.get(id) ?? 0) + 1);
    let best: string | null = null;
    let bestSimilarity = FUZZY_THRESHOLD;
    for (const [id, common] of shared) {
      const candidate = this.words[id];
      const similarity = common / (own.length + trigrams(candidate).length - common);
      if (similarity > bestSimilarity || (similarity === bestSimilarity && (best === null || candidate < best))) {
        best = candidate;
        bestSimilarity = similarity;
      }
    }
    return best;
  }

  /** The query with each unknown word replaced by its closest known word, or null when none has a better spelling. */
  correct(q: string): string | null {
    let corrected = q;
    for (const word of [...new Set(wordsOf(q))].slice(0, 20)) {
      const better = this.closest(word);
      if (better === null) continue;
      corrected = corrected.replace(new RegExp(`(?<![\\p{L}\\p{N}])${word}(?![\\p{L}\\p{N}])`, 'giu'), better);
    }
    return corrected === q ? null : corrected;
  }
}
