/**
 * POST /v1/flow (JSON or YAML body) and GET /v1/flow/{format}/{encoded} (the same request,
 * deflated and base64url-encoded, for <img> tags). Both take `?profile=&theme=&background=&view=`
 * and the scenario as `?user=&protocol=&client=&host=`; the body wins over the query. The body
 * may be a bare topology file (see options.ts).
 */
import { Hono } from "hono/tiny";
import { FLOW_FORMATS } from "../../core/index.ts";
import type { AppEnv } from "../app-env.ts";
import { readBody } from "../body.ts";
import { decodeDocumentOnce } from "../encode.ts";
import { parseInput } from "../input.ts";
import { negotiate } from "../negotiate.ts";
import { flowRequestOf } from "../options.ts";
import { CACHE_IMMUTABLE } from "../respond.ts";
import { serveFlow } from "../serve-flow.ts";

// FLOW_FORMATS is in preference order: the first is the default when neither ?format= nor Accept decides.

export const flowRoutes = new Hono<AppEnv>();

flowRoutes.post("/v1/flow", async (c) => {
  const rep = negotiate(c, FLOW_FORMATS);
  const { text, format } = await readBody(c);
  return serveFlow(c, flowRequestOf(parseInput(text, format), c), rep);
});

// `{.+}`: standard base64 may contain `/`; it is accepted like `_`.
flowRoutes.get("/v1/flow/:format/:encoded{.+}", async (c) => {
  const rep = negotiate(c, FLOW_FORMATS, c.req.param("format"));
  const text = await decodeDocumentOnce(c.req.param("encoded"));
  return serveFlow(c, flowRequestOf(parseInput(text), c), rep, CACHE_IMMUTABLE);
});
