/*
 * Set operations on ascending lists of claim slots, stepping through both without a branch on which
 * is ahead, which the processor cannot predict (about 2.5× faster on long lists; decision 017).
 */

/** The slots of `a` that are in `b` (`inB`), or that are not; one sweep through both lists. */
function sweep(a: Int32Array, b: Int32Array, inB: boolean): Int32Array {
  const out = new Int32Array(a.length + 1);
  const al = a.length;
  const bl = b.length;
  let n = 0;
  let i = 0;
  let j = 0;
  while (i < al && j < bl) {
    const x = a[i];
    const y = b[j];
    out[n] = x;
    n += inB ? +(x === y) : +(x < y);
    i += +(x <= y);
    j += +(y <= x);
  }
  if (!inB) while (i < al) out[n++] = a[i++];
  return out.subarray(0, n);
}

export const intersect = (a: Int32Array, b: Int32Array) =>
  a.length <= b.length ? sweep(a, b, true) : sweep(b, a, true);
/** The slots of `a` not in `b`. */
export const difference = (a: Int32Array, b: Int32Array) => sweep(a, b, false);
/** Either list's slots (for `or`, which few searches use). */
export const union = (a: Int32Array, b: Int32Array): Int32Array =>
  a.length === 0 ? b : b.length === 0 ? a : Int32Array.from(new Set([...a, ...b])).sort();
