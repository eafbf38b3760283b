/**
 * The audit views (whole-organisation matrix, diagnostics, DNS/certificate plan): Markdown and
 * CSV of core's `Audit`, shared by the worker (`POST /v1/audit`, preset audits) and the CLI
 * (`exflow audit`). Pure functions of plain data; JSON is the Audit itself.
 */
export { failingRows, renderAuditMarkdown } from "./markdown.ts";
export { AUDIT_CSV_COLUMNS, csvCell, renderAuditCsv, toCsv } from "./csv.ts";
export type { CsvValue } from "./csv.ts";
