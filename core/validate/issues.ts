/**
 * zod issues → our Issues. In: the zod error of one `safeParse`, the input it read, the schema and
 * the path of that input in the document. Out: `{ code, message, path }` with stable codes
 * (REQUIRED, TYPE, UNKNOWN_FIELD, ENUM, EMPTY, LIMIT, HOST, URL, FORMAT, INVALID) and messages that
 * start with the readable path and say what is allowed. One zod issue about several unknown keys
 * becomes one issue per key, each with its own did-you-mean.
 */
import type * as z from "zod/mini";
import { MAX_ISSUES } from "../limits.ts";
import { choices, describe, formatPath, quote } from "../../lib/suggest.ts";
import type { Issue, Path } from "../types.ts";

type ZodIssue = z.core.$ZodIssue;

/** The value at `path` inside `root`, reading own properties only. */
export function valueAt(root: unknown, path: readonly PropertyKey[]): { found: boolean; value: unknown } {
  let cur: unknown = root;
  for (const p of path) {
    if (cur === null || typeof cur !== "object" || !Object.hasOwn(cur, p)) return { found: false, value: undefined };
    cur = (cur as Record<PropertyKey, unknown>)[p];
  }
  return { found: true, value: cur };
}

/** Field names an object schema allows at `path` (through optional, array and union wrappers). */
export function allowedKeys(schema: z.ZodMiniType, path: readonly PropertyKey[]): string[] {
  let s: z.core.$ZodType | undefined = schema;
  const unwrap = () => {
    while (s && (s._zod.def.type === "optional" || s._zod.def.type === "nullable" || s._zod.def.type === "default"))
      s = (s._zod.def as unknown as { innerType: z.core.$ZodType }).innerType;
  };
  const shapeOf = (): Record<string, z.core.$ZodType> | undefined =>
    s?._zod.def.type === "object" ? (s._zod.def as z.core.$ZodObjectDef).shape : undefined;
  for (const p of path) {
    unwrap();
    if (s?._zod.def.type === "array") s = (s._zod.def as z.core.$ZodArrayDef).element;
    else s = Object.hasOwn(shapeOf() ?? {}, p) ? shapeOf()?.[p as string] : undefined;
  }
  unwrap();
  return Object.keys(shapeOf() ?? {});
}

const EXPECTED: Partial<Record<string, string>> = {
  array: "a list",
  object: "an object",
  string: "a string",
  number: "a number",
  boolean: "true or false",
};
/** Exchange build majors people type in place of the product version. */
const BUILD_MAJOR = new Map<unknown, string>([
  [8, "2007"],
  [14, "2010"],
  [15, "2013, 2016 or 2019 (builds 15.0, 15.1, 15.2)"],
  [15.1, "2016"],
  [15.2, "2019"],
]);

function versionHint(v: unknown): string {
  if (typeof v === "string" && /^\s*\d{4}\s*$/.test(v)) return `; write the number without quotes: version: ${v.trim()}`;
  const major = BUILD_MAJOR.get(typeof v === "string" ? Number(v.replace(/^v/i, "")) : v);
  return major ? `; that looks like a build number, which is Exchange ${major}` : "";
}

const ROLE_WORDS = new Map([
  ["clientaccess", 'Client Access is "cas"'],
  ["client access", 'Client Access is "cas"'],
  ["mbx", 'Mailbox is "mailbox"'],
  ["hub", "Hub Transport takes no part in client access; leave it out"],
  ["hubtransport", "Hub Transport takes no part in client access; leave it out"],
  ["edge", "Edge Transport takes no part in client access; leave it out"],
  ["um", "Unified Messaging takes no part in client access; leave it out"],
]);

