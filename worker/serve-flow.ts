/**
 * One flow request, whatever route it came in on: validate (422), then answer
 * with caching headers; rendering happens only when the answer is not a 304.
 * A request naming a built-in preset is answered once per isolate and then from memory.
 */
import { isObject } from "../lib/plain.ts";
import type { AppContext, FlowFormat } from "./app-env.ts";
import { digestOf } from "./etag.ts";
import type { FlowLinks } from "./links.ts";
import { compileInput } from "./input.ts";
import type { Negotiated } from "./negotiate.ts";
import { renderFlow } from "./render.ts";
import { respondOnce } from "./respond.ts";

/** `{ preset, ... }` without a topology of its own: its answer changes only with a deploy. */
export const namesPreset = (doc: unknown): boolean => isObject(doc) && typeof doc.preset === "string" && doc.topology === undefined;

export async function serveFlow(
  c: AppContext,
  doc: unknown,
  rep: Negotiated<FlowFormat>,
  cacheControl?: string,
  links?: Omit<FlowLinks, "mermaidLive">,
): Promise<Response> {
  const origin = new URL(c.req.url).origin;
  const prepare = () => {
    const compiled = compileInput(doc);
    const { topology, scenario, options } = compiled;
    // JSON's links embed the origin and the document as sent: both in its ETag, one ETag one byte sequence.
    const more = rep.format === "json" ? { origin, doc: JSON.stringify(doc) } : {};
    return {
      key: digestOf(topology).then((t) => ({ topology: t, scenario, options, ...more })),
      produce: () => renderFlow(compiled, rep.format, origin, doc, links),
    };
  };
  // JSON answers carry links built from the origin and the document as sent (key order included), so both are in the key;
  // a route that brings its own links (saved documents) is not remembered.
  const memoKey = namesPreset(doc) && links === undefined ? `flow\u0000${origin}\u0000${JSON.stringify(doc)}` : undefined;
  return respondOnce(c, memoKey, rep, cacheControl, prepare);
}
