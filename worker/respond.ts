/**
 * Successful representations with their caching headers: a strong ETag over (version, format,
 * media type, validated request), the route's Cache-Control, `Vary: Accept` when Accept chose,
 * and 304 Not Modified for a matching If-None-Match on GET/HEAD (the body is then never rendered).
 */
import type { AppContext, Format } from "./app-env.ts";
import { etagMatches, strongEtag } from "./etag.ts";
import { recall, remember } from "./memo.ts";
import type { Negotiated } from "./negotiate.ts";
import { VERSION } from "./version.ts";

/** Encoded-URL GETs: the URL is the content, so its answer never changes within a version. */
export const CACHE_IMMUTABLE = "public, max-age=31536000, immutable";
/** Preset GETs, the preset list and the OpenAPI document: they change when we deploy. */
export const CACHE_PRESET = "public, max-age=3600, stale-while-revalidate=86400";

type Body = string | Uint8Array<ArrayBuffer>;
type Produce = () => Body | Promise<Body>;

function send(
  c: AppContext,
  etag: string,
  rep: Negotiated<Format>,
  cacheControl: string | undefined,
  produce: Produce,
): Response | Promise<Response> {
  const headers = new Headers({ ETag: etag });
  if (cacheControl) headers.set("Cache-Control", cacheControl);
  if (rep.varyAccept) headers.set("Vary", "Accept");
  const method = c.req.method;
  if ((method === "GET" || method === "HEAD") && etagMatches(c.req.header("if-none-match"), etag)) {
    return new Response(null, { status: 304, headers });
  }
  headers.set("Content-Type", rep.contentType);
  const body = produce();
  return body instanceof Promise
    ? body.then((b) => new Response(b, { status: 200, headers }))
    : new Response(body, { status: 200, headers });
}

const utf8 = new TextEncoder();

/**
 * @example respond(c, request, negotiated, CACHE_IMMUTABLE, () => renderFlow(...))
 */
export async function respond<F extends Format>(
  c: AppContext,
  key: unknown,
  rep: Negotiated<F>,
  cacheControl: string | undefined,
  produce: Produce,
): Promise<Response> {
  return send(c, await strongEtag([VERSION, rep.format, rep.contentType, key]), rep, cacheControl, produce);
}

/**
 * respond() that remembers: for a request whose answer never changes within an isolate (it names a
 * built-in preset; `memoKey` undefined otherwise, then it is respond()), the ETag and body are
 * remembered under `memoKey` (worker/memo.ts), so a repeat skips validation, routing, hashing and
 * drawing. `memoKey` must hold everything that decides the answer; `prepare` validates (throwing
 * the request's problem, which is never remembered).
 */
export async function respondOnce<F extends Format>(
  c: AppContext,
  memoKey: string | undefined,
  rep: Negotiated<F>,
  cacheControl: string | undefined,
  prepare: () => { key: unknown | Promise<unknown>; produce: Produce },
): Promise<Response> {
  const fullKey = memoKey === undefined ? undefined : `${rep.format}\u0000${rep.contentType}\u0000${memoKey}`;
  const hit = fullKey === undefined ? undefined : recall(fullKey);
  if (hit) return send(c, hit.etag, rep, cacheControl, () => hit.body);
  const { key, produce } = prepare();
  const etag = await strongEtag([VERSION, rep.format, rep.contentType, await key]);
  if (fullKey === undefined) return send(c, etag, rep, cacheControl, produce);
  return send(c, etag, rep, cacheControl, async () => {
    // Kept as UTF-8 bytes: a hit then sends them without encoding the text again.
    const produced = await produce();
    const body = typeof produced === "string" ? utf8.encode(produced) : produced;
    remember(fullKey, { etag, body });
    return body;
  });
}
