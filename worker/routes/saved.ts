/**
 * Diagrams of a saved topology, for wiki embeds that follow the migration:
 *   GET /v1/t/{id}[@{version}]/flow/{user}/{protocol}/{client}.{svg|png|mmd|md|json}
 *       ?host=&profile=&theme=&background=&view=&notes=&label=
 *   GET /v1/t/{id}[@{version}]/audit.{md|csv|json}?profile=&users=&protocols=
 *       (the scope keeps a large saved topology under the row bound).
 * The stored topology goes through the same serveFlow / serveAudit as every other route (same validation, ETag, 304 and error cards).
 * Latest-version URLs are cached for LATEST_MAX_AGE_S and then revalidated; versioned ones are immutable.
 */
import { Hono } from "hono/tiny";
import { AUDIT_FORMATS, FLOW_FORMATS } from "../../core/index.ts";
import type { AppContext, AppEnv, FlowFormat } from "../app-env.ts";
import { notAcceptable, notFound } from "../errors.ts";
import type { FlowLinks } from "../links.ts";
import { negotiate } from "../negotiate.ts";
import { auditQueryOptions, QUERY_SCENARIO_EXTRA, queryOptions, withQueryOptions } from "../options.ts";
import { serveFlow } from "../serve-flow.ts";
import { CACHE_LATEST, CACHE_VERSION, parseRef, storedTopology, storeOf } from "../topologies/request.ts";
import { serveAudit } from "./audit.ts";

export const savedRoutes = new Hono<AppEnv>();

/** `name.ext` -> [name, ext]; ext is undefined when there is no dot (the format is then negotiated). */
function splitFile(file: string): [string, string | undefined] {
  const dot = file.lastIndexOf(".");
  return dot > 0 ? [file.slice(0, dot), file.slice(dot + 1)] : [file, undefined];
}

/** Errors for an `.svg` or `.png` URL are drawn as an SVG card, from the first check on (as for presets). */
function markSvg(c: AppContext, ext: string | undefined): void {
  const lower = ext?.toLowerCase();
  if (lower === "svg" || lower === "png") c.set("format", lower);
}

/** The same flow's URLs in every format (and the map view), keeping the query. */
function savedLinks(c: AppContext, base: string): Omit<FlowLinks, "mermaidLive"> {
  const url = new URL(c.req.url);
  const query = (view?: string): string => {
    const q = new URLSearchParams(url.search);
    q.delete("format");
    if (view) q.set("view", view);
    const s = q.toString();
    return s ? `?${s}` : "";
  };
  const out: Partial<Record<FlowFormat, string>> = {};
  for (const f of FLOW_FORMATS) out[f] = `${base}.${f}${query()}`;
  return { ...out, map: { svg: `${base}.svg${query("map")}`, png: `${base}.png${query("map")}`, mmd: `${base}.mmd${query("map")}` } };
}

savedRoutes.get("/v1/t/:ref/flow/:user/:protocol/:file", async (c) => {
  const [client, ext] = splitFile(c.req.param("file"));
  markSvg(c, ext);
  const ref = parseRef(c.req.param("ref"));
  if (ext !== undefined && !(FLOW_FORMATS as readonly string[]).includes(ext.toLowerCase())) {
    throw notAcceptable(
      `format ${JSON.stringify(ext.slice(0, 40))} is not available; use ${client}.svg, .png, .mmd, .md or .json`,
      FLOW_FORMATS,
    );
  }
  const rep = negotiate(c, FLOW_FORMATS, ext);
  const stored = await storeOf(c).read(ref.id, ref.version);
  const scenario: Record<string, string> = { user: c.req.param("user"), protocol: c.req.param("protocol"), client };
  for (const k of QUERY_SCENARIO_EXTRA) {
    const v = c.req.query(k);
    if (v) scenario[k] = v;
  }
  const doc = withQueryOptions({ topology: storedTopology(stored.body), scenario }, queryOptions(c));
  const origin = new URL(c.req.url).origin;
  const segments = [c.req.param("user"), c.req.param("protocol"), client].map(encodeURIComponent).join("/");
  const base = `${origin}/v1/t/${c.req.param("ref")}/flow/${segments}`;
  return serveFlow(c, doc, rep, ref.version === undefined ? CACHE_LATEST : CACHE_VERSION, savedLinks(c, base));
});

savedRoutes.get("/v1/t/:ref/:file", async (c) => {
  const [name, ext] = splitFile(c.req.param("file"));
  markSvg(c, ext);
  const ref = parseRef(c.req.param("ref"));
  if (name !== "audit")
    throw notFound(
      [
        `no ${JSON.stringify(c.req.param("file").slice(0, 80))} here; a saved topology has`,
        "flow/{user}/{protocol}/{client}.{svg|png|mmd|md|json} and audit.{md|csv|json}",
      ].join(" "),
    );
  const rep = negotiate(c, AUDIT_FORMATS, ext);
  const stored = await storeOf(c).read(ref.id, ref.version);
  return serveAudit(
    c,
    withQueryOptions({ topology: storedTopology(stored.body) }, auditQueryOptions(c)),
    rep,
    ref.version === undefined ? CACHE_LATEST : CACHE_VERSION,
  );
});
