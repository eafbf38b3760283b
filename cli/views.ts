/**
 * One flow as text in each output format: json (the Flow as the worker returns it), mmd
 * (Mermaid), svg and md (Markdown). Used by `flow` (one format) and `render` (several).
 */
import { extname } from "node:path";
import type { Flow } from "../core/types.ts";
import { renderMarkdown, renderMermaid, renderSvg, type RenderOptions } from "../diagrams/index.ts";

export const FORMATS = ["json", "mmd", "svg", "md"] as const;
export type Format = (typeof FORMATS)[number];

const BY_EXTENSION: Record<string, Format> = { ".json": "json", ".mmd": "mmd", ".mermaid": "mmd", ".svg": "svg", ".md": "md", ".markdown": "md" };

/** The format a file name asks for (`-o flow.svg`), if its extension is one we write. */
export function formatForFile(file: string | undefined): Format | undefined {
  return file ? BY_EXTENSION[extname(file).toLowerCase()] : undefined;
}

const withNewline = (s: string): string => (s.endsWith("\n") ? s : `${s}\n`);

export function view(flow: Flow, format: Format, options: RenderOptions): string {
  switch (format) {
    case "json":
      return `${JSON.stringify(flow, null, 2)}\n`;
    case "mmd":
      return withNewline(renderMermaid(flow, options));
    case "svg":
      return withNewline(renderSvg(flow, options));
    case "md":
      return withNewline(renderMarkdown(flow, options));
  }
}
