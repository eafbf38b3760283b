/**
 * MapModel -> Mermaid `flowchart LR` text: one subgraph per site, servers as nodes, the client and
 * Active Directory outside, one edge per node pair, direction and style, labelled with its step
 * numbers. Labels are plain text in double quotes (mermaidFlowchartLabel: a few HTML entities,
 * lines joined with `<br>`), and `htmlLabels` is off so Mermaid draws SVG `<text>` that renders
 * outside browsers too. In: model + options. Out: text.
 */
import type { Flow } from "../../core/index.ts";
import { mermaidFlowchartLabel } from "../escape.ts";
import { type RenderOptions, resolveOptions } from "../options.ts";
import { type MapEdgeStyle, type MapModel, type MapNode, NOTE_ID } from "./model.ts";
import { toMapModel } from "./fit.ts";

const ARROWS: Record<MapEdgeStyle, string> = { solid: "-->", dashed: "-.->", lookup: "---", fail: "--x", differs: "==>" };

function node(n: MapNode): string {
  const text = mermaidFlowchartLabel(n.lines);
  if (n.kind === "ad") return `${n.alias}[(${text})]`;
  if (n.kind === "client") return `${n.alias}(${text})`;
  return `${n.alias}[${text}]`;
}

export function printMapMermaid(model: MapModel, options?: RenderOptions): string {
  // Validated even when unused (the background): every drawer refuses the same options (views.ts).
  const { themeName } = resolveOptions(options);
  const theme = options?.theme ? `"theme": "${themeName}", ` : "";
  const out = [`%%{init: {${theme}"htmlLabels": false}}%%`, "flowchart LR"];
  // The client first: Mermaid ranks left to right in the order it meets nodes.
  for (const n of model.nodes) if (n.kind === "client") out.push(`    ${node(n)}`);
  for (const s of model.sites) {
    out.push(`    subgraph ${s.alias} [${mermaidFlowchartLabel(s.lines)}]`);
    for (const i of s.nodes) {
      const n = model.nodes[i];
      if (n) out.push(`        ${node(n)}`);
    }
    out.push("    end");
  }
  for (const n of model.nodes) if (n.kind !== "client" && n.site === null) out.push(`    ${node(n)}`);
  if (model.notes.length > 0) out.push(`    ${NOTE_ID}[${mermaidFlowchartLabel(model.notes)}]`);
  for (const e of model.edges) {
    const from = model.nodes[e.from]?.alias ?? "";
    const to = model.nodes[e.to]?.alias ?? "";
    const label = e.label ? `|${mermaidFlowchartLabel([e.label])}|` : "";
    out.push(`    ${from} ${ARROWS[e.style]}${label} ${to}`);
  }
  return `${out.join("\n")}\n`;
}

/**
 * The flow as a Mermaid map (a `flowchart`), e.g. for a ```mermaid fence or mermaid-cli.
 * @example renderMapMermaid(route(topology, scenario)) // "%%{init: ...}%%\nflowchart LR\n..."
 */
export function renderMapMermaid(flow: Flow, options?: RenderOptions): string {
  return printMapMermaid(toMapModel(flow, options), options);
}
