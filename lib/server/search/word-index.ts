import type { QueryItem, TextQuery } from '@/lib/search/query';
import { forEachWord, termOf } from '@/lib/search/words';
import { difference, intersect, union } from './slot-sets';
import type { ClaimRow } from './claim-table';
import { Vocabulary } from './spelling';

/** A claim's words: its text, and its tags' notes. */
type ClaimText = Pick<ClaimRow, 'exact' | 'notesText'>;

/** A word in a note counts for less than one in the claim itself (Postgres' ts_rank weights B against A). */
const NOTE_WEIGHT = 0.4;
/** BM25's usual constants (Robertson & Zaragoza, 2009): how soon repeats stop adding, how much length counts. */
const K1 = 1.2;
const B = 0.75;

const NO_SLOTS = new Int32Array(0);

/** In a claim's term sequence: a stop word's place, and the border between the claim text and its notes. */
const STOP = -1;
const NOTES = -2;

/** How much each term weighs in a claim (notes weighted), and the claim's length in fifths (an exact integer). */
function weighOf(sequence: Int32Array): { weights: Map<number, number>; fifths: number } {
  const weights = new Map<number, number>();
  let fifths = 0;
  let inNotes = false;
  for (const id of sequence) {
    if (id === NOTES) inNotes = true;
    if (id < 0) continue;
    weights.set(id, (weights.get(id) ?? 0) + (inNotes ? NOTE_WEIGHT : 1));
    fifths += inNotes ? 2 : 5;
  }
  return { weights, fifths };
}

const sameSequence = (a: Int32Array, b: Int32Array) => a.length === b.length && a.every((id, i) => b[i] === id);

/** One term's claims: ascending slots, and how much the term weighs in each (notes weighted). */
class Postings {
  slots: number[] = [];
  weights: number[] = [];

  /** Sets a claim's weight; 0 takes the claim out. */
  set(slot: number, weight: number) {
    const { slots, weights } = this;
    // Claims are loaded, and first tagged, in slot order: a new one usually goes last.
    let at = slots.length;
    for (let low = 0; at > low && slots[at - 1] >= slot; ) {
      const mid = (low + at) >>> 1;
      if (slots[mid] < slot) low = mid + 1;
      else at = mid;
    }
    if (slots[at] !== slot) {
      if (weight === 0) return;
      slots.splice(at, 0, slot);
      weights.splice(at, 0, weight);
    } else if (weight !== 0) {
      weights[at] = weight;
    } else {
      slots.splice(at, 1);
      weights.splice(at, 1);
    }
  }
}

/** Does a claim's term sequence hold the phrase's terms at their offsets, within its text or within its notes? */
function hasPhrase(sequence: Int32Array, ids: number[], offsets: number[]): boolean {
  const notesAt = sequence.indexOf(NOTES);
  const span = offsets[offsets.length - 1];
  for (let i = sequence.indexOf(ids[0]); i >= 0; i = sequence.indexOf(ids[0], i + 1)) {
    if (notesAt > i && notesAt <= i + span) continue;
    if (ids.every((id, k) => sequence[i + offsets[k]] === id)) return true;
  }
  return false;
}

/**
 * The words of every tagged claim: for each term, the claims that hold it (postings), and what BM25 needs to rank them
 * — the weight of the term in each claim, each claim's length, their mean.
 */
export class WordIndex {
  readonly vocabulary = new Vocabulary();
  /** Each term's number, and its claims by number. */
  private readonly termIds = new Map<string, number>();
  private readonly postings: Postings[] = [];
  /** Each claim's terms in order, by number (STOP for a stop word): its text, NOTES, its notes. */
  private sequences: (Int32Array | undefined)[] = [];
  private readonly lengths: number[] = [];
  /** Claims held (every tagged claim). */
  claimCount = 0;
  /** The lengths of all claims, in fifths: an integer, so every instance holding the same claims ranks alike. */
  private totalFifths = 0;

