/**
 * RFC 4180 CSV: CRLF line ends, fields quoted when they hold `"`, `,`, CR or LF (quotes doubled).
 * Cells that a spreadsheet would run as a formula (starting with = + - @, or TAB / CR, per OWASP's
 * CSV-injection advice) get a leading `'`, so a topology name like `=HYPERLINK(...)` stays text.
 */

export type CsvValue = string | number | boolean | null | undefined;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  let s = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** @example toCsv(["a", "b"], [["=1+1", 'x"y']]) // 'a,b\r\n\'=1+1,"x""y"\r\n' */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return [header, ...rows].map((r) => `${r.map(csvCell).join(",")}\r\n`).join("");
}
