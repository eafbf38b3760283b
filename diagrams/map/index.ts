/**
 * The map view of a Flow: the article's figures, with the client outside, each AD site
 * a region holding its servers, and numbered arrows along the path. Two outputs of one model:
 * Mermaid `flowchart` text and our own SVG (plus the numbered Markdown with that flowchart in its
 * fence). Same `RenderOptions` as the sequence view; nothing here imports Mermaid, touches a
 * clock or holds state.
 */
export { renderMapMarkdown } from "./markdown.ts";
export { printMapMermaid, renderMapMermaid } from "./mermaid.ts";
export type { MapEdge, MapEdgeStyle, MapModel, MapNode, MapSite, MapTier } from "./model.ts";
export { toMapModel } from "./fit.ts";
export type { MapLayout } from "./layout.ts";
export { layoutMap } from "./layout.ts";
export { renderMapSvg } from "./svg.ts";
