/**
 * Compiled flow -> response text in one format and view. JSON is `{ flow, links }`; the other
 * formats come from diagrams/: the sequence view (default) or the map view (`options.view: "map"`:
 * the map SVG and flowchart; Markdown is always the numbered narrative, with the view's Mermaid in
 * its fence, as `exflow flow --view map --format md` prints it).
 * PNG is the view's SVG rasterized by worker/png.ts, imported only for PNG requests.
 * In: the core's Compiled value (plain data), the format, the origin and the request document
 * (for the links). Out: text, or PNG bytes. Options were validated once, with the request (core/validate);
 * a drawer that still throws is a bug, answered as a 500 with the request id (errors.ts onError).
 */
import { type Compiled, DEFAULT_THEME, DEFAULT_VIEW, DRAW_OPTION_NAMES } from "../core/index.ts";
import { type RenderOptions, render } from "../diagrams/index.ts";
import type { FlowFormat } from "./app-env.ts";
import { mermaidLiveUrl } from "./encode.ts";
import { flowLinks, type FlowLinks } from "./links.ts";

/** The options every drawer takes (the core's option table, `use: "draw"`), as the request gave them. */
export function renderOptionsOf(compiled: Compiled): RenderOptions {
  const given: Record<string, unknown> = compiled.options ?? {};
  return Object.fromEntries(DRAW_OPTION_NAMES.filter((k) => given[k] !== undefined).map((k) => [k, given[k]]));
}

/** Dynamic: the rasterizer's wasm and font are instantiated only when a PNG is asked for. */
const pngAssets = async () => (await import("./png.ts")).pngAssets();

/** `links`: the GET URLs of this flow when they are not the encoded ones (a saved topology's). */
export async function renderFlow(
  compiled: Compiled,
  format: FlowFormat,
  origin: string,
  doc: unknown,
  links?: Omit<FlowLinks, "mermaidLive">,
): Promise<string | Uint8Array<ArrayBuffer>> {
  const options = renderOptionsOf(compiled);
  const view = compiled.options?.view ?? DEFAULT_VIEW;
  if (format === "png") return render(compiled.flow, { ...options, format, view }, pngAssets);
  if (format !== "json") return render(compiled.flow, { ...options, format, view });
  const mermaid = render(compiled.flow, { ...options, format: "mmd", view });
  const theme = options.theme ?? DEFAULT_THEME;
  const all = links ? { ...links, mermaidLive: await mermaidLiveUrl(mermaid, theme) } : await flowLinks(origin, doc, mermaid, theme);
  return `${JSON.stringify({ flow: compiled.flow, links: all }, null, 2)}\n`;
}
