/**
 * POST /v1/flow (JSON or YAML body) and GET /v1/flow/{format}/{encoded} (the same request,
 * deflated and base64url-encoded, for <img> tags). Both take `?profile=&theme=&background=&view=`;
 * the body's `options` win over the query.
 */
import { Hono } from "hono";
import { FLOW_FORMATS } from "../../core/index.ts";
import type { AppEnv } from "../app-env.ts";
import { readBody } from "../body.ts";
import { decodeDocumentOnce } from "../encode.ts";
import { parseInput } from "../input.ts";
import { negotiate } from "../negotiate.ts";
import { queryOptions, withQueryOptions } from "../options.ts";
import { CACHE_IMMUTABLE } from "../respond.ts";
import { serveFlow } from "../serve-flow.ts";

// FLOW_FORMATS is in preference order: the first is the default when neither ?format= nor Accept decides.

export const flowRoutes = new Hono<AppEnv>();

flowRoutes.post("/v1/flow", async (c) => {
  const rep = negotiate(c, FLOW_FORMATS);
  const { text, format } = await readBody(c);
  const doc = withQueryOptions(parseInput(text, format), queryOptions(c));
  return serveFlow(c, doc, rep);
});

// `{.+}`: standard base64 may contain `/`; it is accepted like `_`.
flowRoutes.get("/v1/flow/:format/:encoded{.+}", async (c) => {
  const rep = negotiate(c, FLOW_FORMATS, c.req.param("format"));
  const text = await decodeDocumentOnce(c.req.param("encoded"));
  const doc = withQueryOptions(parseInput(text), queryOptions(c));
  return serveFlow(c, doc, rep, CACHE_IMMUTABLE);
});
