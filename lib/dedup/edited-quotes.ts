import { type AlignStep, alignAround } from './align-quote';
import type { QuoteMatch } from './find-quotes';
import { endsAtBreak, startsAtBreak } from './breaks';
import { type FoundQuote, mergeQuotes } from './found-quote';
import { editSeeds } from './edit-seeds';
import type { Normalized } from './normalize';
import type { IndexedPassage } from './passage-index';
import type { QuotingText } from './quoting-text';
import { alignedEdits, spanOf, type TokenizedText } from './quote-edits';
import { type QuoteToken, quoteTokens } from './quote-tokens';
import { isSaying } from './sayings';
import { isSubstantial } from './substantial';
import type { Span } from './types';

/**
 * The acceptance rule of an edited quote (docs/formats/edited-quotes.md): at least this many
 * characters of source text, and at least this share of the letters and digits that stand for
 * source text in words that stand in the source as they are (not in brackets, not a typo or a
 * spelling apart).
 */
export const MIN_EDITED_SOURCE_CHARS = 40;
export const MIN_VERBATIM_SHARE = 0.7;

/** Tokenised passages kept (a reply quoting one passage several times needs it once). */
const TOKENIZED_KEPT = 32;

const isWordStep = (step: AlignStep) => step.match === 'same' || step.match === 'spelling' || step.match === 'typo';

/** Does a source clause end right after token k (a stop, or the passage's end, past closing marks)? */
function sourceEndsClause(source: TokenizedText, k: number): boolean {
  const text = source.normalized;
  let at = source.tokens[k].to;
  while (at < text.length && ' )]*_'.includes(text[at])) at++;
  return at === text.length || '.!?;:'.includes(text[at]);
}

/** Past the Markdown that closes at q: emphasis markers, a link's "](target)". */
function pastMarkup(text: string, q: number): number {
  for (;;) {
    while (text[q] === '*' || text[q] === '_') q++;
    if (text[q] !== ']' || text[q + 1] !== '(') return q;
    const close = text.indexOf(')', q + 2);
    if (close === -1) return q;
    q = close + 1;
  }
}

/** Back over the Markdown that opens at q: emphasis markers, a link's "[". */
function beforeMarkup(text: string, q: number): number {
  while (q > 0 && '*_['.includes(text[q - 1])) q--;
  return q;
}

/** Does the quoting text go on with words or brackets after quote token q? */
function goesOn(quote: TokenizedText, q: number): boolean {
  for (let k = q + 1; k < quote.tokens.length; k++) if (quote.tokens[k].type !== 'note') return true;
  return false;
}

/** The last source token the steps up to `last` stand for, or -1. */
function lastSourceToken(steps: AlignStep[], last: number): number {
  for (let k = last; k >= 0; k--) if (steps[k].sEnd > steps[k].s) return steps[k].sEnd - 1;
  return -1;
}

/** Characters of source text the quote's own words stand for: runs of aligned words, from the first's start to the last's end. */
function quotedSourceChars(steps: AlignStep[], source: TokenizedText): number {
  let chars = 0;
  for (let k = 0; k < steps.length; ) {
    if (!isWordStep(steps[k])) {
      k++;
      continue;
    }
    let last = k;
    while (last + 1 < steps.length && isWordStep(steps[last + 1])) last++;
    chars += spanOf(source, steps[last].s).end - spanOf(source, steps[k].s).start;
    k = last + 1;
  }
  return chars;
}

/** Source spans of the steps: one per stretch between elisions. */
function sourceSpans(steps: AlignStep[], source: TokenizedText): Span[] {
  const spans: Span[] = [];
  let open: Span | null = null;
  for (const step of steps) {
    if (step.match === 'ellipsis' && step.sEnd > step.s) open = null;
    else if (step.sEnd > step.s) {
      const start = spanOf(source, step.s).start;
      const end = spanOf(source, step.sEnd - 1).end;
      if (open) open.end = end;
      else {
        open = { start, end };
        spans.push(open);
      }
    }
  }
  return spans;
}

/**
 * Keeps an alignment only as far as it is a quote, and only if it passes the acceptance rule: it
 * starts where a sentence or clause of the quoting text starts and ends where one ends; where the
 * line goes on past it, the source's sentence or clause ends there too (else the line only opens
 * like the passage and then says something else); enough source text, mostly word for word, with
 * content words, not a well-known saying, and at least one edit (a verbatim quote is the verbatim
 * finder's).
 */
