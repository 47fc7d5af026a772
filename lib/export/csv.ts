/**
 * RFC 4180 CSV: fields separated by commas, records by CRLF; a field holding a comma, a double
 * quote, CR or LF is enclosed in double quotes, with quotes inside doubled.
 */

/**
 * A spreadsheet runs a cell starting with = + - @ (or a tab or CR before them) as a formula —
 * `=HYPERLINK(...)` in a claim would be live in Excel. A leading apostrophe makes it text (OWASP's
 * advice); the apostrophe shows, which is the price of opening untrusted text in a spreadsheet.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: string | number | boolean | null): string {
  let field = value === null ? '' : String(value);
  if (typeof value === 'string' && FORMULA_START.test(field)) field = `'${field}`;
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/** Rows to CSV text, each record ending in CRLF (header included). */
export function csvTable(rows: readonly (readonly (string | number | boolean | null)[])[]): string {
  return rows.map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}
