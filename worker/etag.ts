/**
 * Strong ETags for generated representations: SHA-256 (crypto.subtle) over the package version,
 * the format and media type, and the canonical JSON of the validated request (keys sorted), so the
 * same request in another key order or whitespace gets the same tag and any option changes it.
 */

/** JSON with object keys sorted at every level; `undefined` members dropped as JSON.stringify does. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) {
    let out = "[";
    for (let i = 0; i < value.length; i++) out += `${i ? "," : ""}${value[i] === undefined ? "null" : canonicalJson(value[i])}`;
    return `${out}]`;
  }
  const obj = value as Record<string, unknown>;
  let out = "{";
  for (const k of Object.keys(obj).sort()) {
    if (obj[k] === undefined) continue;
    out += `${out.length > 1 ? "," : ""}${JSON.stringify(k)}:${canonicalJson(obj[k])}`;
  }
  return `${out}}`;
}

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  let bin = "";
  for (const b of new Uint8Array(digest)) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

const digests = new WeakMap<object, string>();

/**
 * A validated topology stands in an ETag key as the SHA-256 of its canonical JSON, computed once
 * per object: a preset's topology is the same object on every request, so it is hashed once per
 * isolate instead of re-serialised and re-hashed per request. Safe because validated topologies
 * are never mutated (zod's fresh copies; presets are constants).
 * @example strongEtag([VERSION, "svg", { topology: await digestOf(topology), scenario }])
 */
export async function digestOf(value: object): Promise<string> {
  let d = digests.get(value);
  if (d === undefined) {
    d = `sha256:${await sha256(canonicalJson(value))}`;
    digests.set(value, d);
  }
  return d;
}

/**
 * @example await strongEtag(["0.1.0", "svg", request]) // "\"3q2-7w...\"" (quoted, 43 base64url chars)
 */
export async function strongEtag(parts: unknown[]): Promise<string> {
  return `"${await sha256(canonicalJson(parts))}"`;
}

/** If-None-Match uses the weak comparison (RFC 9110 13.1.2): `W/` prefixes are ignored; `*` matches. */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === "*") return true;
  const bare = etag.replace(/^W\//, "");
  return ifNoneMatch.split(",").some((t) => t.trim().replace(/^W\//, "") === bare);
}
