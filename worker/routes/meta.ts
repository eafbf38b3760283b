/** GET /healthz and GET /openapi.json. (GET / is the playground: static assets built from playground/, see wrangler.toml.) */
import { Hono } from "hono/tiny";
import type { AppEnv } from "../app-env.ts";
import { contentTypeOf, type Negotiated } from "../negotiate.ts";
import { openApiDocument } from "../openapi.ts";
import { CACHE_PRESET, respond } from "../respond.ts";
import { NAME, VERSION } from "../version.ts";

export const metaRoutes = new Hono<AppEnv>();

const JSON_REP: Negotiated<"json"> = { format: "json", contentType: contentTypeOf("json"), varyAccept: false };

metaRoutes.get("/healthz", (c) => {
  c.header("Cache-Control", "no-store");
  return c.json({ name: NAME, version: VERSION });
});

metaRoutes.get("/openapi.json", (c) => {
  const origin = new URL(c.req.url).origin;
  return respond(c, { openapi: origin }, JSON_REP, CACHE_PRESET, () => `${JSON.stringify(openApiDocument(origin), null, 2)}\n`);
});
