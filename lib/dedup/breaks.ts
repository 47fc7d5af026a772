/** Ends a sentence or introduces a quote ("You wrote:"), in normalised text; "..." ends in a stop too. */
const STOPS = new Set(['.', '!', '?', ':', ';']);
/** May stand between a break and a quote: list markers, brackets, emphasis, white space. */
const OPENING = new Set([' ', '(', '[', '-', '*', '>']);
/** May stand between a quote and a break. */
const CLOSING = new Set([' ', ')', ']', '-', '*', '%']);

/** A list marker ("(1)", "2)", "a.") just before, at the start of the text or of a sentence. */
const LIST_MARKER_BEFORE = /(?:^|[.!?:;] )\(?[\p{L}\p{N}]{1,3}[.)] ?$/u;

/** Does a stretch starting at q start a sentence or clause of the (normalised) text (a list item's too)? */
export function startsAtBreak(text: string, q: number): boolean {
  let k = q;
  while (k > 0 && OPENING.has(text[k - 1])) k--;
  return (
    k === 0 ||
    STOPS.has(text[k - 1]) ||
    (text[k - 1] === ')' && LIST_MARKER_BEFORE.test(text.slice(Math.max(0, k - 8), k)))
  );
}

/** Is there a dash with space on both sides at k ("quote” – reply"): a break in the sentence? */
const spacedDashAt = (text: string, k: number) => text[k] === '-' && text[k - 1] === ' ' && text[k + 1] === ' ';

/** Does a stretch ending at q end a sentence or clause of the (normalised) text? */
export function endsAtBreak(text: string, q: number): boolean {
  if (STOPS.has(text[q - 1])) return true;
  let k = q;
  while (k < text.length && CLOSING.has(text[k])) {
    if (spacedDashAt(text, k)) return true;
    k++;
  }
  return k === text.length || STOPS.has(text[k]);
}

/** Is there nothing but markers and white space before q (the stretch opens the text)? */
export function opensText(text: string, q: number): boolean {
  for (let k = 0; k < q; k++) if (!OPENING.has(text[k])) return false;
  return true;
}

/** Is q right after a stop, before white space (a place a sentence ends inside a stretch)? */
export const sentenceEndAt = (text: string, q: number) => STOPS.has(text[q - 1]) && text[q] === ' ';

/** Does a clause of the (normalised) text end at q: a stop or the text's end, past closing marks? */
export function clauseEndsAt(text: string, q: number): boolean {
  if (STOPS.has(text[q - 1])) return true;
  let k = q;
  while (k < text.length && CLOSING.has(text[k])) k++;
  return k === text.length || STOPS.has(text[k]);
}

/** Does the (normalised) text hold a word past q (a letter or digit: see isWordCode)? */
export function wordsAfter(text: string, q: number): boolean {
  for (let k = q; k < text.length; k++) {
    const code = text.charCodeAt(k);
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code >= 128) return true;
  }
  return false;
}
