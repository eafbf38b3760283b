/**
 * The audit as text: `md` (summary, a protocol x location table per user, diagnostics, the
 * DNS/certificate plan), `csv` (one row per user x protocol x location, for spreadsheets) and
 * `json` (the Audit object as core returns it). Pure functions of the Audit; user-derived
 * text is escaped for each target (Markdown punctuation; CSV quoting and formula prefixes).
 */
import type { Audit, AuditOutcome, AuditRow } from "../core/audit.ts";
import { formatPath } from "../core/suggest.ts";
import { CLIENTS, PROTOCOLS } from "../core/types.ts";
import { escapeMarkdown } from "../diagrams/escape.ts";
import { cleanText } from "../diagrams/text.ts";

export const AUDIT_FORMATS = ["md", "json", "csv"] as const;
export type AuditFormat = (typeof AUDIT_FORMATS)[number];

export function formatAudit(a: Audit, format: AuditFormat): string {
  switch (format) {
    case "json":
      return `${JSON.stringify(a, null, 2)}\n`;
    case "csv":
      return auditCsv(a);
    case "md":
      return auditMarkdown(a);
  }
}

/** Rows whose flow fails (n/a rows are not flows). */
export const failingRows = (a: Audit): AuditRow[] => a.rows.filter((r) => r.outcome === "fail");

// ---- CSV ----------------------------------------------------------------------------------------

const CSV_COLUMNS = ["user", "mailbox", "version", "site", "protocol", "client", "host", "outcome", "steps", "rules", "diagnostics", "note"] as const;

/**
 * One CSV field (RFC 4180). A value starting with `=`, `+`, `-`, `@`, tab or CR gets a leading `'`
 * so a spreadsheet shows it instead of evaluating it as a formula (user names are user input).
 */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  let s = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function auditCsv(a: Audit): string {
  const lines = [CSV_COLUMNS.join(",")];
  for (const r of a.rows) {
    const cells = [r.user, r.mailbox, r.version, r.site, r.protocol, r.client, r.host, r.outcome, r.steps, r.rules.join(" "), r.diagnostics.join(" "), r.note];
    lines.push(cells.map(csvField).join(","));
  }
  return `${lines.join("\r\n")}\r\n`;
}

// ---- Markdown -----------------------------------------------------------------------------------

const plural = (n: number, one: string): string => `${n} ${one}${n === 1 ? "" : "s"}`;
const md = (s: string): string => escapeMarkdown(cleanText(s));
const code = (s: string): string => `\`${cleanText(s).replace(/`/g, "'")}\``;

const OUTCOME_ORDER: AuditOutcome[] = ["proxy", "redirect", "silent-redirect", "autodiscover-referral", "direct", "fail", "n/a"];

/** One matrix cell: outcome, step count, diagnostics; failures in bold. */
function cell(r: AuditRow | undefined): string {
  if (!r) return "";
  if (r.outcome === "n/a") return "n/a";
  const parts = [r.outcome === "fail" ? "**fail**" : r.outcome];
  if (r.steps > 0) parts.push(`(${r.steps} steps)`);
  if (r.diagnostics.length) parts.push(r.diagnostics.map(md).join(" "));
  return parts.join(" ");
}

export function auditMarkdown(a: Audit): string {
  const s = a.summary;
  const out: string[] = [];
  out.push(`# Audit${a.topology ? `: ${md(a.topology)}` : ""}`, "");
  out.push(`Profile **${md(a.profile)}**: ${plural(s.users, "user")}, ${plural(s.flows, "flow")} (${plural(s.notApplicable, "combination")} not applicable).`, "");
  const counts = OUTCOME_ORDER.filter((o) => o !== "n/a" && s.byOutcome[o] > 0).map((o) => `${o} ${s.byOutcome[o]}`);
  out.push(`Outcomes: ${counts.join(", ") || "none"}. Diagnostics: ${plural(s.diagnostics.error, "error")}, ${plural(s.diagnostics.warning, "warning")}, ${s.diagnostics.info} info.`, "");

  out.push("## Outcomes by protocol", "", `| Protocol | ${OUTCOME_ORDER.join(" | ")} |`, `| --- |${" ---: |".repeat(OUTCOME_ORDER.length)}`);
  for (const p of PROTOCOLS) out.push(`| ${p} | ${OUTCOME_ORDER.map((o) => String(s.byProtocol[p][o])).join(" | ")} |`);
  out.push("");

  const failing = failingRows(a);
  if (failing.length) {
    out.push("## Failing flows", "", "| User | Protocol | Client | Host | Diagnostics | Note |", "| --- | --- | --- | --- | --- | --- |");
    for (const r of failing) out.push(`| ${md(r.user)} | ${r.protocol} | ${r.client} | ${r.host ? md(r.host) : ""} | ${r.diagnostics.map(md).join(" ")} | ${r.note ? md(r.note) : ""} |`);
    out.push("");
  }

  out.push("## Matrix", "");
  const byUser = new Map<string, AuditRow[]>();
  for (const r of a.rows) byUser.set(r.user, [...(byUser.get(r.user) ?? []), r]);
  for (const [user, rows] of byUser) {
    const first = rows[0];
    const where = first ? [first.mailbox, first.version ? `Exchange ${first.version}` : "", first.site ?? ""].filter(Boolean).map(md).join(", ") : "";
    out.push(`### ${md(user)}${where ? ` (${where})` : ""}`, "", `| Protocol | ${CLIENTS.join(" | ")} |`, `| --- |${" --- |".repeat(CLIENTS.length)}`);
    for (const p of PROTOCOLS) out.push(`| ${p} | ${CLIENTS.map((c) => cell(rows.find((r) => r.protocol === p && r.client === c))).join(" | ")} |`);
    out.push("");
  }

  out.push("## Diagnostics", "");
  if (a.diagnostics.length === 0) out.push("None.", "");
  for (const d of a.diagnostics) {
    const breaks = d.breaks.length ? ` Breaks: ${d.breaks.map(md).join(", ")}.` : "";
    out.push(`- **${md(d.code)}** (${d.severity}) ${code(formatPath(d.path))}: ${md(d.message)}${breaks}`);
  }
  if (a.diagnostics.length) out.push("");

  out.push("## Names (DNS and certificates)", "", "| Host | Kind | Lands on | Internal DNS | External DNS | Certificate | Gaps |", "| --- | --- | --- | --- | --- | --- | --- |");
  for (const n of a.names.names) {
    const yes = (b: boolean): string => (b ? "yes" : "no");
    out.push(`| ${md(n.host)} | ${n.kind} | ${n.servers.map(md).join(", ")} | ${yes(n.internalDns)} | ${yes(n.externalDns)} | ${n.certificate} | ${n.gaps.join(", ")} |`);
  }
  out.push("");
  if (a.names.missing.length) {
    out.push("Missing names:", "", ...a.names.missing.map((m) => `- ${md(m)}`), "");
  }
  return `${out.join("\n").trimEnd()}\n`;
}
