/**
 * flow x format x view -> bytes, written once for the worker and the CLI. Text formats come back
 * as a string at once; png is the view's SVG rasterized, so it needs the platform's wasm and font
 * (the caller's loader) and comes back as a promise. json is the Flow itself, pretty-printed.
 * Every drawer throws RangeError on options it cannot draw with.
 */
import { DEFAULT_VIEW, type Flow, type FlowFormat, type ViewName } from "../core/index.ts";
import type { RenderOptions } from "./options.ts";
import type { PngAssets } from "./png.ts";
import { type DrawnFormat, VIEWS } from "./views.ts";

export type TextFormat = Exclude<FlowFormat, "png">;
export type PngAssetsLoader = () => PngAssets | Promise<PngAssets>;

export interface RenderRequest<F extends FlowFormat = FlowFormat> extends RenderOptions {
  format: F;
  /** Default `sequence`. */
  view?: ViewName;
}

const drawn = (flow: Flow, format: DrawnFormat, request: RenderRequest): string => {
  const { format: _, view = DEFAULT_VIEW, ...options } = request;
  return VIEWS[view][format](flow, options);
};

/**
 * @example render(flow, { format: "svg", view: "map", theme: "dark" }) // "<svg ..."
 * @example await render(flow, { format: "png" }, () => ({ wasm, font })) // Uint8Array starting 0x89 "PNG"
 */
export function render(flow: Flow, request: RenderRequest<TextFormat>): string;
export function render(flow: Flow, request: RenderRequest<"png">, png: PngAssetsLoader): Promise<Uint8Array<ArrayBuffer>>;
export function render(flow: Flow, request: RenderRequest, png?: PngAssetsLoader): string | Promise<Uint8Array<ArrayBuffer>>;
export function render(flow: Flow, request: RenderRequest, png?: PngAssetsLoader): string | Promise<Uint8Array<ArrayBuffer>> {
  if (request.format === "json") return `${JSON.stringify(flow, null, 2)}\n`;
  if (request.format !== "png") return drawn(flow, request.format, request);
  const svg = drawn(flow, "svg", request);
  if (!png) throw new Error("render: png needs the rasterizer's assets (wasm and font)");
  return rasterize(svg, png, request);
}

/** SVG text -> PNG bytes; the rasterizer (diagrams/png.ts) is loaded only when a PNG is asked for. */
/** `options`: the request's drawing options (the rasterizer reads the ones it knows, such as `scale`). */
export async function rasterize(svg: string, png: PngAssetsLoader, options?: RenderOptions): Promise<Uint8Array<ArrayBuffer>> {
  const { svgToPng } = await import("./png.ts");
  return svgToPng(svg, png, options);
}
