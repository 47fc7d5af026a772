/** A claim as the index reads it from Postgres: what a hit shows, what the filters read, who tags it. */
export interface ClaimRow {
  id: string;
  threadId: string;
  exact: string;
  notesText: string;
  passageId: string;
  ordinal: number;
  /** Milliseconds since 1970. */
  createdAt: number;
  tagCount: number;
  confMean: number | null;
  disagreement: number;
  cruxScore: number;
  consensusScore: number;
  cruxCount: number;
  storyCount: number;
  axisOuter: number;
  axisInner: number;
  axisBoth: number;
  axisOther: number;
  labels: string[];
  orphan: boolean;
  /** The group whose layer the claim is on; null: the public layer. */
  groupId: string | null;
  replyCount: number;
  /** The live tags as read: each an author's id (36 characters) and a confidence (3 digits); packed into `ClaimTable.tags`. */
  tags?: string | null;
}

/** The filters most searches use, as bits of one byte per claim. */
export const FLAG = { outer: 1, inner: 2, both: 4, other: 8, crux: 16, story: 32, tagged: 64 } as const;

/** A tag without a confidence, in a packed tag (confidences are 0–100). */
export const NO_CONFIDENCE = 127;

type Column = Int32Array | Float64Array | Uint8Array;
const COLUMNS = ['thread', 'flags', 'createdAt', 'tagCount', 'confMean', 'disagreement', 'layer'] as const;
type Columns = Record<(typeof COLUMNS)[number], Column>;

function grown(a: Column, length: number): Column {
  if (length <= a.length) return a;
  const bigger = new (a.constructor as new (n: number) => Column)(Math.max(length, a.length * 2));
  bigger.set(a);
  return bigger;
}

/** A claim's flags: its counts in the order of FLAG's bits, each bit set where its count is above 0. */
const flagsOf = (r: ClaimRow) =>
  [r.axisOuter, r.axisInner, r.axisBoth, r.axisOther, r.cruxCount, r.storyCount, r.tagCount].reduce(
    (flags, count, bit) => (count > 0 ? flags | (1 << bit) : flags),
    0,
  );

/**
 * Every claim the index has seen, one slot each, in typed columns that a search reads in one tight loop. A claim keeps
 * its slot for the life of the index; one nobody tags any more is held without its row and its `tagged` flag, so no
 * search finds it.
 */
export class ClaimTable {
  size = 0;
  ids: string[] = [];
  /** What a hit shows (null: not tagged now). */
  rows: (ClaimRow | null)[] = [];
  thread = new Int32Array(1024);
  flags = new Uint8Array(1024);
  createdAt = new Float64Array(1024);
  tagCount = new Float64Array(1024);
  confMean = new Float64Array(1024);
  disagreement = new Float64Array(1024);
  /** Each claim's layer: 0 public, else its group's number (see layerNumber). */
  layer = new Int32Array(1024);
  /** Each claim's live tags, packed: the tagger's number × 128 + the confidence (NO_CONFIDENCE: none). */
  tags: (Int32Array | null)[] = [];
  private readonly slots = new Map<string, number>();
  private readonly users = new Map<string, number>();
  private readonly layers = new Map<string, number>();

  /** A group's layer number, or -1 for a group none of whose claims is held (no claim matches it). */
  layerNumber(groupId: string | undefined): number {
    return groupId === undefined ? 0 : (this.layers.get(groupId) ?? -1);
  }

  private layerOf(groupId: string | null): number {
    if (groupId === null) return 0;
    let n = this.layers.get(groupId);
    if (n === undefined) {
      n = this.layers.size + 1;
      this.layers.set(groupId, n);
    }
    return n;
  }

  /** A tagger's number in packed tags, or -1 for someone who has tagged nothing here. */
  userNumber(userId: string): number {
    return this.users.get(userId) ?? -1;
  }

  /** Stores a claim as it is now; returns its slot. */
  put(row: ClaimRow, threadSlot: number): number {
    let at = this.slots.get(row.id);
    if (at === undefined) {
      at = this.size++;
      for (const column of COLUMNS) (this as Columns)[column] = grown(this[column], this.size);
      this.slots.set(row.id, at);
      this.ids[at] = row.id;
    }
    this.tags[at] = row.tags ? this.packed(row.tags) : null;
    row.tags = undefined;
    this.rows[at] = row.tagCount > 0 ? row : null;
    this.thread[at] = threadSlot;
    this.layer[at] = this.layerOf(row.groupId);
    this.flags[at] = flagsOf(row);
    this.createdAt[at] = Math.round(row.createdAt);
    this.tagCount[at] = row.tagCount;
    this.confMean[at] = row.confMean ?? Number.NaN;
    this.disagreement[at] = row.disagreement;
    return at;
  }

  /** Takes a claim out of every search (its thread is gone, or it is no longer there). */
  drop(slot: number) {
    this.rows[slot] = null;
    this.tags[slot] = null;
    this.flags[slot] = 0;
  }

  private packed(tags: string): Int32Array {
    const packed = new Int32Array(tags.length / 39);
    for (let k = 0; k < packed.length; k++) {
      const id = tags.slice(k * 39, k * 39 + 36);
      let n = this.users.get(id);
      if (n === undefined) {
        n = this.users.size;
        this.users.set(id, n);
      }
      const at = k * 39 + 36;
      const confidence =
        (tags.charCodeAt(at) - 48) * 100 + (tags.charCodeAt(at + 1) - 48) * 10 + tags.charCodeAt(at + 2) - 48;
      packed[k] = n * 128 + confidence;
    }
    return packed;
  }
}
