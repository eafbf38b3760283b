/**
 * One flow as text in each output format: json (the Flow as the worker returns it), mmd
 * (Mermaid), svg and md (Markdown), in the sequence view (default) or the map view (map SVG,
 * Mermaid `flowchart`, and for md the same numbered steps with the flowchart in the ```mermaid
 * fence; json is the flow either way). The worker draws the same text (diagrams/views.ts).
 * Used by `flow` (one format) and `render` (several).
 */
import { extname } from "node:path";
import { DEFAULT_VIEW, type Flow, FLOW_FORMATS, type FlowFormat, VIEW_NAMES, type ViewName } from "../core/index.ts";
import type { RenderOptions } from "../diagrams/index.ts";
import { VIEWS } from "../diagrams/views.ts";

export const FORMATS = FLOW_FORMATS;
export type Format = FlowFormat;

export { VIEW_NAMES };
export type { ViewName };

const BY_EXTENSION: Record<string, Format> = { ".json": "json", ".mmd": "mmd", ".mermaid": "mmd", ".svg": "svg", ".md": "md", ".markdown": "md" };

/** The format a file name asks for (`-o flow.svg`), if its extension is one we write. */
export function formatForFile(file: string | undefined): Format | undefined {
  return file ? BY_EXTENSION[extname(file).toLowerCase()] : undefined;
}

const withNewline = (s: string): string => (s.endsWith("\n") ? s : `${s}\n`);

export function view(flow: Flow, format: Format, options: RenderOptions, diagram: ViewName = DEFAULT_VIEW): string {
  if (format === "json") return `${JSON.stringify(flow, null, 2)}\n`;
  return withNewline(VIEWS[diagram][format](flow, options));
}
