import type { QuoteToken } from './quote-tokens';
import { matchWords, type WordMatch } from './word-match';

/**
 * One quote token aligned with the source: a word with the source word it stands for, a bracket
 * with the source words it replaces (none when it only adds), an ellipsis with the source words it
 * leaves out, a note with none. `s` to `sEnd` (exclusive) are source token indices.
 */
export interface AlignStep {
  q: number;
  s: number;
  sEnd: number;
  match: WordMatch | 'bracket' | 'ellipsis' | 'note';
}

/** Most source words one bracket stands for ("[the policy]" for "the model we end up with"). */
const MAX_BRACKET_WORDS = 8;
/** Words after a bracket or an ellipsis that must match to place it: fewer when the quote has no more. */
const CONFIRM_WORDS = 3;
/** At the edge of a quote, a bracket stands for one of these source words, else it only adds. */
const PRONOUNS = new Set(
  'it its they them their this that these those he him his she her we us our which who whom'.split(' '),
);

const inRange = (tokens: QuoteToken[], k: number) => k >= 0 && k < tokens.length;

/** Do the quote's next words (from q, up to the next bracket or ellipsis) match the source's from s, enough of them? */
function confirms(quote: QuoteToken[], q: number, source: QuoteToken[], s: number, dir: 1 | -1): boolean {
  let matched = 0;
  for (; inRange(quote, q) && matched < CONFIRM_WORDS; q += dir) {
    const token = quote[q];
    if (token.type === 'note') continue;
    if (token.type !== 'word') break;
    if (!inRange(source, s) || source[s].type !== 'word' || !matchWords(token.form, source[s].form)) return false;
    matched++;
    s += dir;
  }
  return matched > 0;
}

/** Is there a quote word left past q (before the quote's edge)? */
function wordsBeyond(quote: QuoteToken[], q: number, dir: 1 | -1): boolean {
  for (; inRange(quote, q); q += dir) if (quote[q].type === 'word' || quote[q].type === 'bracket') return true;
  return false;
}

/** Is there a stop or comma in the source text between tokens k and k + 1 (or is k its last token)? */
function clauseBreakAfter(source: QuoteToken[], text: string, k: number): boolean {
  if (k + 1 >= source.length) return true;
  return /[.!?;:,]/.test(text.slice(source[k].to, source[k + 1].from));
}

/**
 * How many source words a bracket at the edge of a quote stands for: a pronoun ("[the
 * mesa-optimiser]" for "it"), else the rest of the source clause when it is short ("[what happens
 * after deployment]" for "the future of the world"), else none (the bracket only adds).
 */
function edgeBracketWidth(source: QuoteToken[], text: string, s: number, dir: 1 | -1): number {
  if (!inRange(source, s) || source[s].type !== 'word') return 0;
  if (PRONOUNS.has(source[s].form)) return 1;
  for (let k = 0; k < MAX_BRACKET_WORDS && inRange(source, s + k * dir); k++) {
    const at = s + k * dir;
    if (source[at].type !== 'word') return 0;
    if (dir === 1 ? clauseBreakAfter(source, text, at) : at === 0 || clauseBreakAfter(source, text, at - 1))
      return k + 1;
  }
  return 0;
}

/** How many source words from s the bracket at q stands for, or -1 when no count lets the quote go on. */
function bracketWidth(quote: QuoteToken[], q: number, source: QuoteToken[], text: string, s: number, dir: 1 | -1) {
  if (!wordsBeyond(quote, q + dir, dir)) return edgeBracketWidth(source, text, s, dir);
  for (let k = 0; k <= MAX_BRACKET_WORDS; k++) {
    if (k > 0 && (!inRange(source, s + (k - 1) * dir) || source[s + (k - 1) * dir].type !== 'word')) break;
    if (confirms(quote, q + dir, source, s + k * dir, dir)) return k;
  }
  return -1;
}

/** How many source tokens from s the ellipsis at q leaves out (the fewest that let the quote go on), or -1. */
function elisionWidth(quote: QuoteToken[], q: number, source: QuoteToken[], s: number, dir: 1 | -1): number {
  if (!wordsBeyond(quote, q + dir, dir)) return 0;
  for (let k = 0; inRange(source, s + k * dir); k++) if (confirms(quote, q + dir, source, s + k * dir, dir)) return k;
  return -1;
}

/**
 * Walks the quote and the source side by side from quote token q and source token s, in one
 * direction, as far as the quote is the source undone of its edits: words equal or one typo or
 * spelling apart, brackets standing for a few source words, notes standing for none, ellipses for
 * any run of them. Any other difference ends the walk: a quote has gaps only where it marks them.
 */
function walk(quote: QuoteToken[], source: QuoteToken[], text: string, q: number, s: number, dir: 1 | -1) {
  const steps: AlignStep[] = [];
  const step = (width: number, match: AlignStep['match']) => {
    const end = s + width * dir;
    steps.push(dir === 1 ? { q, s, sEnd: end, match } : { q, s: end + 1, sEnd: s + 1, match });
    q += dir;
    s = end;
  };
  while (inRange(quote, q)) {
    const token = quote[q];
    const other = inRange(source, s) ? source[s] : null;
    if (token.type === 'note') {
      step(0, 'note');
      continue;
    }
    if (other && other.type === token.type && other.form === token.form) {
      step(1, 'same');
      continue;
    }
    if (token.type === 'word') {
      const match = other?.type === 'word' ? matchWords(token.form, other.form) : null;
      if (!match) break;
      step(1, match);
      continue;
    }
    const width =
      token.type === 'bracket' ? bracketWidth(quote, q, source, text, s, dir) : elisionWidth(quote, q, source, s, dir);
    if (width >= 0) {
      step(width, token.type);
      continue;
    }
    // The quote cannot go on past it, but may end with it: a bracket at its edge, or "…" saying the source goes on.
    step(token.type === 'bracket' ? edgeBracketWidth(source, text, s, dir) : 0, token.type);
    break;
  }
  return steps;
}

/**
 * The quote tokens around a seed (quote word q matching source word s) that align with the
 * source, as steps in the quote's order. `text` is the source's normalised text.
 */
export function alignAround(quote: QuoteToken[], source: QuoteToken[], text: string, q: number, s: number) {
  const before = walk(quote, source, text, q - 1, s - 1, -1).reverse();
  return [...before, ...walk(quote, source, text, q, s, 1)];
}
