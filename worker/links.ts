/**
 * Ready-made links for a flow: the encoded GET URL of the same request in every format (for wiki
 * <img> tags and runbooks), the map view's SVG and Mermaid URLs (`map`, whatever view was asked
 * for) and a Mermaid Live Editor link. Absolute, built from the request origin. Encoded URLs longer
 * than MAX_URL_CHARS would only earn a 414, so they are left out then.
 */
import { isObject } from "../lib/plain.ts";
import type { FlowFormat } from "./app-env.ts";
import { encodeDocument, mermaidLiveUrl } from "./encode.ts";
import { MAX_URL_CHARS } from "./limits.ts";

export interface MapLinks {
  svg: string;
  png: string;
  mmd: string;
}

export type FlowLinks = Partial<Record<FlowFormat, string>> & { map?: MapLinks; mermaidLive: string };

const FORMATS: readonly FlowFormat[] = ["svg", "png", "mmd", "md", "json"];

/** `/v1/flow/{format}/{encoded}` for each format; {} when the URL would be too long. */
export async function encodedLinks(
  origin: string,
  doc: unknown,
  formats: readonly FlowFormat[] = FORMATS,
): Promise<Partial<Record<FlowFormat, string>>> {
  const encoded = await encodeDocument(doc);
  const out: Partial<Record<FlowFormat, string>> = {};
  for (const f of formats) {
    const url = `${origin}/v1/flow/${f}/${encoded}`;
    if (url.length > MAX_URL_CHARS) return {};
    out[f] = url;
  }
  return out;
}

/** The same request document drawn as the map (the view set in its options, which win over any query). */
export function asMapDocument(doc: unknown): unknown {
  if (!isObject(doc)) return doc;
  const options = isObject(doc.options) ? doc.options : {};
  return { ...doc, options: { ...options, view: "map" } };
}

async function mapLinks(origin: string, doc: unknown, links: Partial<Record<FlowFormat, string>>): Promise<MapLinks | undefined> {
  const isMap = isObject(doc) && isObject(doc.options) && doc.options.view === "map";
  const { svg, png, mmd } = isMap ? links : await encodedLinks(origin, asMapDocument(doc), ["svg", "png", "mmd"]);
  return svg && png && mmd ? { svg, png, mmd } : undefined;
}

/**
 * @example await flowLinks("https://exflow.example", { preset: "o365info", scenario }, mermaidText, "default")
 *   // { svg, mmd, md, json, map: { svg, mmd }, mermaidLive }
 */
export async function flowLinks(origin: string, doc: unknown, mermaid: string, theme: string): Promise<FlowLinks> {
  // The deflates are independent: run them side by side (in the runtime's compression threads).
  const [links, live] = await Promise.all([encodedLinks(origin, doc), mermaidLiveUrl(mermaid, theme)]);
  const map = await mapLinks(origin, doc, links);
  return { ...links, ...(map ? { map } : {}), mermaidLive: live };
}
