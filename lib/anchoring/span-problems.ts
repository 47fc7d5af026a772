import type { ClaimSelector } from '@/lib/claims/types';
import { codePointLength, sliceCodePoints } from './code-points';

/** Why a span or selector cannot be stored; the API answers 422 with these. */
export interface SpanProblem {
  field: 'start' | 'end' | 'exact' | 'prefix' | 'suffix';
  code: 'not-integer' | 'out-of-range' | 'empty' | 'blank' | 'mismatch';
  message: string;
}

/** What is wrong with the code point span [start, end) of `text`; empty when nothing is. */
export function spanProblems(text: string, start: number, end: number): SpanProblem[] {
  const problems: SpanProblem[] = [];
  for (const [field, value] of [
    ['start', start],
    ['end', end],
  ] as const) {
    if (!Number.isInteger(value))
      problems.push({ field, code: 'not-integer', message: `${field} must be a whole number of code points` });
  }
  if (problems.length) return problems;
  const length = codePointLength(text);
  if (start < 0 || start > length)
    problems.push({
      field: 'start',
      code: 'out-of-range',
      message: `start ${start} is outside the passage (0…${length})`,
    });
  if (end < 0 || end > length)
    problems.push({ field: 'end', code: 'out-of-range', message: `end ${end} is outside the passage (0…${length})` });
  if (problems.length) return problems;
  if (end <= start) return [{ field: 'end', code: 'empty', message: `the span ${start}…${end} is empty` }];
  if (sliceCodePoints(text, start, end).trim() === '') {
    return [{ field: 'exact', code: 'blank', message: 'the span holds only white space' }];
  }
  return problems;
}

/**
 * What is wrong with a selector a client sent for `text`: the span itself, then whether `exact` —
 * and the context, when sent — is really what stands at those offsets. A mismatch means the client
 * worked on another revision of the passage or counted UTF-16 units instead of code points. The
 * server stores context it describes itself (describeSpan); checking the client's only catches
 * a stale client.
 */
export function selectorProblems(
  text: string,
  selector: Pick<ClaimSelector, 'exact' | 'start' | 'end'> & Partial<Pick<ClaimSelector, 'prefix' | 'suffix'>>,
): SpanProblem[] {
  const problems = spanProblems(text, selector.start, selector.end);
  if (problems.length) return problems;
  if (sliceCodePoints(text, selector.start, selector.end) !== selector.exact) {
    return [
      {
        field: 'exact',
        code: 'mismatch',
        message: `exact does not match the passage text at ${selector.start}…${selector.end}`,
      },
    ];
  }
  if (selector.prefix && !sliceCodePoints(text, 0, selector.start).endsWith(selector.prefix)) {
    problems.push({ field: 'prefix', code: 'mismatch', message: 'prefix is not the text just before the span' });
  }
  if (selector.suffix && !sliceCodePoints(text, selector.end).startsWith(selector.suffix)) {
    problems.push({ field: 'suffix', code: 'mismatch', message: 'suffix is not the text just after the span' });
  }
  return problems;
}
