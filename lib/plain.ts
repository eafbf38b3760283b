/** Small helpers over parsed JSON/YAML data, shared by the core, the worker and the CLI. */

/** A plain object (not null, not an array): what a JSON or YAML mapping parses to. */
export function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}
