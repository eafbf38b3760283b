/**
 * Stage 2: parsed data → a typed Topology / Scenario / flow request, or every problem at once.
 * In: `unknown` (from parse.ts, or a JS caller). Out: `Result<T>` whose issues carry a path into
 * the input and a message that starts with that path, sorted in input order, at most MAX_ISSUES.
 *
 * Schema problems come from schema.ts (via validate-issues.ts); cross-field problems from
 * validate-rules.ts. Both always run, so a typo in one server does not hide a dangling reference
 * in another. The returned value is zod's fresh copy: no input object is ever handed on.
 */
import { MAX_ISSUES, MAX_SCOPE_PATTERNS, MAX_STRING } from "../limits.ts";
import { auditOptionsSchema, optionsSchema, scenarioSchema, topologySchema, type AuditRequestOptions, type FlowOptions } from "./schema.ts";
import { isObject } from "../../lib/plain.ts";
import { choices, describe, formatPath, listAllowed, quote } from "../../lib/suggest.ts";
import type { Issue, Path, Result, Scenario, Topology } from "../types.ts";
import { checkSchema } from "./issues.ts";
import { namesOf, topologyRules } from "./rules.ts";

/** A validated request, with the preset (if any) resolved to its topology. */
export interface FlowRequest {
  topology: Topology;
  scenario: Scenario;
  options: FlowOptions;
}

/** What validateFlowRequest needs of a preset. */
export interface PresetLike {
  topology: Topology;
}

/** A validated audit request: the topology, the profile and the scope (users, protocols). */
export interface AuditRequest {
  topology: Topology;
  options: AuditRequestOptions;
}

const REQUEST_KEYS = ["topology", "preset", "scenario", "options"];
const AUDIT_KEYS = ["topology", "preset", "options"];

/**
 * Validate a topology: schema, unique names, references, roles, version mix.
 * @example validateTopology(JSON.parse(text)) // { ok: true, value } or { ok: false, issues }
 */
export function validateTopology(input: unknown, path: Path = ["topology"]): Result<Topology> {
  return guarded(input, path, () => topologyIssues(input, path));
}

/** Validate a scenario against a (valid) topology: schema, and the user must exist. */
export function validateScenario(input: unknown, topology: Topology, path: Path = ["scenario"]): Result<Scenario> {
  return guarded(input, path, () =>
    scenarioIssues(
      input,
      topology.users.map((u) => u.name),
      path,
    ),
  );
}

/**
 * Validate `{ topology | preset, scenario, options? }`, resolving `preset` from `presets`.
 * Paths are from the request root (["topology", "servers", 2, "version"]).
 */
export function validateFlowRequest(input: unknown, presets: Readonly<Record<string, PresetLike>>): Result<FlowRequest> {
  return guarded(input, [], () => requestIssues(input, presets));
}

interface Checked<T> {
  value?: T;
  issues: Issue[];
}

function topologyIssues(input: unknown, path: Path): Checked<Topology> {
  const schema = checkSchema(topologySchema, input, path);
  const issues = [...schema.issues, ...topologyRules(input, path)];
  return issues.length > 0 ? { issues } : schema;
}

/** `users`: known user names, or undefined when the topology is too broken to tell. */
function scenarioIssues(input: unknown, users: string[] | undefined, path: Path): Checked<Scenario> {
  const schema = checkSchema(scenarioSchema, input, path);
  const user = isObject(input) && Object.hasOwn(input, "user") ? input.user : undefined;
  // An smtp scenario may start at an address outside the organisation (mail from the Internet); the router checks it.
  const address = typeof user === "string" && user.includes("@") && isObject(input) && input.kind === "smtp";
  if (typeof user === "string" && user !== "" && !address && users !== undefined && !new Set(users).has(user)) {
    const at = [...path, "user"];
    schema.issues.push({
      code: "REFERENCE",
      message: `${formatPath(at)}: no user ${quote(user)}${choices(user, users, "known users")}`,
      path: at,
    });
  }
  return schema.issues.length > 0 ? { issues: schema.issues } : schema;
}

/**
 * Validate `{ topology | preset, options?: { profile?, users?, protocols? } }` (theme, background
 * and view are accepted and ignored). Every name in `users` must match a user of the topology.
 */
export function validateAuditRequest(input: unknown, presets: Readonly<Record<string, PresetLike>>): Result<AuditRequest> {
  return guarded(input, [], () => auditIssues(input, presets));
}