function accept(
  steps: AlignStep[],
  quote: TokenizedText,
  quoting: QuotingText,
  source: TokenizedText,
  passage: IndexedPassage,
) {
  const text = quote.normalized;
  const first = steps.findIndex(
    (step) => step.match !== 'note' && startsAtBreak(text, beforeMarkup(text, quote.tokens[step.q].from)),
  );
  if (first === -1) return null;
  for (let last = steps.length - 1; last >= first; last--) {
    const step = steps[last];
    if (!endsAtBreak(text, pastMarkup(text, quote.tokens[step.q].to))) continue;
    const sourceEnd = lastSourceToken(steps, last);
    if (sourceEnd === -1) return null;
    const marked = () => quoting.marked(quote.tokens[steps[first].q].from, quote.tokens[step.q].to);
    if (step.match !== 'ellipsis' && goesOn(quote, step.q) && !sourceEndsClause(source, sourceEnd) && !marked())
      continue;
    // A note right after the quote's end ("…asks for. (emphasis mine)") belongs to it.
    let end = last + 1;
    while (end < steps.length && steps[end].match === 'note') end++;
    return measure(steps.slice(first, end), quote, source, passage);
  }
  return null;
}

function measure(steps: AlignStep[], quote: TokenizedText, source: TokenizedText, passage: IndexedPassage) {
  let quoted = 0;
  let verbatim = 0;
  const words: string[] = [];
  for (const step of steps) {
    for (let s = step.s; s < step.sEnd && step.match !== 'ellipsis'; s++) words.push(source.tokens[s].form);
    const token = quote.tokens[step.q];
    // A bracket standing for source words replaces them; one standing for none only annotates.
    if (step.match === 'bracket' && step.sEnd > step.s) quoted += token.form.replaceAll(' ', '').length;
    if (!isWordStep(step)) continue;
    quoted += token.form.length;
    if (step.match === 'same') verbatim += token.form.length;
  }
  if (quoted === 0 || verbatim < MIN_VERBATIM_SHARE * quoted) return null;
  if (quotedSourceChars(steps, source) < MIN_EDITED_SOURCE_CHARS) return null;
  const spans = sourceSpans(steps, source);
  // What the quote says is the source text it stands for (brackets included).
  const said = words.join(' ');
  if (!isSubstantial(said) || isSaying(said)) return null;
  const edits = alignedEdits(steps, quote, source);
  if (edits.length === 0) return null;
  const start = spanOf(quote, steps[0].q).start;
  const end = spanOf(quote, steps[steps.length - 1].q).end;
  return { source: passage, start, end, spans, edits, whole: false } satisfies FoundQuote;
}

/** The token starting at normalised offset `from`, or -1. */
function tokenAt(tokens: QuoteToken[], from: number): number {
  let low = 0;
  let high = tokens.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (tokens[mid].from < from) low = mid + 1;
    else if (tokens[mid].from > from) high = mid - 1;
    else return tokens[mid].type === 'word' ? mid : -1;
  }
  return -1;
}

/**
 * Finds quotes that match an earlier passage only once the quoter's edits are undone. Its seeds
 * are the word-for-word stretches the verbatim finder found through the shingle index (a quote
 * this finder accepts is mostly word for word, so it holds one) that stop at a possible edit; each
 * is aligned with its source past the edits and kept if it passes the acceptance rule.
 */
export class EditedQuoteFinder {
  private readonly tokenized = new Map<number, TokenizedText>();

  constructor(private readonly offsetsOf: (passage: IndexedPassage) => Normalized) {}

  /**
   * @param normalized the segment's normalised text, `offsets` its offsets back to `text` (worked out when first asked for)
   * @param found the verbatim finder's word-for-word stretches
   */
  find(text: string, normalized: string, quoting: QuotingText, found: QuoteMatch[]): FoundQuote[] {
    const seeds = editSeeds(normalized, found);
    if (seeds.length === 0) return [];
    const quote: TokenizedText = {
      text,
      normalized,
      tokens: quoteTokens(normalized),
      offsets: () => quoting.offsets(),
    };
    const quotes: FoundQuote[] = [];
    for (const seed of seeds) {
      const source = this.tokens(seed.source);
      const q = tokenAt(quote.tokens, seed.parts[0].from);
      const s = tokenAt(source.tokens, seed.parts[0].at);
      if (q === -1 || s === -1) continue;
      const steps = alignAround(quote.tokens, source.tokens, source.normalized, q, s);
      const edited = accept(steps, quote, quoting, source, seed.source);
      if (edited) quotes.push(edited);
    }
    return mergeQuotes([], quotes);
  }

  private tokens(passage: IndexedPassage): TokenizedText {
    let tokenized = this.tokenized.get(passage.ordinal);
    if (!tokenized) {
      if (this.tokenized.size >= TOKENIZED_KEPT) this.tokenized.clear();
      const offsets = () => this.offsetsOf(passage);
      tokenized = {
        text: passage.text,
        normalized: passage.normalized,
        tokens: quoteTokens(passage.normalized),
        offsets,
      };
      this.tokenized.set(passage.ordinal, tokenized);
    }
    return tokenized;
  }
}
