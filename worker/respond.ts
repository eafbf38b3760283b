/**
 * Successful representations with their caching headers: a strong ETag over (version, format,
 * media type, validated request), the route's Cache-Control, `Vary: Accept` when Accept chose,
 * and 304 Not Modified for a matching If-None-Match on GET/HEAD (the body is then never rendered).
 */
import type { AppContext, Format } from "./app-env.ts";
import { etagMatches, strongEtag } from "./etag.ts";
import type { Negotiated } from "./negotiate.ts";
import { VERSION } from "./version.ts";

/** Encoded-URL GETs: the URL is the content, so its answer never changes within a version. */
export const CACHE_IMMUTABLE = "public, max-age=31536000, immutable";
/** Preset GETs, the preset list and the OpenAPI document: they change when we deploy. */
export const CACHE_PRESET = "public, max-age=3600, stale-while-revalidate=86400";

/**
 * @example respond(c, request, negotiated, CACHE_IMMUTABLE, () => renderFlow(...))
 */
export async function respond<F extends Format>(
  c: AppContext,
  key: unknown,
  rep: Negotiated<F>,
  cacheControl: string | undefined,
  produce: () => string | Uint8Array<ArrayBuffer> | Promise<string | Uint8Array<ArrayBuffer>>,
): Promise<Response> {
  const etag = await strongEtag([VERSION, rep.format, rep.contentType, key]);
  const headers = new Headers({ ETag: etag });
  if (cacheControl) headers.set("Cache-Control", cacheControl);
  if (rep.varyAccept) headers.set("Vary", "Accept");
  const method = c.req.method;
  if ((method === "GET" || method === "HEAD") && etagMatches(c.req.header("if-none-match"), etag)) {
    return new Response(null, { status: 304, headers });
  }
  headers.set("Content-Type", rep.contentType);
  return new Response(await produce(), { status: 200, headers });
}