/** Unknown keys, then `topology` or `preset` resolved; shared by the flow and the audit request. */
function sourceIssues(
  input: Record<string, unknown>,
  keys: string[],
  presets: Readonly<Record<string, PresetLike>>,
  issues: Issue[],
): Topology | undefined {
  let unknown = 0;
  for (const key of Object.keys(input)) {
    // Did-you-mean for the first MAX_ISSUES only: no more are shown.
    if (!keys.includes(key))
      issues.push({
        code: "UNKNOWN_FIELD",
        message: `${formatPath([key])}: unknown field${unknown++ < MAX_ISSUES ? choices(key, keys) : ""}`,
        path: [key],
      });
  }
  const has = (k: string) => Object.hasOwn(input, k) && input[k] !== undefined;
  const ids = Object.keys(presets);
  let topology: Topology | undefined;
  if (has("topology") && has("preset")) {
    issues.push({ code: "CONFLICT", message: `preset: give either "topology" or "preset", not both`, path: ["preset"] });
  } else if (!has("topology") && !has("preset")) {
    issues.push({
      code: "REQUIRED",
      message: `topology: required field is missing; give a topology, or "preset" with the id of a built-in one (${listAllowed(ids)})`,
      path: ["topology"],
    });
  }
  if (has("preset")) {
    const id = input.preset;
    if (typeof id !== "string")
      issues.push({
        code: "TYPE",
        message: `preset: expected a string, got ${describe(id)}; built-in presets: ${listAllowed(ids)}`,
        path: ["preset"],
      });
    else if (!Object.hasOwn(presets, id))
      issues.push({
        code: "REFERENCE",
        message: `preset: no preset ${quote(id)}${choices(id, ids, "built-in presets")}`,
        path: ["preset"],
      });
    else if (!has("topology")) topology = presets[id]?.topology;
  }
  if (has("topology")) {
    const t = topologyIssues(input.topology, ["topology"]);
    issues.push(...t.issues);
    topology = t.value;
  }
  return topology;
}

function requestIssues(input: unknown, presets: Readonly<Record<string, PresetLike>>): Checked<FlowRequest> {
  if (!isObject(input)) {
    return {
      issues: [
        {
          code: "TYPE",
          message: `(document): expected an object with "scenario" and "topology" (or "preset"), got ${describe(input)}`,
          path: [],
        },
      ],
    };
  }
  const issues: Issue[] = [];
  const topology = sourceIssues(input, REQUEST_KEYS, presets, issues);
  const has = (k: string) => Object.hasOwn(input, k) && input[k] !== undefined;
  const users = topology
    ? topology.users.map((u) => u.name)
    : has("topology")
      ? namesOf(isObject(input.topology) ? input.topology.users : undefined)
      : undefined;
  let scenario: Scenario | undefined;
  if (!has("scenario")) {
    issues.push({
      code: "REQUIRED",
      message: `scenario: required field is missing; e.g. { "user": "alice", "protocol": "owa", "client": "external" }`,
      path: ["scenario"],
    });
  } else {
    const s = scenarioIssues(input.scenario, users, ["scenario"]);
    issues.push(...s.issues);
    scenario = s.value;
  }
  let options: FlowOptions = {};
  if (has("options")) {
    const o = checkSchema(optionsSchema, input.options, ["options"]);
    issues.push(...o.issues);
    options = o.value ?? {};
  }
  if (issues.length > 0 || !topology || !scenario) return { issues };
  return { value: { topology, scenario, options }, issues };
}

function auditIssues(input: unknown, presets: Readonly<Record<string, PresetLike>>): Checked<AuditRequest> {
  if (!isObject(input)) {
    return {
      issues: [
        {
          code: "TYPE",
          message: `(document): expected an object with "topology" (or "preset") and optional "options", got ${describe(input)}`,
          path: [],
        },
      ],
    };
  }
  const issues: Issue[] = [];
  const topology = sourceIssues(input, AUDIT_KEYS, presets, issues);
  let options: AuditRequestOptions = {};
  if (Object.hasOwn(input, "options") && input.options !== undefined) {
    const o = checkSchema(auditOptionsSchema, input.options, ["options"]);
    issues.push(...o.issues);
    options = o.value ?? {};
    // Read from the raw input, so a bad protocol does not hide a misspelt user.
    const raw = isObject(input.options) ? input.options : {};
    if (topology && Array.isArray(raw.users))
      issues.push(
        ...scopeIssues(
          raw.users,
          topology.users.map((u) => u.name),
        ),
      );
    const protocols = raw.protocols;
    if (Array.isArray(protocols)) {
      const seen = new Set<unknown>();
      protocols.forEach((p: unknown, i: number) => {
        const path = ["options", "protocols", i];
        if (seen.has(p)) issues.push({ code: "DUPLICATE", message: `${formatPath(path)}: protocol ${quote(p)} is listed twice`, path });
        seen.add(p);
      });
    }
  }
  if (issues.length > 0 || !topology) return { issues };
  return { value: { topology, options }, issues };
}

