/**
 * Request document -> validated request, throwing the worker's problems: unreadable text is a 400
 * (with the parser's issues), an invalid topology, scenario or option a 422 (with the validator's).
 */
import {
  audit as auditTopology,
  auditRowCount,
  auditScope,
  compile,
  parseDocument,
  presets,
  validateAuditRequest as validateAudit,
  type Audit,
  type AuditRequest,
  type Compiled,
  type InputFormat,
} from "../core/index.ts";
import { auditTooLarge, invalidInput, unreadable } from "./errors.ts";
import { MAX_AUDIT_ROWS } from "./limits.ts";

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

/** `{ topology | preset, options? }` -> the validated audit request; 422 with every issue otherwise. */
export function validateAuditRequest(doc: unknown): AuditRequest {
  const request = validateAudit(doc, presets);
  if (!request.ok) throw invalidInput(request.issues);
  return request.value;
}

/**
 * The audit, when its size is inside MAX_AUDIT_ROWS (counted before routing anything); otherwise
 * a 413 that says how to get it: the CLI, or a smaller scope.
 */
export function runAudit(request: AuditRequest): Audit {
  const { topology, options } = request;
  const rows = auditRowCount(topology, options);
  if (rows > MAX_AUDIT_ROWS) {
    const { users, protocols } = auditScope(topology, options);
    throw auditTooLarge(rows, users.length, protocols.length);
  }
  return auditTopology(topology, options);
}
