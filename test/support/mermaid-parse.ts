/**
 * mermaid.parse for tests: the real Mermaid grammar as the judge of our Mermaid text (sequence and
 * flowchart). A flowchart needs a DOM even to parse (DOMPurify hooks), so linkedom's window, document
 * and DOM classes are published as globals before Mermaid is imported. Mermaid checks a sequence
 * `box` colour with `window.CSS.supports`, or `new Option().style` where there is no CSS object (as in
 * linkedom): a browser has both, so a minimal Option stands in. Tests only: diagrams/ never imports Mermaid.
 */
import { parseHTML } from "linkedom";

const dom = parseHTML("<!doctype html><html><body></body></html>");
const g = globalThis as Record<string, unknown>;
const win = dom.window as unknown as Record<string, unknown>;
if (g.window === undefined) g.window = dom.window;
if (g.document === undefined) g.document = dom.document;
const CLASSES = [
  "Node",
  "Element",
  "HTMLElement",
  "SVGElement",
  "DocumentFragment",
  "HTMLTemplateElement",
  "NodeFilter",
  "NamedNodeMap",
  "HTMLFormElement",
  "DOMParser",
  "Text",
  "Comment",
  "Document",
] as const;
for (const key of CLASSES) if (g[key] === undefined && win[key] !== undefined) g[key] = win[key];
if (g.Option === undefined)
  g.Option = class {
    style = { color: "" };
  };

const { default: mermaid } = await import("mermaid");
mermaid.initialize({ startOnLoad: false });

/** Resolves with the diagram type (`flowchart-v2` for our maps), rejects with Mermaid's parse error. */
export async function parseMermaid(text: string): Promise<string> {
  const result = await mermaid.parse(text);
  if (!result) throw new Error("mermaid.parse returned false");
  return result.diagramType;
}
