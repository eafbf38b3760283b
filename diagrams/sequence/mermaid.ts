/**
 * DiagramModel -> Mermaid `sequenceDiagram` text. Numbers are written into the message text
 * ("2. Proxy ...") instead of `autonumber`, because Mermaid would also count the unnumbered
 * AD lookup. Sites are `box` groups; redirects and referrals use open-headed dashed arrows (`--)`),
 * lookups `-)`, and a failing hop a crossed arrow (`-x`). In: model + options. Out: text.
 */
import type { Flow } from "../../core/index.ts";
import { escapeMermaid } from "../escape.ts";
import { type DiagramMessage, type DiagramModel, toDiagramModel } from "./model.ts";
import { type RenderOptions, resolveOptions } from "../options.ts";

const ARROWS: Record<DiagramMessage["kind"], string> = {
  request: "->>",
  reply: "-->>",
  lookup: "-)",
  redirect: "--)",
  referral: "--)",
};

/** Lines are escaped one by one and joined with `<br>`, the only markup Mermaid ever gets from us. */
const text = (lines: string[], context: "label" | "message" = "label"): string => lines.map((l) => escapeMermaid(l, context)).join("<br>");

export function printMermaid(model: DiagramModel, options?: RenderOptions): string {
  const out: string[] = [];
  // Validated even when unused (the background): every drawer refuses the same options (views.ts).
  const { themeName } = resolveOptions(options);
  // A compact model (many participants) tells Mermaid its narrower spacing, so both pictures agree.
  const init: string[] = [];
  if (options?.theme) init.push(`"theme": "${themeName}"`);
  const { actorWidth, actorMargin } = model.spacing;
  if (actorWidth !== 150 || actorMargin !== 50) init.push(`"sequence": {"width": ${actorWidth}, "actorMargin": ${actorMargin}}`);
  if (init.length > 0) out.push(`%%{init: {${init.join(", ")}}}%%`);
  out.push("sequenceDiagram");
  const siteAt = new Map(model.sites.map((s) => [s.first, s]));
  let open: number | null = null;
  for (const [i, p] of model.participants.entries()) {
    const site = siteAt.get(i);
    if (site) {
      // `transparent` first: Mermaid reads the box's first word as a colour if it can.
      out.push(`    box transparent ${escapeMermaid(site.name)}`);
      open = site.last;
    }
    out.push(`${open === null ? "    " : "        "}participant ${p.alias} as ${text(p.lines)}`);
    if (open === i) {
      out.push("    end");
      open = null;
    }
  }
  const notesAfter = (i: number): void => {
    for (const note of model.notes.filter((n) => n.after === i)) {
      const [a, b] = note.over.map((k) => model.participants[k]?.alias ?? "");
      out.push(`    Note over ${a === b ? a : `${a},${b}`}: ${text(note.lines, "message")}`);
    }
  };
  notesAfter(-1);
  model.messages.forEach((m, i) => {
    const from = model.participants[m.from]?.alias ?? "";
    const to = model.participants[m.to]?.alias ?? "";
    const arrow = m.fails ? (m.kind === "request" || m.kind === "lookup" ? "-x" : "--x") : ARROWS[m.kind];
    out.push(`    ${from}${arrow}${to}: ${text(m.lines, "message")}`);
    notesAfter(i);
  });
  return `${out.join("\n")}\n`;
}

/** The flow as Mermaid text, e.g. for a ```mermaid fence or mermaid-cli. */
export function renderMermaid(flow: Flow, options?: RenderOptions): string {
  return printMermaid(toDiagramModel(flow, options), options);
}
