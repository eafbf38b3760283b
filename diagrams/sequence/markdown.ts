/**
 * DiagramModel -> Markdown as the article writes a flow: a numbered list of the core's
 * plain-English steps (numbered with the flow's numbers; unnumbered steps as italic sub-bullets),
 * then the Mermaid text in a ```mermaid fence (GitHub, GitLab and Azure DevOps wikis draw it;
 * the sequence diagram, or the map view's flowchart via diagrams/map/markdown.ts),
 * then notes and diagnostics. Every user-derived string goes through escapeMarkdown, so the
 * document is inert. In: model + options. Out: text.
 */
import type { Flow } from "../../core/index.ts";
import { escapeMarkdown } from "../escape.ts";
import { printMermaid } from "./mermaid.ts";
import { type DiagramModel, toDiagramModel } from "./model.ts";
import type { RenderOptions } from "../options.ts";
import { cleanText } from "../text.ts";

const OUTCOMES: Record<Flow["outcome"], string> = {
  proxy: "proxied",
  redirect: "redirected",
  "silent-redirect": "silently redirected",
  "autodiscover-referral": "referred by Autodiscover",
  direct: "served directly",
  fail: "fails",
  "n/a": "not applicable (the organisation does not offer this; see the note)",
};

const md = (s: string): string => escapeMarkdown(cleanText(s));

/** `diagram`: the Mermaid text for the fence (default: the sequence diagram of `model`; the map view passes its flowchart). */
export function printMarkdown(model: DiagramModel, options?: RenderOptions, diagram?: string): string {
  const out: string[] = [`### ${md(model.title)}`, "", `Outcome: **${OUTCOMES[model.outcome] ?? md(String(model.outcome))}**.`, ""];
  // Sub-bullets must be indented to the content of the numbered item they hang under ("10. " is 4).
  let indent: string | null = null;
  for (const m of model.messages) {
    // An empty sentence would leave "**", which Markdown reads as bold markers.
    const sentence = md(m.text) || "(no description)";
    const tags = [m.rule ? `rule ${md(m.rule)}` : "", m.derived ? "derived" : "", m.fails ? "**fails here**" : ""].filter(Boolean);
    const suffix = tags.length ? ` (${tags.join(", ")})` : "";
    if (m.n === null) {
      // Unnumbered steps (the AD lookup) hang under the step before them, as in the article.
      out.push(`${indent ?? ""}- *${sentence}*${suffix}`);
    } else {
      out.push(`${m.n}. ${sentence}${suffix}`);
      indent = " ".repeat(`${m.n}. `.length);
    }
  }
  out.push("", "```mermaid", (diagram ?? printMermaid(model, options)).trimEnd(), "```");
  if (model.flowNotes.length > 0) {
    out.push("", "#### Notes", "");
    for (const n of model.flowNotes) out.push(`- ${n.kind}${n.rule ? ` (${md(n.rule)})` : ""}: ${md(n.text)}`);
  }
  if (model.diagnostics.length > 0) {
    out.push("", "#### Diagnostics", "");
    for (const d of model.diagnostics) {
      const breaks = d.breaks.length ? ` Breaks: ${md(d.breaks.join(", "))}.` : "";
      out.push(`- **${md(d.code)}** (${d.severity}): ${md(d.message)}${breaks}`);
    }
  }
  return `${out.join("\n")}\n`;
}

/** The flow as a Markdown section (steps, diagram, notes, diagnostics). */
export function renderMarkdown(flow: Flow, options?: RenderOptions): string {
  return printMarkdown(toDiagramModel(flow, options), options);
}
