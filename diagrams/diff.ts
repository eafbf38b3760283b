/**
 * TopologyDiff -> Markdown for a migration status report: a one-line summary, then one table row
 * per changed flow (user, protocol, client, what changed, before and after as outcome plus the
 * servers in hop order), then the changed hops of path changes. User-derived text goes through
 * escapeMarkdown (no HTML, links or table cells), as in the audit's Markdown.
 */
import type { FlowState, TopologyDiff } from "../core/index.ts";
import { escapeMarkdown } from "./escape.ts";
import { cleanText } from "./text.ts";

const md = (s: string): string => escapeMarkdown(cleanText(s)).replace(/[()]/g, (ch) => `\\${ch}`);

/** "proxy: client → cas1 → mbx1" from the hops `from → to: kind url`. */
function brief(s: FlowState | null): string {
  if (!s) return "–";
  const stops: string[] = [];
  for (const h of s.hops) {
    const [from = "", rest = ""] = h.split(" → ");
    const to = rest.split(":")[0] ?? "";
    if (stops.length === 0) stops.push(from);
    if (stops[stops.length - 1] !== to) stops.push(to);
  }
  return `${md(s.outcome)}${stops.length ? `: ${stops.map(md).join(" → ")}` : ""}`;
}

export interface DiffLabels {
  /** e.g. "version 3" */
  from: string;
  to: string;
  /** What was compared, e.g. the topology id. */
  subject: string;
}

export function renderDiffMarkdown(d: TopologyDiff, labels: DiffLabels): string {
  const { summary: s } = d;
  const out = [
    `# Flow changes: ${md(labels.subject)}, ${md(labels.from)} → ${md(labels.to)}`,
    "",
    [
      `${s.changed} of ${s.flows} flows changed (outcome ${s.byChange.outcome}, path`,
      `${s.byChange.path}, added ${s.byChange.added}, removed ${s.byChange.removed}); profile`,
      `${md(d.profile)}.`,
    ].join(" "),
    "",
  ];
  if (d.changes.length === 0) return `${out.join("\n")}No flow changed outcome or path.\n`;
  out.push("| User | Protocol | Client | Change | Before | After |", "| --- | --- | --- | --- | --- | --- |");
  for (const c of d.changes)
    out.push(`| ${md(c.user)} | ${c.protocol} | ${c.client} | ${c.change} | ${brief(c.before)} | ${brief(c.after)} |`);
  const paths = d.changes.filter((c) => c.change === "path");
  if (paths.length) {
    out.push("", "## Changed hops", "");
    for (const c of paths) {
      const before = new Set(c.before?.hops ?? []);
      const after = new Set(c.after?.hops ?? []);
      out.push(`- ${md(c.user)} ${c.protocol} ${c.client}:`);
      for (const h of c.before?.hops ?? []) if (!after.has(h)) out.push(`  - before: ${md(h)}`);
      for (const h of c.after?.hops ?? []) if (!before.has(h)) out.push(`  - after: ${md(h)}`);
      if (c.before?.host !== c.after?.host) out.push(`  - host: ${md(c.before?.host ?? "none")} → ${md(c.after?.host ?? "none")}`);
    }
  }
  return `${out.join("\n")}\n`;
}
