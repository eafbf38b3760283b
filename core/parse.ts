/**
 * Stage 1: text → plain JSON data. `parseDocument(text, format?)` reads JSON or YAML and returns
 * `Result<unknown>`: objects, arrays, strings, numbers, booleans and null, nothing else (no YAML
 * tags, dates or binary), or `PARSE` / `LIMIT` issues with line and column.
 *
 * Both formats reject duplicate keys and nesting deeper than MAX_DEPTH. Neither is ever handed to
 * a recursive parser unchecked: JSON is pre-scanned for bracket depth, YAML for per-line nesting
 * (the yaml package recurses per level), and the YAML tree is converted with an explicit stack.
 * User keys are only ever written with defineProperty, so `__proto__` stays an ordinary key.
 */
import { MAX_DEPTH, MAX_DOCUMENT_BYTES, MAX_ISSUES } from "./limits.ts";
import { parseYaml } from "./parse-yaml.ts";
import { formatPath } from "./suggest.ts";
import type { Issue, Result } from "./types.ts";

export type InputFormat = "json" | "yaml";
type Path = (string | number)[];

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
  if (typeof text !== "string") return void issues.push({ code: "TYPE", message: `(document): expected text, got ${typeof text}`, path: [] });
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

/** 1-based line and column of a UTF-16 offset. */
function position(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return `line ${line}, column ${offset - lineStart + 1}`;
}

function limitIssue(more: number): Issue {
  return { code: "LIMIT", message: `(document): ${more} more issues not shown (limit ${MAX_ISSUES})`, path: [] };
}

// ---- JSON ---------------------------------------------------------------------------------------

interface JsonFrame {
  array: boolean;
  index: number;
  key: string | undefined;
  expectKey: boolean;
  keys: Set<string>;
}

/**
 * One linear pass over JSON text: the depth check (before JSON.parse sees deep input) and,
 * when `dups` is set (text already known valid), duplicate keys with their paths.
 */
function scanJson(text: string, issues: Issue[], dups: boolean): void {
  const stack: JsonFrame[] = [];
  const pathOf = (): Path => stack.slice(0, -1).map((f) => (f.array ? f.index : (f.key ?? "")));
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const top = stack[stack.length - 1];
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === "\\" ? 2 : 1;
      if (top && !top.array && top.expectKey) {
        const raw = text.slice(i, j + 1);
        // Only the second pass decodes escapes: by then JSON.parse has accepted the text.
        const key = dups && raw.includes("\\") ? (JSON.parse(raw) as string) : raw.slice(1, -1);
        top.key = key;
        if (dups && top.keys.has(key)) {
          const path = [...pathOf(), key];
          issues.push({ code: "PARSE", message: `${formatPath(path)}: duplicate key (${position(text, i)}); a key may appear only once in an object`, path });
        }
        if (dups) top.keys.add(key);
      }
      i = j;
    } else if (c === "{" || c === "[") {
      if (stack.length >= MAX_DEPTH) {
        const path = stack.map((f) => (f.array ? f.index : (f.key ?? "")));
        issues.push({ code: "LIMIT", message: `${formatPath(path)}: nested deeper than the limit of ${MAX_DEPTH} levels (${position(text, i)})`, path });
        return;
      }
      stack.push({ array: c === "[", index: 0, key: undefined, expectKey: true, keys: new Set() });
    } else if (c === "}" || c === "]") {
      stack.pop();
    } else if (c === ":" && top) {
      top.expectKey = false;
    } else if (c === "," && top) {
      if (top.array) top.index++;
      else top.expectKey = true;
    }
  }
}

function parseJson(text: string, issues: Issue[]): unknown {
  scanJson(text, issues, false);
  if (issues.length > 0) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    // V8: "Unexpected token ... in JSON at position 12 (line 1 column 13)"; we add our own position.
    const msg = e instanceof Error ? e.message : String(e);
    const at = /at position (\d+)/.exec(msg);
    const where = at ? position(text, Number(at[1])) : position(text, text.length);
    const what = msg.replace(/,? (?:in JSON )?at position \d+.*$/s, "").slice(0, 200);
    issues.push({ code: "PARSE", message: `${where}: invalid JSON: ${what}`, path: [] });
    return undefined;
  }
  scanJson(text, issues, true);
  return value;
}
