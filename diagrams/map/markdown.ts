/**
 * The map view as Markdown: the same numbered narrative, notes and diagnostics as the sequence
 * view (diagrams/sequence/markdown.ts), with the map's Mermaid `flowchart` in the ```mermaid fence instead
 * of the sequence diagram. Same options and the same RangeError on bad ones.
 */
import type { Flow } from "../../core/index.ts";
import { printMarkdown } from "../sequence/markdown.ts";
import { toDiagramModel } from "../sequence/model.ts";
import type { RenderOptions } from "../options.ts";
import { renderMapMermaid } from "./mermaid.ts";

/** @example renderMapMarkdown(route(topology, scenario)) // "### ...\n\n1. ...\n\n```mermaid\n%%{init: ...}%%\nflowchart LR\n..." */
export function renderMapMarkdown(flow: Flow, options?: RenderOptions): string {
  return printMarkdown(toDiagramModel(flow, options), options, renderMapMermaid(flow, options));
}
