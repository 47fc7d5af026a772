export {
  type AnchorMatch,
  type AnchorOptions,
  anchorQuote,
  DEFAULT_MIN_SCORE,
  type QuoteSelector,
} from './anchor-quote';
export { codePointLength, codePointToUtf16, sliceCodePoints, utf16ToCodePoint } from './code-points';
export { CONTEXT_LENGTH, describeSpan } from './describe-span';
export { type ReanchorOutcome, type RevisionPassage, reanchorClaims, type StoredClaim } from './reanchor';
export { selectorProblems, type SpanProblem, spanProblems } from './span-problems';
