/**
 * Request document -> validated request, throwing the worker's problems: unreadable text is a 400
 * (with the parser's issues), an invalid topology, scenario or option a 422 (with the validator's).
 */
import { audit as auditTopology, type Audit, compile, type Compiled, type InputFormat, isObject, type Issue, parseDocument, presets, type Profile, PROFILES, type Topology, validateTopology } from "../core/index.ts";
import { invalidInput, unreadable } from "./errors.ts";

export function parseInput(text: string, format?: InputFormat): unknown {
  const doc = parseDocument(text, format);
  if (!doc.ok) {
    const what = format === "json" ? "JSON" : format === "yaml" ? "YAML" : "JSON or YAML";
    throw unreadable(`the request is not readable ${what}: ${doc.issues[0]?.message ?? "parse error"}`, doc.issues);
  }
  return doc.value;
}

export function compileInput(doc: unknown): Compiled {
  const compiled = compile(doc);
  if (!compiled.ok) throw invalidInput(compiled.issues);
  return compiled.value;
}

export interface AuditRequest {
  topology: Topology;
  options: { profile?: Profile };
}

const AUDIT_KEYS = ["topology", "preset", "options"];

/**
 * `{ topology | preset, options?: { profile? } }`. The rendering options of a flow request
 * (theme, background, view) are accepted and ignored, so one document can serve both routes.
 * TODO: move into core/validate.ts as validateAuditRequest once the core exports one.
 */
export function validateAuditRequest(input: unknown): AuditRequest {
  if (!isObject(input)) throw invalidInput([{ code: "TYPE", message: `(document): expected an object with "topology" (or "preset") and optional "options"`, path: [] }]);
  const issues: Issue[] = [];
  for (const key of Object.keys(input)) {
    if (!AUDIT_KEYS.includes(key)) issues.push({ code: "UNKNOWN_FIELD", message: `${key}: unknown field; allowed: ${AUDIT_KEYS.join(", ")}`, path: [key] });
  }
  const ids = Object.keys(presets);
  let topology: Topology | undefined;
  if (input.topology !== undefined && input.preset !== undefined) {
    issues.push({ code: "CONFLICT", message: `preset: give either "topology" or "preset", not both`, path: ["preset"] });
  } else if (input.preset !== undefined) {
    const id = input.preset;
    if (typeof id === "string" && Object.hasOwn(presets, id)) topology = presets[id]?.topology;
    else issues.push({ code: "REFERENCE", message: `preset: no preset ${JSON.stringify(id)}; built-in presets: ${ids.join(", ")}`, path: ["preset"] });
  } else if (input.topology !== undefined) {
    const t = validateTopology(input.topology);
    if (t.ok) topology = t.value;
    else issues.push(...t.issues);
  } else {
    issues.push({ code: "REQUIRED", message: `topology: required field is missing; give a topology, or "preset" with the id of a built-in one (${ids.join(", ")})`, path: ["topology"] });
  }
  const options = input.options;
  let profile: Profile | undefined;
  if (options !== undefined && !isObject(options)) {
    issues.push({ code: "TYPE", message: "options: expected an object", path: ["options"] });
  } else if (options?.profile !== undefined) {
    const p = options.profile;
    if ((PROFILES as readonly unknown[]).includes(p)) profile = p as Profile;
    else issues.push({ code: "ENUM", message: `options.profile: expected one of ${PROFILES.join(", ")}`, path: ["options", "profile"] });
  }
  if (issues.length > 0 || !topology) throw invalidInput(issues);
  return { topology, options: profile ? { profile } : {} };
}

export function runAudit(request: AuditRequest): Audit {
  return auditTopology(request.topology, request.options);
}
