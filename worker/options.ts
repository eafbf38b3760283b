/**
 * Rendering options from the query string (`profile`, `theme`, `background`, `view`), merged into
 * the request document's `options`. Precedence, as in Kroki: a value in the body wins over the same
 * option in the query; the query fills in what the body leaves out. The core validates the result,
 * so a bad option is a 422 wherever it came from.
 */
import { isObject, OPTION_NAMES } from "../core/index.ts";
import type { AppContext } from "./app-env.ts";

export function queryOptions(c: AppContext): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of OPTION_NAMES) {
    const v = c.req.query(k);
    if (v !== undefined && v !== "") out[k] = v;
  }
  return out;
}

/**
 * @example withQueryOptions({ scenario, options: { theme: "dark" } }, { theme: "neutral", profile: "microsoft" })
 *   // -> { scenario, options: { theme: "dark", profile: "microsoft" } }
 */
export function withQueryOptions(doc: unknown, query: Record<string, string>): unknown {
  if (Object.keys(query).length === 0 || !isObject(doc)) return doc;
  const body = doc.options;
  // A non-object `options` is the body's mistake: leave it for the core to report.
  if (body !== undefined && !isObject(body)) return doc;
  return { ...doc, options: { ...query, ...body } };
}
