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

/**
 * Zod's words for a missing property ("expected string, received undefined") and for a list where
 * one value belongs are a programmer's; an importer wants "required" and "expected one value".
 */
function importMessage(issue: { code?: string; input?: unknown; expected?: string }): string | undefined {
  if (issue.input === undefined) return 'required';
  if (issue.code === 'invalid_type' && Array.isArray(issue.input) && issue.expected !== 'array')
    return `expected one ${issue.expected === 'object' ? 'object' : 'value'}, not a list`;
  if (issue.code === 'invalid_type') return `expected ${issue.expected}, not ${describe(issue.input)}`;
  return undefined;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `the ${typeof value} ${JSON.stringify(value)}`.slice(0, 60);
}

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
  const result = schema.safeParse(value, { error: importMessage });
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    problems.push({ path: jsonPath([...at, ...(issue.path as PathSegment[])]), message: issue.message });
  }
  return null;
}
