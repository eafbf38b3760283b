/**
 * Audit -> CSV (RFC 4180): one line per user x protocol x client location, for spreadsheets.
 * CRLF line ends; fields quoted when they hold `"`, `,`, CR or LF (quotes doubled). Cells a
 * spreadsheet would run as a formula (starting with = + - @, TAB or CR, per OWASP's CSV-injection
 * advice) get a leading `'`, so a user named `=HYPERLINK(...)` stays text. Numbers are left alone.
 * The columns are a contract (AUDIT_CSV_COLUMNS): add at the end, never reorder.
 */
import type { Audit } from "../../core/index.ts";

export type CsvValue = string | number | boolean | null | undefined;

export const AUDIT_CSV_COLUMNS = [
  "user",
  "mailbox",
  "version",
  "site",
  "protocol",
  "client",
  "host",
  "outcome",
  "steps",
  "rules",
  "diagnostics",
  "note",
] as const;

/** @example csvCell("=1+1") // "'=1+1"; csvCell('a,"b"') // '"a,""b"""'; csvCell(-1) // "-1" */
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

export function renderAuditCsv(a: Audit): string {
  return toCsv(
    AUDIT_CSV_COLUMNS,
    a.rows.map((r) => [
      r.user,
      r.mailbox,
      r.version,
      r.site,
      r.protocol,
      r.client,
      r.host,
      r.outcome,
      r.steps,
      r.rules.join(" "),
      r.diagnostics.join(" "),
      r.note,
    ]),
  );
}
