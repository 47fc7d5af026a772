import type { ClaimSelector } from '@/lib/claims/types';
import { codePointToUtf16 } from './code-points';
import { spanProblems } from './span-problems';

/**
 * Code points of context kept on each side of a claim. 32 is what Hypothesis stores: enough to tell
 * apart repeats of a short quote in one passage, short enough to survive nearby edits.
 */
export const CONTEXT_LENGTH = 32;

function lastCodePoints(text: string, count: number): string {
  const chars = Array.from(text);
  return chars.slice(Math.max(0, chars.length - count)).join('');
}

function firstCodePoints(text: string, count: number): string {
  return Array.from(text).slice(0, count).join('');
}

/** The selector of the code point span [start, end) of a passage; throws RangeError when the span is unusable. */
export function describeSpan(passageText: string, start: number, end: number): ClaimSelector {
  const [problem] = spanProblems(passageText, start, end);
  if (problem) throw new RangeError(problem.message);
  const from = codePointToUtf16(passageText, start);
  const to = codePointToUtf16(passageText, end);
  // A window of 2 × CONTEXT_LENGTH code units always holds CONTEXT_LENGTH whole code points next to
  // the span, so a surrogate pair cut at the window's far edge never reaches the context.
  return {
    exact: passageText.slice(from, to),
    prefix: lastCodePoints(passageText.slice(Math.max(0, from - 2 * CONTEXT_LENGTH), from), CONTEXT_LENGTH),
    suffix: firstCodePoints(passageText.slice(to, to + 2 * CONTEXT_LENGTH), CONTEXT_LENGTH),
    start,
    end,
  };
}
