/**
 * RFC 4180 CSV: fields with a comma, quote or line break are quoted. A field that a spreadsheet
 * would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) is prefixed with `'` (OWASP CSV
 * injection), so a business name typed by a provider can never become a formula on an admin's
 * machine; numbers are written as numbers.
 */
const field = (value: string | number): string => {
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

export const toCsv = (header: string[], rows: (string | number)[][]): string =>
  [header, ...rows].map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
