import { ELLIPSIS } from './normalize';
import { isWordCode } from './shingles';

/**
 * A text as the edited-quote alignment reads it: words, and the marks quoters edit with.
 * - word:     a run of letters and digits, in matching form (normalised: lower case, no accents)
 * - bracket:  an editorial insertion "[the mesa-optimiser]", `form` its words
 * - ellipsis: "…", "...", "[…]" or "[...]"
 * - note:     "[sic]", "(emphasis mine)", "[emphasis added]"…, `form` the edit it notes
 * Markdown emphasis markers, link targets, quotation marks and other punctuation are no tokens:
 * a word inside `*…*`, `**…**` or `_…_` carries EMPHASIS, one in a link's text LINK.
 */
export interface QuoteToken {
  type: 'word' | 'bracket' | 'ellipsis' | 'note';
  form: string;
  /** Normalised offsets [from, to) of the token. */
  from: number;
  to: number;
  flags: number;
}

export const EMPHASIS = 1;
export const LINK = 2;
/** "[T]he": a word whose first letters the quoter bracketed to change their case. */
export const BRACKETED_CASE = 4;

/**
 * Notes a quoter adds about an edit rather than to the text, in brackets or parentheses, written
 * as a phrase or a sentence ("[emphasis mine]", "(Emphasis is mine.)", "[italics added by me]").
 */
const NOTE =
  /^(?:sic!?|(?:my |our )?(?:emphasis|emphases|italics|bold|bolding|highlighting|underlining)(?: (?:is |are )?(?:mine|ours|added|original|in (?:the )?original|removed|omitted|supplied)(?: by me| by us)?)?)[.!]?$/;

/** The longest bracket taken for an editorial insertion; a longer one is text of its own. */
const MAX_BRACKET = 80;

function wordEnd(text: string, from: number): number {
  let to = from;
  while (to < text.length && isWordCode(text.charCodeAt(to))) to++;
  return to;
}

/** Words of a bracket's or link's inner text, space-separated. */
function wordsIn(inner: string): string {
  return inner
    .split(/[^a-z0-9\u0080-\uffff]+/)
    .filter(Boolean)
    .join(' ');
}

/** Unclosed markers kept waiting for their closer: more in one paragraph are stray asterisks, not emphasis. */
const MAX_OPEN_MARKERS = 16;

/**
 * How deep in emphasis each offset of the text is: pairs of markers ("*", "**", "_") counted +1
 * where the emphasised text starts and -1 where it ends, summed as the text is read.
 */
function emphasisDepths(text: string): Int8Array | null {
  let depths: Int8Array | null = null;
  const open: { at: number; run: string }[] = [];
  for (let i = 0; i < text.length; ) {
    const c = text[i];
    if (c !== '*' && c !== '_') {
      i++;
      continue;
    }
    let k = i;
    while (text[k] === c) k++;
    const run = text.slice(i, k);
    // "_" inside a word (snake_case) is no marker; a marker needs text on the side it opens or closes.
    const inWord = isWordCode(text.charCodeAt(i - 1)) && isWordCode(text.charCodeAt(k));
    const canClose = i > 0 && text[i - 1] !== ' ' && !(c === '_' && inWord);
    const canOpen = k < text.length && text[k] !== ' ' && !(c === '_' && inWord);
    const opener = canClose ? open.findLastIndex((o) => o.run === run) : -1;
    if (opener !== -1) {
      depths ??= new Int8Array(text.length + 1);
      depths[open[opener].at]++;
      depths[i]--;
      open.length = opener;
    } else if (canOpen && open.length < MAX_OPEN_MARKERS) open.push({ at: k, run });
    i = k;
  }
  if (depths) for (let i = 1; i < depths.length; i++) depths[i] += depths[i - 1];
  return depths;
}

/** The tokens of a normalised text. */
export function quoteTokens(text: string): QuoteToken[] {
  const tokens: QuoteToken[] = [];
  let linkEnd = -1;
  for (let i = 0; i < text.length; ) {
    const code = text.charCodeAt(i);
    if (isWordCode(code)) {
      const to = wordEnd(text, i);
      tokens.push({ type: 'word', form: text.slice(i, to), from: i, to, flags: i < linkEnd ? LINK : 0 });
      i = to;
      continue;
    }
    if (text.startsWith(ELLIPSIS, i) && (i === 0 || text[i - 1] === ' ')) {
      tokens.push({ type: 'ellipsis', form: ELLIPSIS, from: i, to: i + ELLIPSIS.length, flags: 0 });
      i += ELLIPSIS.length;
      continue;
    }
    if (text[i] === ']' && i < linkEnd) {
      // The end of a link's text: its target "(…)" is markup, not words.
      const close = text[i + 1] === '(' ? text.indexOf(')', i + 2) : -1;
      i = close === -1 ? i + 1 : close + 1;
      continue;
    }
    if (text[i] === '[' || text[i] === '(') {
      const closer = text[i] === '[' ? ']' : ')';
      const close = text.indexOf(closer, i + 1);
      const inner = close === -1 ? '' : text.slice(i + 1, close).trim();
      if (close !== -1 && close - i <= MAX_BRACKET && !inner.includes('[')) {
        if (NOTE.test(inner)) {
          const form = inner.startsWith('sic') ? 'sic' : 'emphasis-note';
          tokens.push({ type: 'note', form, from: i, to: close + 1, flags: 0 });
          i = close + 1;
          continue;
        }
        if (closer === ']' && text[close + 1] === '(' && text.indexOf(')', close + 2) !== -1) {
          linkEnd = close + 1;
          i++;
          continue;
        }
        if (closer === ']' && /^[a-z]{1,2}$/.test(inner) && isWordCode(text.charCodeAt(close + 1))) {
          const to = wordEnd(text, close + 1);
          const form = inner + text.slice(close + 1, to);
          tokens.push({ type: 'word', form, from: i, to, flags: BRACKETED_CASE });
          i = to;
          continue;
        }
        if (closer === ']' && wordsIn(inner)) {
          tokens.push({ type: 'bracket', form: wordsIn(inner), from: i, to: close + 1, flags: 0 });
          i = close + 1;
          continue;
        }
      }
    }
    i++;
  }
  const depths = emphasisDepths(text);
  if (depths) for (const token of tokens) if (token.type === 'word' && depths[token.from] > 0) token.flags |= EMPHASIS;
  return tokens;
}
