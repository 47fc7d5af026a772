/** Punctuation a writer adds or drops at the edges of a repeat ("…approach." for "…approach we have"). */
const isEdge = (code: number) => code === 32 || code === 46 || code === 44 || code === 59 || code === 58 || code === 45;

/** Normalised text without edge punctuation: two texts equal this way repeat each other exactly. */
export function trimEdges(normalized: string): string {
  let from = 0;
  let to = normalized.length;
  while (from < to && isEdge(normalized.charCodeAt(from))) from++;
  while (to > from && isEdge(normalized.charCodeAt(to - 1))) to--;
  return from === 0 && to === normalized.length ? normalized : normalized.slice(from, to);
}

/**
 * The key under which a text is found when it repeats an earlier one exactly. Text that normalises
 * to nothing ("[1]", "“”") keys on its trimmed original, so it still repeats only itself.
 */
export function repeatKey(original: string, normalized: string): string {
  const key = trimEdges(normalized);
  return key === '' ? `\u0000${original.trim()}` : key;
}
