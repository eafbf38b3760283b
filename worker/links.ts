/**
 * Ready-made links for a flow: the encoded GET URL of the same request in every format (for wiki
 * <img> tags and runbooks) and a Mermaid Live Editor link. Absolute, built from the request origin.
 * Encoded URLs longer than MAX_URL_CHARS would only earn a 414, so they are left out then.
 */
import type { FlowFormat } from "./app-env.ts";
import { encodeDocument, mermaidLiveUrl } from "./encode.ts";
import { MAX_URL_CHARS } from "./limits.ts";

export type FlowLinks = Partial<Record<FlowFormat, string>> & { mermaidLive: string };

/** `/v1/flow/{format}/{encoded}` for each format; {} when the URL would be too long. */
export async function encodedLinks(origin: string, doc: unknown): Promise<Partial<Record<FlowFormat, string>>> {
  const encoded = await encodeDocument(doc);
  const out: Partial<Record<FlowFormat, string>> = {};
  for (const f of ["svg", "mmd", "md", "json"] as const) {
    const url = `${origin}/v1/flow/${f}/${encoded}`;
    if (url.length > MAX_URL_CHARS) return {};
    out[f] = url;
  }
  return out;
}

/**
 * @example await flowLinks("https://exflow.example", { preset: "o365info", scenario }, mermaidText, "default")
 */
export async function flowLinks(origin: string, doc: unknown, mermaid: string, theme: string): Promise<FlowLinks> {
  return { ...(await encodedLinks(origin, doc)), mermaidLive: await mermaidLiveUrl(mermaid, theme) };
}
