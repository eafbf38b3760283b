/**
 * MapModel -> Mermaid `flowchart LR` text: one subgraph per site, servers as nodes, the client and
 * Active Directory outside, one edge per node pair, direction and style, labelled with its step
 * numbers. Labels are plain text in double quotes: every line passes escapeMermaid (entity codes
 * such as `#34;`), lines are joined with `<br>`, and `htmlLabels` is off so Mermaid draws SVG
 * `<text>` that renders outside browsers too. In: model + options. Out: text.
 */
import type { Flow } from "../../core/index.ts";
import { escapeMermaid } from "../escape.ts";
import { type RenderOptions, resolveOptions } from "../options.ts";
import { type MapEdgeStyle, type MapModel, type MapNode, NOTE_ID, toMapModel } from "./model.ts";

const ARROWS: Record<MapEdgeStyle, string> = { solid: "-->", dashed: "-.->", lookup: "---", fail: "--x" };

const quoted = (lines: string[]): string => `"${lines.map((l) => escapeMermaid(l)).join("<br>")}"`;

/**
 * Mermaid 11 (htmlLabels off) escapes subgraph titles once more than node labels, so an entity
 * code there shows literally ("&#58;"). Titles therefore keep as is what is harmless inside
 * quotes: `:`, `&` (Mermaid escapes it itself, and with `#` always encoded it cannot start an
 * entity) and characters beyond the BMP (emoji). The rest stays encoded: safe, if not pretty.
 */
const decodeSafe = (code: string, d: string): string => (d === "38" || Number(d) > 0xffff ? String.fromCodePoint(Number(d)) : code);
const title = (lines: string[]): string =>
  `"${lines.map((l) => escapeMermaid(l, "message").replace(/#(\d+);/g, decodeSafe)).join("<br>")}"`;

function node(n: MapNode): string {
  const text = quoted(n.lines);
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
    out.push(`    subgraph ${s.alias} [${title(s.lines)}]`);
    for (const i of s.nodes) {
      const n = model.nodes[i];
      if (n) out.push(`        ${node(n)}`);
    }
    out.push("    end");
  }
  for (const n of model.nodes) if (n.kind !== "client" && n.site === null) out.push(`    ${node(n)}`);
  if (model.notes.length > 0) out.push(`    ${NOTE_ID}[${quoted(model.notes)}]`);
  for (const e of model.edges) {
    const from = model.nodes[e.from]?.alias ?? "";
    const to = model.nodes[e.to]?.alias ?? "";
    const label = e.label ? `|${quoted([e.label])}|` : "";
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
