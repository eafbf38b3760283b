/**
 * Rendering options from the query string (`profile`, `theme`, `background`, `view`), merged into
 * the request document's `options`. Precedence, as in Kroki: a value in the body wins over the same
 * option in the query; the query fills in what the body leaves out. The core validates the result,
 * so a bad option is a 422 wherever it came from.
 */
import type { AppContext } from "./app-env.ts";

export const QUERY_OPTIONS = ["profile", "theme", "background", "view"] as const;

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/** Audit scope parameters: comma-separated lists (`?users=alice,ny-*&protocols=owa,ews`). */
export const AUDIT_QUERY_OPTIONS = ["users", "protocols"] as const;

/** An empty value (`?profile=`) is the same as leaving the parameter out, on every route. */
export function queryOptions(c: AppContext): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of QUERY_OPTIONS) {
    const v = c.req.query(k);
    if (v !== undefined && v !== "") out[k] = v;
  }
  return out;
}

/** queryOptions plus the audit's scope lists, split on commas (empty entries and repeats dropped: a list here is a set). */
export function auditQueryOptions(c: AppContext): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = queryOptions(c);
  for (const k of AUDIT_QUERY_OPTIONS) {
    const list = [...new Set((c.req.query(k) ?? "").split(",").map((v) => v.trim()).filter(Boolean))];
    if (list.length > 0) out[k] = list;
  }
  return out;
}

/**
 * @example withQueryOptions({ scenario, options: { theme: "dark" } }, { theme: "neutral", profile: "microsoft" })
 *   // -> { scenario, options: { theme: "dark", profile: "microsoft" } }
 */
export function withQueryOptions(doc: unknown, query: Record<string, string | string[]>): unknown {
  if (Object.keys(query).length === 0 || !isObject(doc)) return doc;
  const body = doc.options;
  // A non-object `options` is the body's mistake: leave it for the core to report.
  if (body !== undefined && !isObject(body)) return doc;
  return { ...doc, options: { ...query, ...body } };
}
