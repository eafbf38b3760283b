/**
 * Saved topologies: POST /v1/topologies (create: id, version 1 and the write token, shown once),
 * GET /v1/topologies/{id}[@{version}], GET /v1/topologies/{id}/versions, PUT (a new version, with
 * `Authorization: Bearer <token>`), DELETE (every version, same token), and
 * GET /v1/topologies/{id}/diff?from=&to= (flows whose outcome or path changed, JSON or Markdown).
 * Reads need only the id; nothing lists ids. Storage and its guarantees: topologies/store.ts.
 */
import { Hono } from "hono/tiny";
import { diffTopologies, PROFILES, type Profile } from "../../core/index.ts";
import { renderDiffMarkdown } from "../../diagrams/index.ts";
import type { AppContext, AppEnv } from "../app-env.ts";
import { invalidInput } from "../errors.ts";
import { contentTypeOf, negotiate, type Negotiated } from "../negotiate.ts";
import { respond } from "../respond.ts";
import { badDiffQuery } from "../topologies/problems.ts";
import { bearer, CACHE_LATEST, CACHE_VERSION, parseRef, storedTopology, storeOf, topologyBody } from "../topologies/request.ts";
import type { StoredVersion } from "../topologies/store.ts";

export const topologyRoutes = new Hono<AppEnv>();

const JSON_REP: Negotiated<"json"> = { format: "json", contentType: contentTypeOf("json"), varyAccept: false };
const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
const iso = (ms: number): string => new Date(ms).toISOString();

function links(c: AppContext, id: string, version?: number) {
  const origin = new URL(c.req.url).origin;
  const ref = version === undefined ? id : `${id}@${version}`;
  return {
    self: `${origin}/v1/topologies/${ref}`,
    latest: `${origin}/v1/topologies/${id}`,
    versions: `${origin}/v1/topologies/${id}/versions`,
    flow: `${origin}/v1/t/${ref}/flow/{user}/{protocol}/{client}.svg?host={host}`,
    audit: `${origin}/v1/t/${ref}/audit.md`,
  };
}

const versionInfo = (v: StoredVersion) => ({ version: v.version, created: iso(v.created), sha256: v.sha256 });

function written(status: 200 | 201, body: unknown, location: string): Response {
  return new Response(json(body), {
    status,
    headers: { "Content-Type": contentTypeOf("json"), "Cache-Control": "no-store", Location: location },
  });
}

topologyRoutes.post("/v1/topologies", async (c) => {
  const { json: body } = await topologyBody(c);
  const created = await storeOf(c).create(body, Date.now());
  const l = links(c, created.id, 1);
  return written(
    201,
    {
      id: created.id,
      ...versionInfo(created),
      token: created.token,
      tokenNote:
        "Keep this token: it is shown only now and is needed to update (PUT) or delete (DELETE) this topology. Reading needs only the id.",
      links: l,
    },
    l.latest,
  );
});

topologyRoutes.get("/v1/topologies/:ref", async (c) => {
  const ref = parseRef(c.req.param("ref"));
  const t = await storeOf(c).read(ref.id, ref.version);
  return respond(
    c,
    { topology: ref.id, version: t.version, sha256: t.sha256, fixed: ref.version !== undefined, origin: new URL(c.req.url).origin },
    JSON_REP,
    ref.version === undefined ? CACHE_LATEST : CACHE_VERSION,
    () => json({ id: ref.id, ...versionInfo(t), topology: storedTopology(t.body), links: links(c, ref.id, t.version) }),
  );
});

topologyRoutes.put("/v1/topologies/:ref", async (c) => {
  const token = bearer(c);
  const { id } = parseRef(c.req.param("ref"), false);
  const store = storeOf(c);
  // The token first: a body is parsed only for someone allowed to write.
  await store.authorize(id, token);
  const { json: body } = await topologyBody(c);
  const r = await store.append(id, token, body, Date.now());
  const l = links(c, id, r.version);
  return written(
    r.stored ? 201 : 200,
    {
      id,
      ...versionInfo(r),
      stored: r.stored,
      ...(r.stored ? {} : { note: `identical to version ${r.version}; no new version was stored` }),
      links: l,
    },
    l.self,
  );
});

topologyRoutes.delete("/v1/topologies/:ref", async (c) => {
  const token = bearer(c);
  const { id } = parseRef(c.req.param("ref"), false);
  const versions = await storeOf(c).delete(id, token);
  return new Response(json({ id, deleted: true, versions }), {
    status: 200,
    headers: { "Content-Type": contentTypeOf("json"), "Cache-Control": "no-store" },
  });
});

topologyRoutes.get("/v1/topologies/:id/versions", async (c) => {
  const { id } = parseRef(c.req.param("id"), false);
  const versions = await storeOf(c).versions(id);
  const origin = new URL(c.req.url).origin;
  return respond(c, { versions: id, list: versions, origin }, JSON_REP, CACHE_LATEST, () =>
    json({ id, versions: versions.map((v) => ({ ...versionInfo(v), links: { self: `${origin}/v1/topologies/${id}@${v.version}` } })) }),
  );
});

function versionParam(c: AppContext, name: "from" | "to"): number | undefined {
  const v = c.req.query(name);
  if (v === undefined || v === "") return undefined;
  if (!/^[1-9][0-9]{0,8}$/.test(v))
    throw badDiffQuery(`${name}: expected a version number (1, 2, ...), got ${JSON.stringify(v.slice(0, 20))}`);
  return Number(v);
}

/** The profile asked for, or undefined: diffTopologies applies the default (core/defaults.ts). */
function profileParam(c: AppContext): Profile | undefined {
  const p = c.req.query("profile");
  if (p === undefined || p === "") return undefined;
  if ((PROFILES as readonly string[]).includes(p)) return p as Profile;
  throw invalidInput([{ code: "ENUM", message: `profile: expected one of ${PROFILES.join(", ")}`, path: ["options", "profile"] }]);
}

/** `to` defaults to the latest version and `from` to the one before `to`; with both given the answer never changes. */
topologyRoutes.get("/v1/topologies/:id/diff", async (c) => {
  const rep = negotiate(c, ["json", "md"] as const);
  const { id } = parseRef(c.req.param("id"), false);
  const profile = profileParam(c);
  let to = versionParam(c, "to");
  let from = versionParam(c, "from");
  const store = storeOf(c);
  const after = await store.read(id, to);
  to = after.version;
  from ??= Math.max(1, to - 1);
  const before = await store.read(id, from);
  const fixed = c.req.query("to") !== undefined && c.req.query("from") !== undefined;
  return respond(
    c,
    { diff: id, from: before.sha256, to: after.sha256, profile, labels: [from, to] },
    rep,
    fixed ? CACHE_VERSION : CACHE_LATEST,
    () => {
      const diff = diffTopologies(storedTopology(before.body), storedTopology(after.body), profile);
      if (rep.format === "md") return renderDiffMarkdown(diff, { subject: `topology ${id}`, from: `version ${from}`, to: `version ${to}` });
      return json({ id, from, to, ...diff });
    },
  );
});
