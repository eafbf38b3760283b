/**
 * The diagram views of a Flow. Each takes the flow (through the shared DiagramModel) and options
 * and returns a string; none imports Mermaid, touches a clock or holds state.
 */
export { renderErrorCardSvg } from "./error-card.ts";
export { escapeXml } from "./escape.ts";
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
export { renderMarkdown } from "./markdown.ts";
export { renderMermaid } from "./mermaid.ts";
export type { DiagramMessage, DiagramModel, DiagramNote, DiagramParticipant, DiagramSite, MessageKind } from "./model.ts";
export { toDiagramModel } from "./model.ts";
export { THEMES } from "./options.ts";
export type { RenderOptions, Theme } from "./options.ts";
export { renderSvg } from "./svg.ts";
