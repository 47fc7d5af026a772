/**
 * SQL literals for the few statements sent as one simple-query message (several statements and
 * COMMIT in a single round trip), where node-postgres cannot bind parameters. Every value goes
 * through `literal`, which quotes as libpq's PQescapeLiteral does, and is cast to its column type
 * (`typedRow`), so a literal never relies on type inference.
 */

/** A value as an SQL literal: strings quoted and escaped, numbers checked finite, dates as UTC. */
export function literal(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`Cannot write ${value} as an SQL literal.`);
    return String(value);
  }
  if (value instanceof Date) return quote(value.toISOString());
  if (Array.isArray(value)) return value.length ? `ARRAY[${value.map(literal).join(', ')}]` : `'{}'`;
  if (typeof value === 'string') return quote(value);
  throw new TypeError(`Cannot write a ${typeof value} as an SQL literal.`);
}

function quote(text: string): string {
  if (text.includes('\u0000')) throw new TypeError('Text for Postgres cannot contain NUL characters.');
  const quoted = `'${text.replaceAll("'", "''")}'`;
  // With standard_conforming_strings (the default) backslashes are literal in '…'; E'…' is used
  // when there are any, so the string means the same whatever that setting is.
  return text.includes('\\') ? ` E${quoted.replaceAll('\\', '\\\\')}` : quoted;
}

/** One row of a VALUES list: each value as a literal cast to the type at its place (`'…'::uuid`). */
export function typedRow(values: readonly unknown[], types: readonly string[]): string {
  if (values.length !== types.length) throw new RangeError(`${values.length} values for ${types.length} columns.`);
  return `(${values.map((value, i) => `${literal(value)}::${types[i]}`).join(', ')})`;
}