function enumMessage(p: string, path: Path, value: unknown, values: readonly unknown[]): string {
  const allowed = values.map((v) => String(v));
  let extra = "";
  if (path[path.length - 1] === "version") extra = versionHint(value);
  const role = path[path.length - 2] === "roles" && typeof value === "string" ? ROLE_WORDS.get(value.toLowerCase()) : undefined;
  if (role !== undefined) extra = `; ${role}`;
  return [
    `${p}: ${quote(value)} is not`,
    `allowed${extra}${extra ? `; allowed: ${allowed.join(", ")}` : choices(value, allowed, "allowed", 30)}`,
  ].join(" ");
}

function one(iss: ZodIssue, input: unknown, base: Path, schema: z.ZodMiniType): Issue[] {
  const rel = iss.path as PropertyKey[];
  const path: Path = [...base, ...rel.map((k) => (typeof k === "symbol" ? String(k) : k))];
  const p = formatPath(path);
  const { found, value } = valueAt(input, rel);
  if (!found && iss.code === "invalid_value") {
    return [{ code: "REQUIRED", message: `${p}: required field is missing (one of: ${iss.values.map(String).join(", ")})`, path }];
  }
  switch (iss.code) {
    case "unrecognized_keys": {
      const allowed = allowedKeys(schema, rel);
      // Did-you-mean only for the first MAX_ISSUES keys: no more are shown, and 16,000 unknown keys
      // would otherwise cost 16,000 x (allowed keys) edit distances.
      return iss.keys.map((key, i) => ({
        code: "UNKNOWN_FIELD",
        message: `${formatPath([...path, key])}: unknown field${i < MAX_ISSUES ? choices(key, allowed, "allowed", 30) : ""}`,
        path: [...path, key],
      }));
    }
    case "invalid_type": {
      if (!found)
        return [{ code: "REQUIRED", message: `${p}: required field is missing (${EXPECTED[iss.expected] ?? iss.expected})`, path }];
      let extra = "";
      if (iss.expected === "array" && typeof value === "string") extra = `; write a list, e.g. [${quote(value)}]`;
      if (path[path.length - 1] === "version") extra = versionHint(value);
      return [{ code: "TYPE", message: `${p}: expected ${EXPECTED[iss.expected] ?? iss.expected}, got ${describe(value)}${extra}`, path }];
    }
    case "invalid_value":
      return [{ code: "ENUM", message: enumMessage(p, path, value, iss.values), path }];
    case "too_small":
      return [
        { code: "EMPTY", message: `${p}: ${iss.origin === "array" ? `must list at least ${iss.minimum}` : "must not be empty"}`, path },
      ];
    case "too_big": {
      const what =
        iss.origin === "array"
          ? `has more than the limit of ${iss.maximum} entries`
          : `is longer than the limit of ${iss.maximum} characters`;
      return [{ code: "LIMIT", message: `${p}: ${what}`, path }];
    }
    case "custom": {
      const code = typeof iss.params?.code === "string" ? iss.params.code : "INVALID";
      return [{ code, message: `${p}: ${iss.message}`, path }];
    }
    default:
      return [{ code: "INVALID", message: `${p}: ${iss.message}`, path }];
  }
}

/**
 * Parse `input` with `schema`; on failure, every problem as an Issue under `base`.
 * @example checkSchema(scenarioSchema, { user: "alice" }, ["scenario"]) // issues for protocol and client
 */
export function checkSchema<T>(schema: z.ZodMiniType<T>, input: unknown, base: Path): { value?: T; issues: Issue[] } {
  const r = schema.safeParse(input);
  if (r.success) return { value: r.data, issues: [] };
  const issues = r.error.issues.flatMap((iss) => one(iss, input, base, schema));
  // zod still runs length checks on a value of the wrong type; the TYPE issue says it all.
  const typed = new Set(issues.filter((i) => i.code === "TYPE" || i.code === "REQUIRED").map((i) => JSON.stringify(i.path)));
  return { issues: issues.filter((i) => i.code === "TYPE" || i.code === "REQUIRED" || !typed.has(JSON.stringify(i.path))) };
}
