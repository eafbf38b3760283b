/**
 * One flow request, whatever route it came in on: validate (422), then answer
 * with caching headers; rendering happens only when the answer is not a 304.
 */
import type { AppContext, FlowFormat } from "./app-env.ts";
import type { FlowLinks } from "./links.ts";
import { compileInput } from "./input.ts";
import type { Negotiated } from "./negotiate.ts";
import { renderFlow } from "./render.ts";
import { respond } from "./respond.ts";

export async function serveFlow(c: AppContext, doc: unknown, rep: Negotiated<FlowFormat>, cacheControl?: string, links?: Omit<FlowLinks, "mermaidLive">): Promise<Response> {
  const compiled = compileInput(doc);
  const { topology, scenario, options } = compiled;
  const origin = new URL(c.req.url).origin;
  return respond(c, { topology, scenario, options }, rep, cacheControl, () => renderFlow(compiled, rep.format, origin, doc, links));
}
