/**
 * SQL literals for the few statements sent as one simple-query message (several statements and
 * COMMIT in a single round trip), where node-postgres cannot bind parameters. Every value goes
 * through `literal`, which quotes as libpq's PQescapeLiteral does; the SQL itself casts each
 * placeholder to its column type (`$1::uuid`), so a literal never relies on type inference.
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

/** `sql` with each `$n` replaced by the literal of `values[n - 1]`. */
export function inlineSql(sql: string, values: readonly unknown[]): string {
  return sql.replace(/\$(\d+)/g, (_, n: string) => {
    const index = Number(n) - 1;
    if (index < 0 || index >= values.length) throw new RangeError(`No value for $${n}.`);
    return literal(values[index]);
  });
}
