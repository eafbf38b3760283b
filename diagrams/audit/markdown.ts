/**
 * Audit -> Markdown, in reading order: a summary, the matrix (one row per user, one column per
 * protocol, each cell "internal / external"), the failing flows with their diagnostics and notes,
 * the topology-wide diagnostics, an explanation of every code shown, then the DNS and certificate names. Every user-derived string
 * goes through `md`: escapeMarkdown (no HTML, emphasis, code, links or table cells) plus `(` and
 * `)`, so no `](` can ever follow a bracket. No fences: the document is plain tables and lists.
 */
import { type Audit, type AuditOutcome, type AuditRow, CLIENTS, explain, PROTOCOLS } from "../../core/index.ts";
import { formatPath } from "../../lib/suggest.ts";
import { escapeMarkdown } from "../escape.ts";
import { cleanText } from "../text.ts";

const md = (s: string): string => escapeMarkdown(cleanText(s)).replace(/[()]/g, (ch) => `\\${ch}`);
const plural = (n: number, one: string): string => `${n} ${one}${n === 1 ? "" : "s"}`;
const list = (items: readonly string[]): string => items.map(md).join(", ");

/** Rows whose flow fails (n/a rows are not flows). */
export const failingRows = (a: Audit): AuditRow[] => a.rows.filter((r) => r.outcome === "fail");

const ORDER: AuditOutcome[] = ["proxy", "redirect", "silent-redirect", "autodiscover-referral", "direct", "fail"];

const SHORT: Record<AuditOutcome, string> = {
  proxy: "proxy",
  redirect: "redirect",
  "silent-redirect": "silent redirect",
  "autodiscover-referral": "referral",
  direct: "direct",
  fail: "**FAIL**",
  "n/a": "–",
};

/** One matrix cell: "internal / external", each the outcome and the codes of its diagnostics. */
function cell(rows: readonly AuditRow[]): string {
  return CLIENTS.map((client) => {
    const r = rows.find((x) => x.client === client);
    if (!r) return "–";
    return `${SHORT[r.outcome] ?? md(r.outcome)}${r.diagnostics.length ? ` (${list(r.diagnostics)})` : ""}`;
  }).join(" / ");
}

function mailboxOf(r: AuditRow | undefined): string {
  if (!r) return "";
  const where = [r.version ? String(r.version) : "", r.site ?? ""].filter(Boolean).map(md).join(", ");
  return `${md(r.mailbox)}${where ? ` (${where})` : ""}`;
}

export function renderAuditMarkdown(a: Audit): string {
  const s = a.summary;
  const outcomes = ORDER.filter((o) => s.byOutcome[o] > 0).map((o) => `${o} ${s.byOutcome[o]}`);
  const out: string[] = [
    `# Audit${a.topology ? `: ${md(a.topology)}` : ""}`,
    "",
    [
      `Profile **${md(a.profile)}**: ${plural(s.users, "user")}, ${plural(s.flows, "flow")}`,
      `(${plural(s.notApplicable, "combination")} not applicable). `,
    ].join(" ") +
      [
        `Outcomes: ${outcomes.join(", ") || "none"}. Diagnostics:`,
        `${plural(s.diagnostics.error, "error")}, ${plural(s.diagnostics.warning, "warning")},`,
        `${s.diagnostics.info} info.`,
      ].join(" "),
    ...(a.scope
      ? [
          "",
          [
            `Scope: ${a.scope.users ? `users ${list(a.scope.users)}` : "every user"};`,
            `${a.scope.protocols ? `protocols ${list(a.scope.protocols)}` : "every protocol"}.`,
          ].join(" "),
        ]
      : []),
    "",
    "## Matrix",
    "",
    "Each cell: internal client / external client. `–` = not applicable; codes in brackets are diagnostics that affect that flow.",
    "",
    `| User | Mailbox | ${PROTOCOLS.join(" | ")} |`,
    `|---|---|${PROTOCOLS.map(() => "---").join("|")}|`,
  ];
  const byUser = new Map<string, AuditRow[]>();
  for (const r of a.rows) byUser.set(r.user, [...(byUser.get(r.user) ?? []), r]);
  for (const [user, rows] of byUser) {
    out.push(`| ${md(user)} | ${mailboxOf(rows[0])} | ${PROTOCOLS.map((p) => cell(rows.filter((r) => r.protocol === p))).join(" | ")} |`);
  }

  const failing = failingRows(a);
  if (failing.length) {
    out.push("", "## Failing flows", "", "| User | Protocol | Client | Host | Diagnostics | Note |", "|---|---|---|---|---|---|");
    for (const r of failing)
      out.push(
        [
          `| ${md(r.user)} | ${r.protocol} | ${r.client} | ${r.host ? md(r.host) : "–"} |`,
          `${list(r.diagnostics) || "–"} | ${r.note ? md(r.note) : ""} |`,
        ].join(" "),
      );
  }

  out.push("", "## Diagnostics", "");
  if (a.diagnostics.length === 0) out.push("None.");
  for (const d of a.diagnostics) {
    const breaks = d.breaks.length ? ` Breaks: ${list(d.breaks)}.` : "";
    out.push(`- **${md(d.code)}** (${md(d.severity)}) at ${md(formatPath(d.path))}: ${md(d.message)}${breaks}`);
  }

  // Every code this report shows, explained once from the catalogue (core/diagnose/codes.ts).
  const shown = [...new Set([...a.rows.flatMap((r) => r.diagnostics), ...a.diagnostics.map((d) => d.code)])].sort();
  if (shown.length) {
    out.push("", "## Codes", "", "| Code | Meaning | What it means for clients, and what to change |", "|---|---|---|");
    for (const code of shown) {
      const info = explain(code);
      out.push(`| ${md(code)} | ${md(info.title)} | ${md(info.explanation)} |`);
    }
  }

  out.push(
    "",
    "## DNS and certificate names",
    "",
    "| Host | Kind | Lands on | Internal DNS | External DNS | Certificate | Gaps |",
    "|---|---|---|---|---|---|---|",
  );
  const yn = (b: boolean): string => (b ? "yes" : "no");
  for (const n of a.names.names) {
    out.push(
      [
        `| ${md(n.host)} | ${md(n.kind)} | ${list(n.servers)} | ${yn(n.internalDns)} |`,
        `${yn(n.externalDns)} | ${md(n.certificate)} | ${list(n.gaps) || "–"} |`,
      ].join(" "),
    );
  }
  if (a.names.certificates.length) {
    out.push("", "### Certificates", "");
    for (const c of a.names.certificates) {
      const internal = c.internalNames.length ? `; internal CA is enough for ${list(c.internalNames)}` : "";
      out.push(`- ${list(c.servers)}: ${list(c.names) || "no public names"}${internal}`);
    }
  }
  if (a.names.missing.length) {
    out.push("", "### Missing names", "");
    for (const m of a.names.missing) out.push(`- ${md(m)}`);
  }
  return `${out.join("\n")}\n`;
}
