/** Views of an observed-flows report (core/observe): the Markdown table, and the flow views with the observed overlay. */
export { renderObservedMarkdown } from "./markdown.ts";
export { type ObservedView, overlayMap, overlaySequence, renderObservedMermaid, renderObservedSvg } from "./pictures.ts";
