/**
 * Compiled flow -> response text in one format. JSON is `{ flow, links }`; the other formats come
 * from diagrams/. In: the core's Compiled value (plain data), the format, the origin and the
 * request document (for the links). Out: text.
 */
import type { Compiled } from "../core/index.ts";
import { renderMarkdown, renderMermaid, renderSvg, type RenderOptions } from "../diagrams/index.ts";
import type { FlowFormat } from "./app-env.ts";
import { invalidInput } from "./errors.ts";
import { flowLinks } from "./links.ts";

export function renderOptionsOf(compiled: Compiled): RenderOptions {
  const { theme, background } = compiled.options ?? {};
  return { ...(theme ? { theme } : {}), ...(background ? { background } : {}) };
}

/** Renderers reject option values they cannot draw with a RangeError; that is the client's 422. */
function guarded<T>(draw: () => T): T {
  try {
    return draw();
  } catch (e) {
    if (e instanceof RangeError) {
      throw invalidInput([{ code: "OPTION", message: `options: ${e.message}`, path: ["options"] }]);
    }
    throw e;
  }
}

/** `view` is part of the request contract; only the sequence view is drawn so far. */
export function checkView(compiled: Compiled): void {
  const view = compiled.options?.view;
  if (view !== undefined && view !== "sequence") {
    throw invalidInput([{ code: "ENUM", message: `options.view: "${view}" is not available yet; use "sequence"`, path: ["options", "view"] }]);
  }
}

export async function renderFlow(compiled: Compiled, format: FlowFormat, origin: string, doc: unknown): Promise<string> {
  const options = renderOptionsOf(compiled);
  switch (format) {
    case "svg":
      return guarded(() => renderSvg(compiled.flow, options));
    case "mmd":
      return guarded(() => renderMermaid(compiled.flow, options));
    case "md":
      return guarded(() => renderMarkdown(compiled.flow, options));
    case "json": {
      const mermaid = guarded(() => renderMermaid(compiled.flow, options));
      const links = await flowLinks(origin, doc, mermaid, options.theme ?? "default");
      return `${JSON.stringify({ flow: compiled.flow, links }, null, 2)}\n`;
    }
  }
}
