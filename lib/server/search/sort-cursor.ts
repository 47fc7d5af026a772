import { decodeCursor } from '@/lib/search/cursor';
import type { SearchSort } from '@/lib/search/search-params';
import { badRequest } from '../http/errors';

/** What a cursor's sort key must look like for each order (anything else was tampered with). */
const KEY_PATTERN: Record<SearchSort, RegExp> = {
  relevance: /^-?\d+(\.\d+)?(e[-+]?\d+)?$/,
  disagreement: /^-?\d+(\.\d+)?(e[-+]?\d+)?$/,
  tagged: /^\d{1,9}$/,
  newest: /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,3})?$/,
};

/** A keyset cursor's sort key (as written) and id, checked against the order it must belong to; 400 when it does not. */
export function readCursor(sort: SearchSort, cursor: string | undefined): { key: string; id: string } | null {
  if (!cursor) return null;
  const decoded = decodeCursor(cursor);
  if (!decoded || decoded.sort !== sort || !KEY_PATTERN[sort].test(decoded.key)) {
    throw badRequest('cursor is malformed or belongs to another sort; start again without it.', 'cursor');
  }
  return { key: decoded.key, id: decoded.id };
}

/** A sort key as a number: ranks, disagreement and tagger counts as they are, times as milliseconds since 1970 (UTC). */
export function keyNumber(sort: SearchSort, key: string): number {
  return sort === 'newest' ? Date.parse(`${key.replace(' ', 'T')}Z`) : Number(key);
}

/** The cursor key of a time (timestamp(3), UTC): `2026-11-23 09:30:00.123`. */
export function timeKey(date: Date): string {
  return date.toISOString().replace('T', ' ').replace('Z', '');
}
