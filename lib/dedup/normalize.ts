/**
 * Text for matching only (the reader always shows the original): accents and compatibility forms
 * folded (NFKD without combining marks), quotes dropped, dashes unified, footnote markers like
 * "[1]" dropped, white space collapsed, lower case. Each normalised character remembers the
 * original characters it came from, so a normalised span maps back to the exact original span.
 */
export interface Normalized {
  text: string;
  /** Offset in the original where normalised character i starts. */
  starts: number[];
  /** Offset in the original just after normalised character i. */
  ends: number[];
}

const QUOTES = /["'\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u2032\u2033\u00ab\u00bb\u2039\u203a`\u00b4]/;
const DASHES = /[\u2010-\u2015\u2212\u2e3a\u2e3b]/;
const FOOTNOTE = /^\[\d{1,3}\]/;

export function normalizeForMatch(original: string): Normalized {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let pendingSpace = -1;
  let i = 0;
  while (i < original.length) {
    if (original[i] === '[') {
      const footnote = FOOTNOTE.exec(original.slice(i, i + 5));
      if (footnote) {
        i += footnote[0].length;
        continue;
      }
    }
    const code = original.codePointAt(i) as number;
    const char = String.fromCodePoint(code);
    const at = i;
    i += char.length;
    if (/\s/u.test(char)) {
      if (text.length > 0 && pendingSpace === -1) pendingSpace = at;
      continue;
    }
    if (QUOTES.test(char)) continue;
    const folded = code < 128 ? char.toLowerCase() : DASHES.test(char) ? '-' : char.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
    if (!folded) continue;
    if (pendingSpace !== -1) {
      text += ' ';
      starts.push(pendingSpace);
      ends.push(pendingSpace + 1);
      pendingSpace = -1;
    }
    for (const piece of folded) {
      for (let k = 0; k < piece.length; k++) {
        starts.push(at);
        ends.push(i);
      }
      text += piece;
    }
  }
  return { text, starts, ends };
}

/** The original span [start, end) that normalised span [from, to) came from. */
export function originalSpan(normalized: Normalized, from: number, to: number): { start: number; end: number } {
  if (to <= from) {
    const at = normalized.starts[from] ?? normalized.ends.at(-1) ?? 0;
    return { start: at, end: at };
  }
  return { start: normalized.starts[from], end: normalized.ends[to - 1] };
}
