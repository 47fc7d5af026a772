import type { PathSegment } from './json-path';

/** A property that may hold one value or a list, as a list. */
export const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);

/** Where item i of a property that may be one value or a list sits. */
export const itemPath = (at: PathSegment[], raw: unknown, i: number): PathSegment[] =>
  Array.isArray(raw) ? [...at, i] : at;

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whether a JSON-LD node's `type` (one value or a list, as Hypothesis writes it) includes `name`. */
export function hasType(value: unknown, name: string): boolean {
  if (!isObject(value)) return false;
  const { type } = value;
  return Array.isArray(type) ? type.includes(name) : type === name;
}
