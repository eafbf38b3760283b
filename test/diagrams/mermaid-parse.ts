/**
 * mermaid.parse for tests: the real Mermaid grammar as the judge of our Mermaid text.
 * Mermaid's `box` statement checks colours through `window`, so linkedom's window and document
 * are published as globals before Mermaid is imported (tests only; diagrams/ never imports Mermaid).
 */
import { parseHTML } from "linkedom";

const dom = parseHTML("<!doctype html><html><body></body></html>");
const g = globalThis as Record<string, unknown>;
for (const key of ["window", "document", "Element", "HTMLElement", "Node", "DocumentFragment"] as const) {
  if (g[key] === undefined) g[key] = key === "window" ? dom.window : key === "document" ? dom.document : (dom as unknown as Record<string, unknown>)[key];
}
if (g.Option === undefined) g.Option = class { style = { color: "" }; };

const { default: mermaid } = await import("mermaid");
mermaid.initialize({ startOnLoad: false });

/** Resolves with the diagram type, rejects with Mermaid's parse error. */
export async function parseMermaid(text: string): Promise<string> {
  const result = await mermaid.parse(text);
  if (!result) throw new Error("mermaid.parse returned false");
  return result.diagramType;
}
