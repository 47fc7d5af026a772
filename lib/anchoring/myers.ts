/** Where an approximate occurrence of a pattern ends, and with how many edits. */
export interface MatchEnd {
  /** Exclusive end offset in the text. */
  end: number;
  errors: number;
}

const WORD = 32;

/**
 * Every end offset in `text` where some substring is within `maxErrors` edits (Levenshtein) of
 * `pattern`: Myers' bit-parallel algorithm (J. ACM 46(3), 1999) in its block form, one 32-bit word
 * per 32 pattern characters. Time O(|text| · ⌈|pattern|/32⌉) whatever `maxErrors` is, which keeps a
 * 500-character quote over a 20 000-character passage to a few hundred thousand word operations.
 *
 * Per block, bit i of `positive`/`negative` says the DP column rises/falls by one between rows
 * i and i + 1; `score[b]` is the DP value at the block's last row. The top row is all zeros
 * (a match may start anywhere), so no horizontal change enters the first block.
 */
export function matchEnds(text: readonly number[], pattern: readonly number[], maxErrors: number): MatchEnd[] {
  const m = pattern.length;
  if (m === 0) return [];
  const blocks = Math.ceil(m / WORD);
  const equal = new Map<number, Int32Array>();
  pattern.forEach((char, i) => {
    const masks = equal.get(char) ?? new Int32Array(blocks);
    masks[Math.floor(i / WORD)] |= 1 << (i % WORD);
    equal.set(char, masks);
  });
  const noMatch = new Int32Array(blocks);
  const positive = new Int32Array(blocks).fill(-1);
  const negative = new Int32Array(blocks);
  const score = Int32Array.from({ length: blocks }, (_, b) => Math.min((b + 1) * WORD, m));
  const lastRow = Int32Array.from({ length: blocks }, (_, b) => 1 << (Math.min((b + 1) * WORD, m) - 1 - b * WORD));

  const ends: MatchEnd[] = [];
  for (let j = 0; j < text.length; j++) {
    const masks = equal.get(text[j]) ?? noMatch;
    let carry = 0;
    for (let b = 0; b < blocks; b++) {
      const pv = positive[b];
      const mv = negative[b];
      const carryNegative = carry < 0 ? 1 : 0;
      const eq = masks[b] | carryNegative;
      const xv = eq | mv;
      const xh = (((eq & pv) + pv) ^ pv) | eq;
      let ph = mv | ~(xh | pv);
      let mh = pv & xh;
      const out = ph & lastRow[b] ? 1 : mh & lastRow[b] ? -1 : 0;
      ph = (ph << 1) | (carry > 0 ? 1 : 0);
      mh = (mh << 1) | carryNegative;
      positive[b] = mh | ~(xv | ph);
      negative[b] = ph & xv;
      score[b] += out;
      carry = out;
    }
    if (score[blocks - 1] <= maxErrors) ends.push({ end: j + 1, errors: score[blocks - 1] });
  }
  return ends;
}
