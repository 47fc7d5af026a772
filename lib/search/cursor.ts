/**
 * Keyset cursors: the sort key and id of the last item of a page, opaque to clients (base64url
 * JSON). A cursor from another sort, or one that was tampered with, is refused.
 */
export interface Cursor {
  sort: string;
  /** The sort key of the last item, as a string so that float and timestamp values round-trip exactly. */
  key: string;
  id: string;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.key, cursor.id])).toString('base64url');
}

export function decodeCursor(value: string): Cursor | null {
  try {
    const parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (!Array.isArray(parsed) || parsed.length !== 3 || !parsed.every((v) => typeof v === 'string')) return null;
    const [sort, key, id] = parsed as string[];
    if (!/^[0-9a-f-]{36}$/.test(id) || key.length > 64) return null;
    return { sort, key, id };
  } catch {
    return null;
  }
}
