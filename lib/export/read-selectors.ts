import type { QuoteSelector } from '@/lib/anchoring';
import { check, jsonPath, type PathSegment, type Problem } from './json-path';
import { asList, hasType, itemPath } from './json-values';
import { fragmentSelectorSchema, positionSelectorSchema, quoteSelectorSchema } from './w3c-schema';

export interface ReadSelectors {
  quote: QuoteSelector | null;
  fragment: string | null;
}

/**
 * The TextQuoteSelector (with a TextPositionSelector's offsets) and FragmentSelector of a target.
 * Other selectors — RangeSelector, XPathSelector, CssSelector — cannot anchor on this site's text
 * and are skipped; a target left without a quote is not refused, it is reported as an orphan.
 */
export function readSelectors(raw: unknown, at: PathSegment[], problems: Problem[]): ReadSelectors {
  let quote: QuoteSelector | null = null;
  let position: Pick<QuoteSelector, 'start' | 'end'> = {};
  let fragment: string | null = null;
  if (raw === undefined) return { quote, fragment };
  asList(raw).forEach((selector, i) => {
    const path = itemPath(at, raw, i);
    if (typeof selector !== 'object' || selector === null || Array.isArray(selector)) {
      problems.push({ path: jsonPath(path), message: 'expected a selector object' });
    } else if (hasType(selector, 'TextQuoteSelector')) {
      const found = check(quoteSelectorSchema, selector, path, problems);
      if (found && !quote) quote = { exact: found.exact, prefix: found.prefix ?? '', suffix: found.suffix ?? '' };
      else if (found)
        problems.push({ path: jsonPath(path), message: 'a second TextQuoteSelector; a claim has one quote' });
    } else if (hasType(selector, 'TextPositionSelector')) {
      const found = check(positionSelectorSchema, selector, path, problems);
      if (found && position.start === undefined) position = { start: found.start, end: found.end };
    } else if (hasType(selector, 'FragmentSelector')) {
      const found = check(fragmentSelectorSchema, selector, path, problems);
      if (found && fragment === null) fragment = found.value;
    }
  });
  return { quote: quote ? { ...(quote as QuoteSelector), ...position } : null, fragment };
}
