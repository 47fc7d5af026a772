import type { z } from 'zod';

export type PathSegment = string | number;

/** A JSONPath to a value: $.first.items[3].target.selector[0].exact, $["@context"]. */
export function jsonPath(segments: readonly PathSegment[]): string {
  return segments.reduce<string>((path, segment) => {
    if (typeof segment === 'number') return `${path}[${segment}]`;
    return /^[A-Za-z_$][\w$]*$/.test(segment) ? `${path}.${segment}` : `${path}[${JSON.stringify(segment)}]`;
  }, '$');
}

export interface Problem {
  path: string;
  message: string;
}

/** Zod's word for a missing property is "expected string, received undefined"; an importer wants "required". */
const requiredMessage = (issue: { input?: unknown }) => (issue.input === undefined ? 'required' : undefined);

/**
 * Validates `value` at `at` with `schema`: the parsed value, or null after adding one problem per
 * zod issue to `problems`, each with its JSON path.
 */
export function check<T>(
  schema: z.ZodType<T>,
  value: unknown,
  at: readonly PathSegment[],
  problems: Problem[],
): T | null {
  const result = schema.safeParse(value, { error: requiredMessage });
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    problems.push({ path: jsonPath([...at, ...(issue.path as PathSegment[])]), message: issue.message });
  }
  return null;
}
