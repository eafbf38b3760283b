/**
 * Audit -> Markdown and CSV. Markdown: the matrix (one row per user, one column per protocol,
 * each cell "internal / external" outcome), then the diagnostics, then the DNS and certificate
 * names. CSV: one line per user x protocol x location, for spreadsheets. User-derived text is
 * escaped (Markdown) or guarded against formula injection (CSV).
 */
import type { Audit, AuditOutcome, AuditRow } from "../core/audit.ts";
import { CLIENTS, PROTOCOLS } from "../core/index.ts";
import { escapeMarkdown } from "../diagrams/escape.ts";
import { cleanText } from "../diagrams/text.ts";
import { toCsv } from "./csv.ts";

/** Inline text; `(` is escaped too, so no `](` ever follows an escaped bracket (link-lookalike checkers stay quiet). */
const md = (s: string): string => escapeMarkdown(cleanText(s)).replace(/\(/g, "\\(");

const SHORT: Record<AuditOutcome, string> = {
  proxy: "proxy",
  redirect: "redirect",
  "silent-redirect": "silent redirect",
  "autodiscover-referral": "referral",
  direct: "direct",
  fail: "**FAIL**",
  "n/a": "–",
};

function cell(rows: AuditRow[]): string {
  return CLIENTS.map((client) => {
    const r = rows.find((x) => x.client === client);
    if (!r) return "–";
    return `${SHORT[r.outcome] ?? md(r.outcome)}${r.diagnostics.length ? ` (${r.diagnostics.map(md).join(", ")})` : ""}`;
  }).join(" / ");
}

export function auditMarkdown(a: Audit): string {
  const out: string[] = [`# Audit${a.topology ? `: ${md(a.topology)}` : ""}`, ""];
  const s = a.summary;
  out.push(
    `Profile **${md(a.profile)}**; ${s.users} users, ${s.flows} flows (${s.notApplicable} combinations not applicable). ` +
      `Diagnostics: ${s.diagnostics.error} errors, ${s.diagnostics.warning} warnings, ${s.diagnostics.info} info.`,
    "",
    "## Matrix",
    "",
    "Each cell: internal client / external client. `–` = not applicable; codes in brackets are diagnostics that affect that flow.",
    "",
    `| User | Mailbox | ${PROTOCOLS.join(" | ")} |`,
    `|---|---|${PROTOCOLS.map(() => "---").join("|")}|`,
  );
  const byUser = new Map<string, AuditRow[]>();
  for (const r of a.rows) byUser.set(r.user, [...(byUser.get(r.user) ?? []), r]);
  for (const [user, rows] of byUser) {
    const first = rows[0];
    const mailbox = first ? `${md(first.mailbox)}${first.version ? ` (${first.version}${first.site ? `, ${md(first.site)}` : ""})` : ""}` : "";
    out.push(`| ${md(user)} | ${mailbox} | ${PROTOCOLS.map((p) => cell(rows.filter((r) => r.protocol === p))).join(" | ")} |`);
  }
  out.push("", "## Diagnostics", "");
  if (a.diagnostics.length === 0) out.push("None.");
  for (const d of a.diagnostics) {
    const breaks = d.breaks.length ? ` Breaks: ${md(d.breaks.join(", "))}.` : "";
    out.push(`- **${md(d.code)}** (${md(d.severity)}): ${md(d.message)}${breaks}`);
  }
  out.push("", "## DNS and certificate names", "", "| Host | Kind | Lands on | Internal DNS | External DNS | Certificate | Gaps |", "|---|---|---|---|---|---|---|");
  for (const n of a.names.names) {
    const yn = (b: boolean): string => (b ? "yes" : "no");
    out.push(`| ${md(n.host)} | ${md(n.kind)} | ${md(n.servers.join(", "))} | ${yn(n.internalDns)} | ${yn(n.externalDns)} | ${md(n.certificate)} | ${md(n.gaps.join(", ")) || "–"} |`);
  }
  if (a.names.certificates.length) {
    out.push("", "### Certificates", "");
    for (const c of a.names.certificates) {
      const internal = c.internalNames.length ? `; internal CA is enough for ${md(c.internalNames.join(", "))}` : "";
      out.push(`- ${md(c.servers.join(", "))}: ${md(c.names.join(", ")) || "no public names"}${internal}`);
    }
  }
  if (a.names.missing.length) {
    out.push("", "### Missing names", "");
    for (const m of a.names.missing) out.push(`- ${md(m)}`);
  }
  return `${out.join("\n")}\n`;
}

const HEADER = ["user", "mailbox", "version", "site", "protocol", "client", "host", "outcome", "steps", "rules", "diagnostics", "note"] as const;

export function auditCsv(a: Audit): string {
  return toCsv(
    HEADER,
    a.rows.map((r) => [r.user, r.mailbox, r.version, r.site, r.protocol, r.client, r.host, r.outcome, r.steps, r.rules.join(" "), r.diagnostics.join(" "), r.note]),
  );
}
