/**
 * Word 3-gram shingles of a normalised text as 32-bit hashes (FNV-1a per word, mixed per triple),
 * computed without slicing the text. A collision only adds a candidate, which is then checked
 * against the text itself, so hashes never decide a match.
 */
export const SHINGLE_WORDS = 3;

export function wordHashes(text: string): number[] {
  const hashes: number[] = [];
  let hash = 0x811c9dc5;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 32) {
      if (inWord) hashes.push(hash >>> 0);
      hash = 0x811c9dc5;
      inWord = false;
      continue;
    }
    hash = Math.imul(hash ^ code, 0x01000193);
    inWord = true;
  }
  if (inWord) hashes.push(hash >>> 0);
  return hashes;
}

export function shingleKeys(text: string): number[] {
  const words = wordHashes(text);
  if (words.length < SHINGLE_WORDS) return words.length ? [words.reduce((a, b) => Math.imul(a, 0x9e3779b1) ^ b, 0) >>> 0] : [];
  const keys: number[] = new Array(words.length - SHINGLE_WORDS + 1);
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) {
    keys[i] = (Math.imul(words[i], 0x9e3779b1) ^ Math.imul(words[i + 1], 0x85ebca77) ^ words[i + 2]) >>> 0;
  }
  return keys;
}
