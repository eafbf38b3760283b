/**
 * Built-in topologies for runbooks: GET /v1/presets (ids, titles, scenario names and links),
 * GET /v1/presets/{id} (the topology and its named scenarios), GET /v1/presets/{id}/{scenario}.{svg|mmd|md|json}
 * and GET /v1/presets/{id}/audit.{json|md|csv}, all with `?profile=&theme=&background=`.
 * Cached for an hour (+ a day stale-while-revalidate): a deploy may change what a preset draws.
 */
import { Hono } from "hono/tiny";
import { AUDIT_FORMATS, FLOW_FORMATS, presets, type Preset } from "../../core/index.ts";
import type { AppContext, AppEnv, AuditFormat, FlowFormat } from "../app-env.ts";
import { notAcceptable, notFound } from "../errors.ts";
import { contentTypeOf, negotiate, type Negotiated } from "../negotiate.ts";
import { auditQueryOptions, queryOptions, withQueryOptions } from "../options.ts";
import { CACHE_PRESET, respond } from "../respond.ts";
import { serveFlow } from "../serve-flow.ts";
import { serveAudit } from "./audit.ts";

export const presetRoutes = new Hono<AppEnv>();

const JSON_REP: Negotiated<"json"> = { format: "json", contentType: contentTypeOf("json"), varyAccept: false };
const ids = (): string[] => Object.keys(presets);

function presetOf(id: string): Preset {
  const preset = Object.hasOwn(presets, id) ? presets[id] : undefined;
  if (!preset) throw notFound(`no preset ${JSON.stringify(id.slice(0, 80))}; built-in presets: ${ids().join(", ")}`, ids());
  return preset;
}

function scenarioLinks(base: string, name: string): Record<FlowFormat, string> {
  const enc = encodeURIComponent(name);
  return {
    svg: `${base}/${enc}.svg`,
    png: `${base}/${enc}.png`,
    mmd: `${base}/${enc}.mmd`,
    md: `${base}/${enc}.md`,
    json: `${base}/${enc}.json`,
  };
}

const auditLinks = (base: string): Record<AuditFormat, string> => ({
  json: `${base}/audit.json`,
  md: `${base}/audit.md`,
  csv: `${base}/audit.csv`,
});

function summary(origin: string, p: Preset) {
  const base = `${origin}/v1/presets/${encodeURIComponent(p.id)}`;
  return {
    id: p.id,
    title: p.title,
    description: p.description,
    links: { self: base, audit: auditLinks(base) },
    scenarios: Object.entries(p.scenarios).map(([name, s]) => ({ name, title: s.title, links: scenarioLinks(base, name) })),
  };
}

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
const originOf = (c: AppContext): string => new URL(c.req.url).origin;

presetRoutes.get("/v1/presets", (c) => {
  const origin = originOf(c);
  return respond(c, { presets: ids(), origin }, JSON_REP, CACHE_PRESET, () =>
    json({ presets: Object.values(presets).map((p) => summary(origin, p)) }),
  );
});

presetRoutes.get("/v1/presets/:id", (c) => {
  const p = presetOf(c.req.param("id"));
  const origin = originOf(c);
  return respond(c, { preset: p.id, origin }, JSON_REP, CACHE_PRESET, () => {
    const base = `${origin}/v1/presets/${encodeURIComponent(p.id)}`;
    const scenarios = Object.fromEntries(
      Object.entries(p.scenarios).map(([name, s]) => [name, { title: s.title, scenario: s.scenario, links: scenarioLinks(base, name) }]),
    );
    return json({
      id: p.id,
      title: p.title,
      description: p.description,
      topology: p.topology,
      scenarios,
      links: { self: base, audit: auditLinks(base) },
    });
  });
});

/** `name.ext` -> [name, ext]; ext is undefined when there is no dot (the format is then negotiated). */
function splitFile(file: string): [string, string | undefined] {
  const dot = file.lastIndexOf(".");
  return dot > 0 ? [file.slice(0, dot), file.slice(dot + 1)] : [file, undefined];
}

presetRoutes.get("/v1/presets/:id/:file", async (c) => {
  const [name, ext] = splitFile(c.req.param("file"));
  const lower = ext?.toLowerCase();
  if (lower === "svg" || lower === "png") c.set("format", lower); // errors below become an SVG card
  const p = presetOf(c.req.param("id"));
  if (name === "audit") {
    const rep = negotiate(c, AUDIT_FORMATS, ext);
    return serveAudit(c, withQueryOptions({ preset: p.id }, auditQueryOptions(c)), rep, CACHE_PRESET);
  }
  const entry = Object.hasOwn(p.scenarios, name) ? p.scenarios[name] : undefined;
  if (!entry) {
    const names = Object.keys(p.scenarios);
    throw notFound(`preset ${p.id} has no scenario ${JSON.stringify(name.slice(0, 80))}; scenarios: ${names.join(", ")} (or audit)`, names);
  }
  if (ext !== undefined && !(FLOW_FORMATS as readonly string[]).includes(ext.toLowerCase())) {
    throw notAcceptable(
      `format ${JSON.stringify(ext.slice(0, 40))} is not available; use ${name}.svg, .png, .mmd, .md or .json`,
      FLOW_FORMATS,
    );
  }
  const rep = negotiate(c, FLOW_FORMATS, ext);
  return serveFlow(c, withQueryOptions({ preset: p.id, scenario: entry.scenario }, queryOptions(c)), rep, CACHE_PRESET);
});