  /** A claim's words as they are now (null: no longer searched). */
  update(slot: number, claim: ClaimText | null) {
    const old = this.sequences[slot];
    const now = claim ? this.sequenceOf(claim) : undefined;
    if (old && now && sameSequence(old, now)) return;
    const [before, after] = [weighOf(old ?? NO_SLOTS), weighOf(now ?? NO_SLOTS)];
    for (const id of before.weights.keys()) if (!after.weights.has(id)) this.postings[id].set(slot, 0);
    for (const [id, weight] of after.weights)
      if (before.weights.get(id) !== weight) this.postings[id].set(slot, weight);
    this.lengths[slot] = after.fifths / 5;
    this.sequences[slot] = now;
    this.claimCount += (now ? 1 : 0) - (old ? 1 : 0);
    this.totalFifths += after.fifths - before.fifths;
  }

  /** The claims that match, ascending. */
  match(query: TextQuery): Int32Array {
    let matched: Int32Array = NO_SLOTS;
    for (const alternative of query) {
      const lists = alternative.must.map((item) => this.slotsOf(item)).sort((a, b) => a.length - b.length);
      // Exclusions alone (`-word`) start from every claim held.
      let slots = lists.length ? lists.reduce((a, b) => intersect(a, b)) : this.everyClaim();
      for (const item of alternative.mustNot) slots = difference(slots, this.slotsOf(item));
      matched = union(matched, slots);
    }
    return matched;
  }

  /**
   * BM25 of each matched claim (ascending slots) for these terms: for each term its inverse document frequency ln(1 +
   * (N − n + ½)/(n + ½)) times tf·(k1 + 1)/(tf + k1·(1 − b + b·len/avglen)).
   */
  rank(matched: Int32Array, terms: Iterable<string>): Float64Array {
    const scores = new Float64Array(matched.length);
    const meanLength = this.totalFifths / 5 / Math.max(1, this.claimCount);
    for (const term of terms) {
      const postings = this.postings[this.termIds.get(term) ?? -1];
      if (!postings) continue;
      const { slots, weights } = postings;
      const { length } = slots;
      const idf = Math.log(1 + (this.claimCount - length + 0.5) / (length + 0.5));
      let at = 0;
      for (let k = 0; k < matched.length; k++) {
        const slot = matched[k];
        while (at < length && slots[at] < slot) at++;
        if (at === length) break;
        if (slots[at] !== slot) continue;
        const tf = weights[at];
        scores[k] += (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * this.lengths[slot]) / meanLength));
      }
    }
    return scores;
  }

  /** A claim's terms by number, its text then its notes; its words go to the vocabulary on the way. */
  private sequenceOf(claim: ClaimText): Int32Array {
    const ids: number[] = [];
    const add = (word: string) => {
      this.vocabulary.add(word);
      const term = termOf(word);
      if (term === null) return ids.push(STOP);
      let id = this.termIds.get(term);
      if (id === undefined) {
        id = this.postings.push(new Postings()) - 1;
        this.termIds.set(term, id);
      }
      ids.push(id);
    };
    forEachWord(claim.exact, add);
    ids.push(NOTES);
    forEachWord(claim.notesText, add);
    return Int32Array.from(ids);
  }

  private everyClaim(): Int32Array {
    return Int32Array.from(this.sequences.flatMap((sequence, slot) => (sequence ? [slot] : [])));
  }

  private slotsOf(item: QueryItem): Int32Array {
    const ids = item.terms.map((term) => this.termIds.get(term) ?? -1);
    if (ids.includes(-1)) return NO_SLOTS;
    const lists: Int32Array[] = ids.map((id) => Int32Array.from(this.postings[id].slots));
    const slots = lists.reduce((a, b) => intersect(a, b));
    if (ids.length === 1) return slots;
    return slots.filter((slot) => hasPhrase(this.sequences[slot] as Int32Array, ids, item.offsets));
  }
}
