/**
 * One flow as text in each output format: json (the Flow as the worker returns it), mmd
 * (Mermaid), svg, png (the SVG rasterized) and md (Markdown), in the sequence view (default) or the map view (map SVG,
 * Mermaid `flowchart`, and for md the same numbered steps with the flowchart in the ```mermaid
 * fence; json is the flow either way). The worker draws the same text (diagrams/views.ts).
 * Used by `flow` (one format) and `render` (several).
 */
import { extname } from "node:path";
import { DEFAULT_VIEW, type Flow, FLOW_FORMATS, type FlowFormat, VIEW_NAMES, type ViewName } from "../core/index.ts";
import { type RenderOptions, render } from "../diagrams/index.ts";
import { usage } from "./errors.ts";
import { pngAssets } from "./png.ts";

export const FORMATS = FLOW_FORMATS;
export type Format = FlowFormat;
/** Everything but PNG, which is bytes and comes from `output`. */
export type TextFormat = Exclude<Format, "png">;

export { VIEW_NAMES };
export type { ViewName };

const BY_EXTENSION: Record<string, Format> = {
  ".json": "json",
  ".mmd": "mmd",
  ".mermaid": "mmd",
  ".svg": "svg",
  ".png": "png",
  ".md": "md",
  ".markdown": "md",
};

/** The format a file name asks for (`-o flow.svg`), if its extension is one we write. */
export function formatForFile(file: string | undefined): Format | undefined {
  return file ? BY_EXTENSION[extname(file).toLowerCase()] : undefined;
}

/**
 * The format to write: --format, else the -o file's extension, else md for stdout. An -o file
 * whose extension names no format we write is a usage error, rather than Markdown in `out.png`.
 */
export function chooseFormat<F extends string>(
  given: F | undefined,
  file: string | undefined,
  byExtension: (file: string) => F | undefined,
  fallback: F,
  known: readonly string[],
): F {
  if (given) return given;
  if (file === undefined || file === "-") return fallback;
  const found = byExtension(file);
  if (found) return found;
  const ext = extname(file);
  throw usage(
    [
      `-o ${file}:`,
      `${ext ? `cannot write ${JSON.stringify(ext)} files` : "no extension to tell the format by"};`,
      `name it ${known.map((k) => `.${k}`).join(", ")}, or give --format`,
    ].join(" "),
  );
}

const withNewline = (s: string): string => (s.endsWith("\n") ? s : `${s}\n`);

export function view(flow: Flow, format: TextFormat, options: RenderOptions, diagram: ViewName = DEFAULT_VIEW): string {
  return withNewline(render(flow, { ...options, format, view: diagram }));
}

/** Any format; PNG is the view's SVG rasterized (the renderer is loaded only then). */
export async function output(
  flow: Flow,
  format: Format,
  options: RenderOptions,
  diagram: ViewName = "sequence",
): Promise<string | Uint8Array> {
  if (format !== "png") return view(flow, format, options, diagram);
  return render(flow, { ...options, format, view: diagram }, pngAssets);
}
