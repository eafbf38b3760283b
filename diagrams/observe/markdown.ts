/**
 * ObservedReport -> Markdown: a summary, then one table per protocol with the paths that differ
 * from the design first, each row the observed hops next to the designed ones; then the services
 * exflow has no flow for and the lines that could not be read. Every string from a log goes
 * through `md` (escapeMarkdown plus parentheses), because log values are written by clients.
 */
import { type ObservedPath, type ObservedReport, PROTOCOLS, type Protocol } from "../../core/index.ts";
import { escapeMarkdown } from "../escape.ts";
import { cleanText } from "../text.ts";

const md = (s: string): string => escapeMarkdown(cleanText(s)).replace(/[()]/g, (ch) => `\\${ch}`);
const plural = (n: number, one: string): string => `${n} ${one}${n === 1 ? "" : "s"}`;
/** Skipped lines listed in the Markdown; the JSON lists more. */
const MAX_SKIPPED_SHOWN = 50;

const VERDICT: Record<ObservedPath["verdict"], string> = { differs: "**differs**", unknown: "unknown", matches: "matches" };

function observedHops(p: ObservedPath): string {
  const fe = p.hop === "frontEnd" ? `**${md(p.frontEnd)}**` : md(p.frontEnd);
  const target = p.target === null ? "(answered itself)" : p.hop === "target" ? `**${md(p.target)}**` : md(p.target);
  return `${fe} → ${target}`;
}

function designedHops(p: ObservedPath): string {
  const e = p.expected;
  if (!e) return "–";
  if (!e.frontEnd) return `no server (${md(e.outcome)})`;
  return `${md(e.frontEnd)} → ${e.target === e.frontEnd ? "(answers itself)" : md(e.target ?? "?")}`;
}

const statuses = (p: ObservedPath): string =>
  Object.entries(p.statuses)
    .map(([k, n]) => `${md(k)} ×${n}`)
    .join(", ");

function why(p: ObservedPath): string {
  const parts = [p.reason, p.versionMismatch ?? ""].filter(Boolean).map(md);
  return parts.join("; ");
}

export function renderObservedMarkdown(r: ObservedReport): string {
  const out: string[] = [];
  out.push(`# Observed flows${r.topology ? `: ${md(r.topology)}` : ""}`, "");
  out.push(
    [
      `${plural(r.requests, "request")} from ${plural(r.files.length, "file")}; ${plural(r.skippedTotal, "line")} skipped.`,
      `Requests by verdict: ${r.summary.differs} differ from the design, ${r.summary.unknown} unknown, ${r.summary.matches} match.`,
    ].join(" "),
    "",
  );
  // exflow's protocols in their usual order, then the services exflow does not route.
  const rank = (p: string) => ((PROTOCOLS as readonly string[]).includes(p) ? PROTOCOLS.indexOf(p as Protocol) : PROTOCOLS.length);
  const protocols = [...new Set(r.paths.map((p) => p.protocol))].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1));
  for (const protocol of protocols) {
    const rows = r.paths.filter((p) => p.protocol === protocol);
    out.push(`## ${md(protocol)}`, "");
    out.push("| Verdict | User | Client | Requests | HTTP status | Observed: front end → back end | Designed | Why |");
    out.push("| --- | --- | --- | ---: | --- | --- | --- | --- |");
    for (const p of rows)
      out.push(
        [
          "",
          VERDICT[p.verdict],
          md(p.user),
          `${p.client}${p.host ? ` \\(${md(p.host)}\\)` : ""}`,
          String(p.count),
          statuses(p),
          observedHops(p),
          designedHops(p),
          why(p),
          "",
        ]
          .join(" | ")
          .trim(),
      );
    out.push("");
  }
  if (r.unsupported.length) {
    out.push("## Services exflow does not route", "");
    for (const u of r.unsupported) out.push(`- ${md(u.protocol)}: ${plural(u.requests, "request")}`);
    out.push("");
  }
  if (r.skippedTotal) {
    out.push("## Skipped lines", "");
    for (const s of r.skipped.slice(0, MAX_SKIPPED_SHOWN)) out.push(`- ${md(s.file)}, line ${s.line}: ${md(s.reason)}`);
    if (r.skippedTotal > Math.min(r.skipped.length, MAX_SKIPPED_SHOWN))
      out.push(`- … and ${r.skippedTotal - Math.min(r.skipped.length, MAX_SKIPPED_SHOWN)} more`);
    out.push("");
  }
  return out.join("\n");
}
