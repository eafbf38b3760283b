/**
 * Content negotiation: which format a request gets, and which media type that format is sent as.
 * Precedence: a format fixed by the URL path (`/v1/flow/svg/...`, `.svg`) > `?format=` > `Accept`
 * > the route's default. An unknown `?format=` or an `Accept` that names none of our types is a 406.
 */
import type { AppContext, Format } from "./app-env.ts";
import { parseAccept } from "./accept.ts";
import { notAcceptable } from "./errors.ts";

/** Media types per format; the first is what we send unless the client asked for another listed one. */
const MEDIA: Record<Format, readonly string[]> = {
  json: ["application/json"],
  svg: ["image/svg+xml"],
  png: ["image/png"],
  mmd: ["text/vnd.mermaid", "text/plain"],
  md: ["text/markdown"],
  csv: ["text/csv"],
};

const CHARSET = "; charset=utf-8";

export interface Negotiated<F extends Format> {
  format: F;
  /** Full Content-Type header value. */
  contentType: string;
  /** The Accept header decided the format or the media type, so the response must carry `Vary: Accept`. */
  varyAccept: boolean;
}

function matches(range: string, media: string): boolean {
  if (range === "*/*" || range === media) return true;
  return range.endsWith("/*") && media.startsWith(range.slice(0, -1));
}

export function contentTypeOf(format: Format, media?: string): string {
  const type = media ?? MEDIA[format][0] ?? "application/octet-stream";
  if (format === "png") return type;
  return format === "csv" ? `${type}${CHARSET}; header=present` : `${type}${CHARSET}`;
}

/**
 * Pick the response format among `allowed` (in preference order; the first is the default).
 * @example negotiate(c, ["json", "svg", "mmd", "md"]) // ?format=svg -> { format: "svg", ... }
 */
export function negotiate<F extends Format>(c: AppContext, allowed: readonly F[], fixed?: string): Negotiated<F> {
  const rep = choose(c, allowed, fixed);
  // Errors follow the format, not mmd's media type: when the URL fixed the format, Accept took no part in an error's answer.
  const urlFixed = (fixed ?? (c.req.query("format") || undefined)) !== undefined;
  c.set("varyAccept", rep.varyAccept && !urlFixed);
  return rep;
}

function choose<F extends Format>(c: AppContext, allowed: readonly F[], fixed?: string): Negotiated<F> {
  const accept = parseAccept(c.req.header("accept"));
  // An empty `?format=` is unset, like every empty query value (README "Query parameters").
  const requested = fixed ?? (c.req.query("format") || undefined);
  if (requested !== undefined) {
    const format = allowed.find((f) => f === requested.toLowerCase());
    if (!format)
      throw notAcceptable(
        `format ${JSON.stringify(requested.slice(0, 40))} is not available here; use one of: ${allowed.join(", ")}`,
        allowed,
      );
    c.set("format", format);
    // Only mmd has a choice of media type (text/plain shows inline in browsers), so its answer
    // depends on Accept even when the URL fixes the format, and even when Accept is absent.
    const media = format === "mmd" ? accept.map((a) => MEDIA.mmd.find((m) => m === a.type)).find(Boolean) : undefined;
    return { format, contentType: contentTypeOf(format, media), varyAccept: format === "mmd" };
  }
  const fallback = allowed[0];
  if (fallback === undefined) throw new Error("negotiate: no formats");
  if (accept.length === 0) {
    c.set("format", fallback);
    return { format: fallback, contentType: contentTypeOf(fallback), varyAccept: true };
  }
  for (const { type } of accept) {
    if (type === "*/*") break;
    for (const format of allowed) {
      const media = MEDIA[format].find((m) => matches(type, m));
      if (media) {
        c.set("format", format);
        return { format, contentType: contentTypeOf(format, type === media ? media : undefined), varyAccept: true };
      }
    }
  }
  if (accept.some((a) => a.type === "*/*")) {
    c.set("format", fallback);
    return { format: fallback, contentType: contentTypeOf(fallback), varyAccept: true };
  }
  c.set("varyAccept", true);
  const offered = allowed.flatMap((f) => MEDIA[f]);
  throw notAcceptable(
    `none of the types in Accept is available; this resource is offered as ${offered.join(", ")} (or choose with ?format=)`,
    allowed,
  );
}
