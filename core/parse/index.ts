/**
 * Stage 1: text → plain JSON data. `parseDocument(text, format?)` reads JSON or YAML and returns
 * `Result<unknown>`: objects, arrays, strings, numbers, booleans and null, nothing else (no YAML
 * tags, dates or binary), or `PARSE` / `LIMIT` issues with line and column.
 *
 * This file checks what both formats share (type, size in UTF-8 bytes before anything else,
 * empty text, format detection, the issue cap); parse-json.ts and parse-yaml.ts do the rest.
 * Both reject duplicate keys and nesting deeper than MAX_DEPTH, and neither hands deep input to
 * a recursive parser. `__proto__` stays an ordinary own key, never a prototype.
 */
import { MAX_DOCUMENT_BYTES, MAX_ISSUES } from "../limits.ts";
import { parseJson } from "./json.ts";
import { parseYaml } from "./yaml.ts";
import type { Issue, Result } from "../types.ts";

export type InputFormat = "json" | "yaml";

/**
 * Parse a JSON or YAML document. Without `format`, text starting with `{` or `[` is JSON.
 * @example parseDocument("scenario: {user: alice}") // { ok: true, value: { scenario: { user: "alice" } } }
 */
export function parseDocument(text: string, format?: InputFormat): Result<unknown> {
  try {
    const issues: Issue[] = [];
    const value = parse(text, format, issues);
    if (issues.length > MAX_ISSUES) issues.splice(MAX_ISSUES, issues.length, limitIssue(issues.length - MAX_ISSUES));
    return issues.length > 0 ? { ok: false, issues } : { ok: true, value };
  } catch (e) {
    // Last resort: a bug here must become an issue, never a crashed request.
    return { ok: false, issues: [{ code: "INTERNAL", message: `(document): could not be read (${String(e).slice(0, 200)})`, path: [] }] };
  }
}

function parse(text: string, format: InputFormat | undefined, issues: Issue[]): unknown {
  if (typeof text !== "string")
    return void issues.push({ code: "TYPE", message: `(document): expected text, got ${typeof text}`, path: [] });
  // UTF-8 is never shorter than UTF-16 code units, so the cheap check catches the huge cases.
  if (text.length > MAX_DOCUMENT_BYTES || utf8Length(text) > MAX_DOCUMENT_BYTES) {
    return void issues.push({ code: "LIMIT", message: `(document): larger than the limit of ${MAX_DOCUMENT_BYTES} bytes`, path: [] });
  }
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const start = src.trimStart();
  if (start === "") return void issues.push({ code: "PARSE", message: "(document): empty; expected a JSON or YAML object", path: [] });
  const fmt = format ?? (start[0] === "{" || start[0] === "[" ? "json" : "yaml");
  return fmt === "json" ? parseJson(src, issues) : parseYaml(src, issues);
}

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 || (c >= 0xd800 && c < 0xe000) ? 2 : 3; // a surrogate pair is 2 + 2
  }
  return n;
}

function limitIssue(more: number): Issue {
  return { code: "LIMIT", message: `(document): ${more} more issues not shown (limit ${MAX_ISSUES})`, path: [] };
}
