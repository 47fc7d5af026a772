import { z } from 'zod';
import { notFound } from './errors';

const uuid = z.uuid();

/** A path id that is not even a UUID names nothing: 404, never a database error. */
export function idParam(value: string, what: string): string {
  if (!uuid.safeParse(value).success) throw notFound(`No ${what} ${value}.`);
  return value;
}
