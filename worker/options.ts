/**
 * Options from the query string (every flow option of the core's option table: `profile`, `theme`,
 * `view`, `scale` ...; the audit adds its scope), merged into the request document's `options`,
 * and the scenario from the query (`user`, `protocol`, `client`, `host`, `kind`, `target`, `app`)
 * merged into its `scenario`. Precedence, as in Kroki: a value in the body wins over the same one
 * in the query; the query fills in what the body leaves out. A body
 * that is a bare topology (what `exflow presets o365info` prints: `sites`/`servers` at the top, no
 * `topology` or `preset` key) is taken as `{ topology: body }`, so a topology file can be posted as
 * it is. The core validates the result, so a bad value is a 422 wherever it came from.
 */
import { AUDIT_OPTION_NAMES, fromQuery, OPTION_NAMES, type OptionName } from "../core/index.ts";
import { isObject } from "../lib/plain.ts";
import type { AppContext } from "./app-env.ts";

export const QUERY_SCENARIO = ["user", "protocol", "client", "host", "kind", "target", "app"] as const;
/** What a saved topology's flow URL takes from the query (user, protocol and client are in its path). */
export const QUERY_SCENARIO_EXTRA = QUERY_SCENARIO.slice(3);

/** An empty value (`?profile=`) is the same as leaving the parameter out, on every route. */
function fromQueryString(c: AppContext, names: readonly OptionName[]): Record<string, string | number | string[]> {
  const out: Record<string, string | number | string[]> = {};
  for (const k of names) {
    const v = c.req.query(k);
    if (v === undefined || v === "") continue;
    const value = fromQuery(k, v);
    if (!Array.isArray(value) || value.length > 0) out[k] = value;
  }
  return out;
}

/** The flow request's options from the query (the core's option table names them and their types). */
export const queryOptions = (c: AppContext): Record<string, string | number | string[]> => fromQueryString(c, OPTION_NAMES);

/** queryOptions plus the audit's scope lists, split on commas (empty entries and repeats dropped: a list here is a set). */
export const auditQueryOptions = (c: AppContext): Record<string, string | number | string[]> => fromQueryString(c, AUDIT_OPTION_NAMES);

/**
 * @example withQueryOptions({ scenario, options: { theme: "dark" } }, { theme: "neutral", profile: "microsoft" })
 *   // -> { scenario, options: { theme: "dark", profile: "microsoft" } }
 */
export function withQueryOptions(doc: unknown, query: Record<string, unknown>): unknown {
  if (Object.keys(query).length === 0 || !isObject(doc)) return doc;
  const body = doc.options;
  // A non-object `options` is the body's mistake: leave it for the core to report.
  if (body !== undefined && !isObject(body)) return doc;
  return { ...doc, options: { ...query, ...body } };
}

/** `sites` or `servers` at the top and no `topology`/`preset`: the document is a topology file. */
export function isBareTopology(doc: unknown): doc is Record<string, unknown> {
  return isObject(doc) && !("topology" in doc) && !("preset" in doc) && ("servers" in doc || "sites" in doc);
}

/** The request document with a bare topology wrapped and the query's scenario fields filled in. */
export function withQueryScenario(doc: unknown, c: AppContext): unknown {
  const request = isBareTopology(doc) ? { topology: doc } : doc;
  const query: Record<string, string> = {};
  for (const k of QUERY_SCENARIO) {
    const v = c.req.query(k);
    if (v !== undefined && v !== "") query[k] = v;
  }
  if (Object.keys(query).length === 0 || !isObject(request)) return request;
  const body = request.scenario;
  if (body !== undefined && !isObject(body)) return request;
  return { ...request, scenario: { ...query, ...body } };
}

/** A flow request as the routes read it: body (or encoded URL) + query scenario + query options. */
export const flowRequestOf = (doc: unknown, c: AppContext): unknown => withQueryOptions(withQueryScenario(doc, c), queryOptions(c));

/** An audit request: a bare topology wrapped, then the query's options and scope (`users`, `protocols`). */
export const auditRequestOf = (doc: unknown, c: AppContext): unknown =>
  withQueryOptions(isBareTopology(doc) ? { topology: doc } : doc, auditQueryOptions(c));