/** Each entry of `options.users` must name a user (or, with `*`, match at least one); did-you-mean for typos. */
function scopeIssues(patterns: readonly unknown[], users: string[]): Issue[] {
  const issues: Issue[] = [];
  const known = new Set(users.map((u) => u.toLowerCase()));
  let wildcards = 0;
  patterns.forEach((pattern, i) => {
    const path = ["options", "users", i];
    if (typeof pattern !== "string" || pattern === "" || pattern.length > MAX_STRING) return; // the schema's issue
    if (pattern.includes("*") && ++wildcards > MAX_SCOPE_PATTERNS) {
      issues.push({
        code: "LIMIT",
        message: `${formatPath(path)}: more than ${MAX_SCOPE_PATTERNS} entries with "*"; combine them or list the names`,
        path,
      });
    } else if (pattern.includes("*")) {
      if (!users.some((u) => userMatches(pattern, u)))
        issues.push({
          code: "REFERENCE",
          message: `${formatPath(path)}: ${quote(pattern)} matches no user; known users: ${listAllowed(users)}`,
          path,
        });
    } else if (!known.has(pattern.toLowerCase())) {
      issues.push({
        code: "REFERENCE",
        message: [
          `${formatPath(path)}: no user`,
          `${quote(pattern)}${issues.length < MAX_ISSUES ? choices(pattern, users, "known users") : ""}`,
        ].join(" "),
        path,
      });
    }
  });
  return issues;
}

/**
 * Does a user-scope entry match a name? Case-insensitive, whole name; `*` is any run of characters,
 * everything else literal. The classic two-pointer wildcard match (back up to the last `*` on a
 * mismatch): at most name x pattern steps, never the exponential backtracking a RegExp could take.
 * @example userMatches("ny-*", "NY-alice") // true
 */
export function userMatches(pattern: string, name: string): boolean {
  const p = pattern.toLowerCase();
  const n = name.toLowerCase();
  let [i, j, star, mark] = [0, 0, -1, 0];
  while (i < n.length) {
    if (j < p.length && p[j] !== "*" && p[j] === n[i]) [i, j] = [i + 1, j + 1];
    else if (j < p.length && p[j] === "*") [star, mark, j] = [j, i, j + 1];
    else if (star >= 0) [j, mark, i] = [star + 1, mark + 1, mark + 1];
    else return false;
  }
  while (p[j] === "*") j++;
  return j === p.length;
}

/**
 * Where a path lies in the input, level by level: array index or key position; missing keys last.
 * Key positions come from `positions`, built once per object: `Object.keys(o).indexOf(k)` per
 * issue made 16,000 unknown keys cost 16,000 scans of 16,000 keys (20 s).
 */
function rank(input: unknown, path: Path, positions: KeyPositions): number[] {
  const out: number[] = [];
  let cur: unknown = input;
  for (const p of path) {
    if (Array.isArray(cur) && typeof p === "number") {
      out.push(p);
      cur = cur[p];
    } else if (isObject(cur)) {
      const keys = positions(cur);
      const i = keys.get(String(p));
      out.push(i ?? keys.size);
      cur = i === undefined ? undefined : cur[String(p)];
    } else {
      out.push(0);
      cur = undefined;
    }
  }
  return out;
}

type KeyPositions = (o: Record<string, unknown>) => Map<string, number>;

/** Key -> position maps, computed on first use per object and kept for one sort. */
function keyPositions(): KeyPositions {
  const cache = new WeakMap<object, Map<string, number>>();
  return (o) => {
    let m = cache.get(o);
    if (!m) {
      m = new Map(Object.keys(o).map((k, i) => [k, i]));
      cache.set(o, m);
    }
    return m;
  };
}

function compareRanks(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return (a[i] ?? 0) - (b[i] ?? 0);
  return a.length - b.length;
}

/**
 * Runs a check, sorts its issues into input order and caps them. A thrown exception (a bug) is
 * reported as an INTERNAL issue instead of escaping into the worker.
 */
function guarded<T>(input: unknown, base: Path, run: () => Checked<T>): Result<T> {
  try {
    const { value, issues } = run();
    if (issues.length === 0 && value !== undefined) return { ok: true, value };
    const positions = keyPositions();
    const ranked = issues.map((issue) => {
      const rel = issue.path.slice(0, base.length).every((p, i) => p === base[i]) ? issue.path.slice(base.length) : issue.path;
      return { issue, rank: rank(input, rel, positions) };
    });
    ranked.sort((a, b) => compareRanks(a.rank, b.rank));
    const sorted = ranked.map((r) => r.issue);
    if (sorted.length > MAX_ISSUES) {
      const more = sorted.length - MAX_ISSUES;
      sorted.splice(MAX_ISSUES, more, {
        code: "LIMIT",
        message: `${formatPath(base)}: ${more} more issues not shown (limit ${MAX_ISSUES})`,
        path: base,
      });
    }
    return {
      ok: false,
      issues:
        sorted.length > 0
          ? sorted
          : [{ code: "INTERNAL", message: `${formatPath(base)}: not valid, but no issue was recorded`, path: base }],
    };
  } catch (e) {
    return {
      ok: false,
      issues: [
        {
          code: "INTERNAL",
          message: `${formatPath(base)}: validation failed unexpectedly (${String(e).slice(0, 200)}); please report this input`,
          path: base,
        },
      ],
    };
  }
}
