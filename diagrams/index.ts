/**
 * The diagram views of a Flow, and the only way into diagrams/ for the worker, the CLI, the
 * playground and bench/ (test/architecture.test.ts checks it). `render()` draws a flow in any
 * format and view; each view takes the flow (through its model) and options and returns a string;
 * none imports Mermaid, touches a clock or holds state.
 */
export { failingRows, renderAuditCsv, renderAuditMarkdown } from "./audit/index.ts";
export { renderDiffMarkdown } from "./diff.ts";
export { renderErrorCardSvg } from "./error-card.ts";
export { escapeMarkdown, escapeXml } from "./escape.ts";
export {
  boxText,
  DEFAULT_LABEL,
  DEFAULT_NOTES,
  LABEL_MODES,
  type LabelMode,
  noteParagraphs,
  NOTES_LEVELS,
  type NotesLevel,
} from "./labels.ts";
export { renderMapMarkdown, renderMapMermaid, renderMapSvg } from "./map/index.ts";
export { THEMES } from "./options.ts";
export type { RenderOptions, Theme } from "./options.ts";
export type { PngAssets } from "./png.ts";
export { type PngAssetsLoader, rasterize, render, type RenderRequest, type TextFormat } from "./render.ts";
export { renderMarkdown } from "./sequence/markdown.ts";
export { renderMermaid } from "./sequence/mermaid.ts";
export type { DiagramMessage, DiagramModel, DiagramNote, DiagramParticipant, DiagramSite, MessageKind } from "./sequence/model.ts";
export { toDiagramModel } from "./sequence/model.ts";
export { renderSvg } from "./sequence/svg.ts";
export { cleanText } from "./text.ts";
export { renderObservedMarkdown, renderObservedMermaid, renderObservedSvg } from "./observe/index.ts";
