/**
 * Headers every response gets: a request id (Cloudflare's `cf-ray` when present), `nosniff`, and
 * for SVG a Content-Security-Policy that lets the picture draw but never run script or fetch.
 */
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./app-env.ts";

export const SVG_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

export const standardHeaders: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.set("requestId", c.req.header("cf-ray") ?? crypto.randomUUID());
  await next();
  c.res.headers.set("X-Request-Id", c.get("requestId"));
  c.res.headers.set("X-Content-Type-Options", "nosniff");
  if (c.res.headers.get("Content-Type")?.startsWith("image/svg+xml")) c.res.headers.set("Content-Security-Policy", SVG_CSP);
};
