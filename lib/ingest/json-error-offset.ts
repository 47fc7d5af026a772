import { type ParseError, parse } from 'jsonc-parser';

/**
 * Where a JSON text first goes wrong (a character offset), or -1 when it is valid: JSON.parse's
 * message names no position for many errors on this Node version. jsonc-parser (VS Code's) is
 * held to strict JSON here: no comments, no trailing commas.
 */
export function jsonErrorOffset(text: string): number {
  const errors: ParseError[] = [];
  parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  return errors.length ? errors[0].offset : -1;
}
