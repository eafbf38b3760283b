/**
 * One flow request, whatever route it came in on: validate (422), then answer
 * with caching headers; rendering happens only when the answer is not a 304.
 */
import type { AppContext, FlowFormat } from "./app-env.ts";
import { compileInput } from "./input.ts";
import type { Negotiated } from "./negotiate.ts";
import { renderFlow } from "./render.ts";
import { respond } from "./respond.ts";

export async function serveFlow(c: AppContext, doc: unknown, rep: Negotiated<FlowFormat>, cacheControl?: string): Promise<Response> {
  const compiled = compileInput(doc);
  const { topology, scenario, options } = compiled;
  const origin = new URL(c.req.url).origin;
  // JSON carries links built from the origin and the request document as sent (its key order too,
  // which the playground reads back), so both are part of its ETag: one strong ETag, one byte sequence.
  const key = rep.format === "json" ? { topology, scenario, options, origin, doc: JSON.stringify(doc) } : { topology, scenario, options };
  return respond(c, key, rep, cacheControl, () => renderFlow(compiled, rep.format, origin, doc));
}
