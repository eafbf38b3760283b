/**
 * Shared parts of the saved-topology routes: `{id}` / `{id}@{version}` references, the store for a
 * request, the Bearer token, and a topology document (bare, as `exflow presets` prints it, or
 * wrapped as `{ topology: ... }`, as a flow request holds it) validated into the JSON we store.
 */
import { type Topology, validateTopology } from "../../core/index.ts";
import { isObject } from "../../lib/plain.ts";
import type { AppContext } from "../app-env.ts";
import { readBody } from "../body.ts";
import { invalidInput } from "../errors.ts";
import { parseInput } from "../input.ts";
import { LATEST_MAX_AGE_S, VERSION_MAX_AGE_S } from "./limits.ts";
import { noSuchTopology, tokenMissing } from "./problems.ts";
import { ID_PATTERN } from "./secrets.ts";
import { TopologyStore } from "./store.ts";

export interface Ref {
  id: string;
  /** Undefined: the latest version. */
  version?: number;
}

/** Latest-version answers: kept briefly, then revalidated with their ETag (a 304 costs one D1 read). */
export const CACHE_LATEST = `public, max-age=${LATEST_MAX_AGE_S}, must-revalidate`;
/** Versioned answers never change; the day bounds how long a deleted topology lingers in caches. */
export const CACHE_VERSION = `public, max-age=${VERSION_MAX_AGE_S}, immutable`;

/** `id` or `id@n`. A malformed one is answered like an unknown id: 404, nothing more. */
export function parseRef(ref: string, allowVersion = true): Ref {
  const at = ref.indexOf("@");
  const id = at < 0 ? ref : ref.slice(0, at);
  if (!ID_PATTERN.test(id)) throw noSuchTopology();
  if (at < 0) return { id };
  const v = ref.slice(at + 1);
  if (!allowVersion || !/^[1-9][0-9]{0,8}$/.test(v)) throw noSuchTopology();
  return { id, version: Number(v) };
}

export const storeOf = (c: AppContext): TopologyStore => new TopologyStore(c.env?.DB, c.get("requestId"));

/** The token from `Authorization: Bearer <token>`; 401 when there is none. */
export function bearer(c: AppContext): string {
  const m = /^Bearer[ ]+(\S+)\s*$/i.exec(c.req.header("authorization") ?? "");
  if (!m?.[1]) throw tokenMissing();
  return m[1];
}

/** The request body as a validated topology, serialised for storage; 400/413/415/422 otherwise. */
export async function topologyBody(c: AppContext): Promise<{ topology: Topology; json: string }> {
  const { text, format } = await readBody(c);
  const doc = parseInput(text, format);
  const wrapped = isObject(doc) && "topology" in doc && !("servers" in doc);
  const result = wrapped ? validateTopology(doc.topology, ["topology"]) : validateTopology(doc, []);
  if (!result.ok) throw invalidInput(result.issues);
  return { topology: result.value, json: JSON.stringify(result.value) };
}

/** A stored body back to a Topology (it was validated before it was stored). */
export const storedTopology = (body: string): Topology => JSON.parse(body) as Topology;
