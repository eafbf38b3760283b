/**
 * The two views of a flow by name, for callers that pick one at run time (the worker's `view`
 * option, the CLI's `--view`): `sequence` (numbered messages over time, the default) and `map`
 * (the sites with their servers and numbered arrows). Each has svg, mmd and md; md is the
 * numbered narrative with the view's Mermaid in its fence. Every drawer throws RangeError on
 * options it cannot draw with.
 */
import { type Flow, type FlowFormat, VIEW_NAMES, type ViewName } from "../core/index.ts";
import { renderMapMarkdown, renderMapMermaid, renderMapSvg } from "./map/index.ts";
import { renderMarkdown } from "./sequence/markdown.ts";
import { renderMermaid } from "./sequence/mermaid.ts";
import type { RenderOptions } from "./options.ts";
import { renderSvg } from "./sequence/svg.ts";

export { VIEW_NAMES, type ViewName };

export type Draw = (flow: Flow, options?: RenderOptions) => string;
/** Every flow format but json (the Flow itself) and png (the SVG rasterized, diagrams/png.ts): a view draws each of them. */
export type DrawnFormat = Exclude<FlowFormat, "json" | "png">;

export const VIEWS: Readonly<Record<ViewName, Readonly<Record<DrawnFormat, Draw>>>> = {
  sequence: { svg: renderSvg, mmd: renderMermaid, md: renderMarkdown },
  map: { svg: renderMapSvg, mmd: renderMapMermaid, md: renderMapMarkdown },
};
