const EMPTY: readonly number[] = [];

/**
 * Shingle hash → the passages holding it, as an open-addressing hash table over typed arrays: a
 * Map holding millions of numbers costs several times the memory and the time. A shingle in one
 * passage (most are) takes two array slots; a list is kept only for shingles in several.
 */
export class ShingleTable {
  private keys: Uint32Array;
  /** 0: empty slot; n > 0: the one passage n - 1; n < 0: the list at -n - 1. */
  private slots: Int32Array;
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
    this.keys = new Uint32Array(capacity);
    this.slots = new Int32Array(capacity);
  }

  add(shingle: number, ordinal: number) {
    const at = this.find(shingle);
    const slot = this.slots[at];
    if (slot === 0) {
      this.keys[at] = shingle;
      this.slots[at] = ordinal + 1;
      if (++this.size * 2 > this.keys.length) this.grow();
    } else if (slot > 0) {
      if (slot - 1 !== ordinal) {
        this.lists.push([slot - 1, ordinal]);
        this.slots[at] = -this.lists.length;
      }
    } else {
      const list = this.lists[-slot - 1];
      if (list.length <= this.common && list[list.length - 1] !== ordinal) list.push(ordinal);
    }
  }

  /** The passages holding the shingle, in order; null when it is common (in too many to list). */
  lookup(shingle: number): readonly number[] | null {
    const slot = this.slots[this.find(shingle)];
    if (slot === 0) return EMPTY;
    if (slot > 0) return [slot - 1];
    const list = this.lists[-slot - 1];
    return list.length > this.common ? null : list;
  }

  /** The slot holding the shingle, or the empty slot where it would go (linear probing). */
  private find(shingle: number): number {
    const mask = this.keys.length - 1;
    let at = (Math.imul(shingle, 0x9e3779b1) >>> 0) & mask;
    while (this.slots[at] !== 0 && this.keys[at] !== shingle) at = (at + 1) & mask;
    return at;
  }

  private grow() {
    const { keys, slots } = this;
    this.keys = new Uint32Array(keys.length * 2);
    this.slots = new Int32Array(keys.length * 2);
    for (let k = 0; k < keys.length; k++) {
      if (slots[k] === 0) continue;
      const at = this.find(keys[k]);
      this.keys[at] = keys[k];
      this.slots[at] = slots[k];
    }
  }
}
