/** GET /healthz, GET /openapi.json and a small HTML index at / (the playground will replace it). */
import { Hono } from "hono";
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

const INDEX = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${NAME}</title>
<style>body{font-family:system-ui,sans-serif;max-width:44rem;margin:2rem auto;padding:0 1rem;line-height:1.5}code{background:#f3f3f3;padding:0 .2em}</style></head>
<body>
<h1>${NAME} ${VERSION}</h1>
<p>Exchange client-connectivity flows as JSON, Mermaid, SVG and Markdown.</p>
<ul>
<li><a href="/v1/presets">/v1/presets</a>: built-in topologies and their scenarios</li>
<li><a href="/v1/presets/o365info/activesync-madrid.svg">/v1/presets/o365info/activesync-madrid.svg</a>: one flow as SVG</li>
<li><a href="/v1/presets/o365info/audit.md">/v1/presets/o365info/audit.md</a>: the audit matrix</li>
<li><code>POST /v1/flow</code>, <code>POST /v1/audit</code>, <code>GET /v1/flow/{format}/{encoded}</code></li>
<li><a href="/openapi.json">/openapi.json</a>: the OpenAPI 3.1 description</li>
</ul>
</body>
</html>
`;

metaRoutes.get("/", (c) => {
  c.header("Cache-Control", CACHE_PRESET);
  c.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
  return c.html(INDEX);
});
