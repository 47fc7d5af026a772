import type { AlignStep } from './align-quote';
import type { Normalized } from './normalize';
import { BRACKETED_CASE, EMPHASIS, LINK, type QuoteToken } from './quote-tokens';
import type { QuoteEdit, QuoteEditKind, Span } from './types';

/** A text, its normalised form and its tokens; the offsets back to the text only when asked for. */
export interface TokenizedText {
  text: string;
  normalized: string;
  tokens: QuoteToken[];
  offsets: () => Normalized;
}

/** Original span of token k. */
export function spanOf(t: TokenizedText, k: number): Span {
  const { starts, ends } = t.offsets();
  return { start: starts[t.tokens[k].from], end: ends[t.tokens[k].to - 1] };
}

/** Marks between a word and its end punctuation: closing quotation marks, emphasis, brackets. */
const CLOSERS = new Set(['"', "'", '”', '’', '»', '*', '_', ')', ']']);
const PUNCTUATION = new Set(['.', '!', '?', ',', ';', ':']);
const SENTENCE_END = new Set(['.', '!', '?']);

/** The punctuation mark right after offset `at` (past closing marks), with its offset, or none. */
function punctuationAfter(text: string, at: number): { mark: string; at: number } {
  let k = at;
  for (;;) {
    while (k < text.length && CLOSERS.has(text[k])) k++;
    // A link's target ("](https://…)") stands between its text and the punctuation after it.
    const close = text[k - 1] === ']' && text[k] === '(' ? text.indexOf(')', k) : -1;
    if (close === -1) break;
    k = close + 1;
  }
  return PUNCTUATION.has(text[k]) ? { mark: text[k], at: k } : { mark: '', at };
}

/**
 * The end punctuation edit of a quote ending at `quoteEnd` whose source ends at `sourceEnd`: a
 * sentence end dropped or changed ("deployed" or "deployed!" for "deployed."), or a "!" or "?"
 * put where the source has none. A quote cut short at a comma, or closed with a full stop where
 * the source sentence goes on, is only cut: no edit.
 */
export function punctuationEdit(
  quoteText: string,
  quoteEnd: number,
  sourceText: string,
  sourceEnd: number,
): QuoteEdit | null {
  const quoted = punctuationAfter(quoteText, quoteEnd);
  const original = punctuationAfter(sourceText, sourceEnd);
  if (quoted.mark === original.mark) return null;
  if (!SENTENCE_END.has(original.mark) && quoted.mark !== '!' && quoted.mark !== '?') return null;
  return {
    kind: 'punctuation',
    start: quoted.at,
    end: quoted.at + quoted.mark.length,
    sourceStart: original.at,
    sourceEnd: original.at + original.mark.length,
  };
}

const isLetter = (c: string | undefined) => c !== undefined && c.toLowerCase() !== c.toUpperCase();

/** The case edit of a quote starting at `quoteStart` on the source word starting at `sourceStart`, if its first letter's case differs. */
export function caseEdit(
  quoteText: string,
  quoteStart: number,
  sourceText: string,
  sourceStart: number,
): QuoteEdit | null {
  const a = quoteText[quoteStart];
  const b = sourceText[sourceStart];
  if (!isLetter(a) || a === b || a.toLowerCase() !== b?.toLowerCase()) return null;
  return { kind: 'case', start: quoteStart, end: quoteStart + 1, sourceStart, sourceEnd: sourceStart + 1 };
}

/** Widens a span over the Markdown around it: emphasis markers, a link's brackets and target. */
function withMarkup(text: string, span: Span): Span {
  let { start, end } = span;
  while (start > 0 && '*_['.includes(text[start - 1])) start--;
  while (end < text.length && '*_'.includes(text[end])) end++;
  if (text[end] === ']' && text[end + 1] === '(') {
    const close = text.indexOf(')', end + 2);
    if (close !== -1) end = close + 1;
  }
  while (end < text.length && '*_'.includes(text[end])) end++;
  return { start, end };
}

/**
 * Runs of aligned words whose Markdown differs: emphasis the quote adds ("emphasis"), or any other
 * difference — emphasis or a link the source has and the quote leaves out, a link added ("markup").
 */
