const EMPTY: readonly number[] = [];

/**
 * Shingle hash → the passages holding it, as an open-addressing hash table over a typed array: a
 * Map holding millions of numbers costs several times the memory and the time. A shingle in one
 * passage (most are) takes two array places; a list is kept only for shingles in several.
 */
export class ShingleTable {
  /**
   * Slot k is entries[2k] (the shingle) and entries[2k + 1]: 0 empty; n > 0 the one passage n - 1;
   * n < 0 the list at -n - 1. Key and value side by side: a lookup reads one place in memory.
   */
  private entries: Int32Array;
  private readonly lists: number[][] = [];
  private size = 0;

  /**
   * @param common a shingle in more passages than this is noted as common and no longer listed
   * @param expected about how many shingles will be added (the table grows past it as needed)
   */
  constructor(
    private readonly common: number,
    expected: number,
  ) {
    const capacity = 2 ** Math.ceil(Math.log2(Math.max(1024, expected * 2)));
    this.entries = new Int32Array(2 * capacity);
  }

  add(shingle: number, ordinal: number) {
    const at = this.find(shingle);
    const slot = this.entries[at + 1];
    if (slot === 0) {
      this.entries[at] = shingle;
      this.entries[at + 1] = ordinal + 1;
      if (++this.size * 4 > this.entries.length) this.grow();
    } else if (slot > 0) {
      if (slot - 1 !== ordinal) {
        this.lists.push([slot - 1, ordinal]);
        this.entries[at + 1] = -this.lists.length;
      }
    } else {
      const list = this.lists[-slot - 1];
      if (list.length <= this.common && list[list.length - 1] !== ordinal) list.push(ordinal);
    }
  }

  /** The passages holding the shingle, in order; null when it is common (in too many to list). */
  lookup(shingle: number): readonly number[] | null {
    const slot = this.entries[this.find(shingle) + 1];
    if (slot === 0) return EMPTY;
    if (slot > 0) return [slot - 1];
    const list = this.lists[-slot - 1];
    return list.length > this.common ? null : list;
  }

  /** Where the shingle's entry is, or the empty one where it would go (linear probing). */
  private find(shingle: number): number {
    const { entries } = this;
    const mask = (entries.length >> 1) - 1;
    let k = (Math.imul(shingle, 0x9e3779b1) >>> 0) & mask;
    while (entries[2 * k + 1] !== 0 && entries[2 * k] !== shingle) k = (k + 1) & mask;
    return 2 * k;
  }

  private grow() {
    const old = this.entries;
    this.entries = new Int32Array(old.length * 2);
    for (let at = 0; at < old.length; at += 2) {
      if (old[at + 1] === 0) continue;
      const to = this.find(old[at]);
      this.entries[to] = old[at];
      this.entries[to + 1] = old[at + 1];
    }
  }
}