function markupEdits(steps: AlignStep[], quote: TokenizedText, source: TokenizedText): QuoteEdit[] {
  const edits: QuoteEdit[] = [];
  let run: { kind: QuoteEditKind; from: AlignStep; to: AlignStep } | null = null;
  const close = () => {
    if (!run) return;
    const q = withMarkup(quote.text, { start: spanOf(quote, run.from.q).start, end: spanOf(quote, run.to.q).end });
    const s = withMarkup(source.text, { start: spanOf(source, run.from.s).start, end: spanOf(source, run.to.s).end });
    edits.push({ kind: run.kind, start: q.start, end: q.end, sourceStart: s.start, sourceEnd: s.end });
    run = null;
  };
  for (const step of steps) {
    const isWord = step.match === 'same' || step.match === 'spelling' || step.match === 'typo';
    if (!isWord || quote.tokens[step.q].type !== 'word') {
      if (step.match !== 'note') close();
      continue;
    }
    const mine = quote.tokens[step.q].flags & (EMPHASIS | LINK);
    const theirs = source.tokens[step.s].flags & (EMPHASIS | LINK);
    if (mine === theirs) {
      close();
      continue;
    }
    const kind: QuoteEditKind = mine & EMPHASIS && !(theirs & EMPHASIS) ? 'emphasis' : 'markup';
    if (run && run.kind === kind) run.to = step;
    else {
      close();
      run = { kind, from: step, to: step };
    }
  }
  close();
  return edits;
}

/** Where in the source an edit that stands for no source text goes: after the source token before s. */
function sourcePoint(source: TokenizedText, s: number): number {
  if (s > 0) return spanOf(source, s - 1).end;
  return source.tokens.length > 0 ? spanOf(source, 0).start : 0;
}

/** The edits an alignment undid, in the quote's order (offsets in the quoting and the source text). */
export function alignedEdits(steps: AlignStep[], quote: TokenizedText, source: TokenizedText): QuoteEdit[] {
  const edits: QuoteEdit[] = [];
  const sourceSpan = (step: AlignStep): Span =>
    step.sEnd > step.s
      ? { start: spanOf(source, step.s).start, end: spanOf(source, step.sEnd - 1).end }
      : { start: sourcePoint(source, step.s), end: sourcePoint(source, step.s) };
  for (const step of steps) {
    const token = quote.tokens[step.q];
    const at = spanOf(quote, step.q);
    const from = sourceSpan(step);
    const edit = (kind: QuoteEditKind, span = at, into = from) =>
      edits.push({ kind, start: span.start, end: span.end, sourceStart: into.start, sourceEnd: into.end });
    if (step.match === 'spelling' || step.match === 'typo') edit(step.match);
    else if (step.match === 'bracket') edit('substitution');
    else if (step.match === 'ellipsis') edit('elision');
    else if (step.match === 'note') edit(token.form as QuoteEditKind);
    if (token.flags & BRACKETED_CASE) {
      const close = quote.text.indexOf(']', at.start);
      edit('case', { start: at.start, end: close + 1 }, { start: from.start, end: from.start + close - at.start - 1 });
    }
  }
  const first = steps.find((step) => step.match !== 'note');
  if (
    first &&
    first.match !== 'bracket' &&
    first.match !== 'ellipsis' &&
    !(quote.tokens[first.q].flags & BRACKETED_CASE)
  ) {
    const edit = caseEdit(quote.text, spanOf(quote, first.q).start, source.text, spanOf(source, first.s).start);
    if (edit) edits.push(edit);
  }
  const last = steps.findLast((step) => step.match !== 'note');
  if (last && last === steps[steps.length - 1] && last.match !== 'ellipsis' && last.sEnd > last.s) {
    const edit = punctuationEdit(quote.text, spanOf(quote, last.q).end, source.text, spanOf(source, last.sEnd - 1).end);
    if (edit) edits.push(edit);
  }
  edits.push(...markupEdits(steps, quote, source));
  return edits.sort((a, b) => a.start - b.start || a.end - b.end);
}
