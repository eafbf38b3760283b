/**
 * The JSON half of parse.ts: JSON text → plain data, or PARSE / LIMIT issues with line and column.
 *
 * JSON.parse does the parsing (fast, iterative, and it creates `__proto__` as an own property).
 * Around it: a linear pre-scan for depth, a second scan for duplicate keys (JSON.parse silently
 * keeps the last one), and our own syntax checker to say where a rejected document goes wrong.
 */
import { MAX_DEPTH } from "../limits.ts";
import { formatPath } from "../../lib/suggest.ts";
import type { Issue, Path } from "../types.ts";

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
      // The closing quote is the next one not escaped (preceded by an even run of backslashes).
      let j = text.indexOf('"', i + 1);
      while (j !== -1) {
        let k = j - 1;
        while (text.charCodeAt(k) === 92 /* \\ */) k--;
        if ((j - 1 - k) % 2 === 0) break;
        j = text.indexOf('"', j + 1);
      }
      if (j === -1) j = text.length;
      if (top && !top.array && top.expectKey) {
        const raw = text.slice(i, j + 1);
        // Only the second pass decodes escapes: by then JSON.parse has accepted the text.
        const key = dups && raw.includes("\\") ? (JSON.parse(raw) as string) : raw.slice(1, -1);
        top.key = key;
        if (dups && top.keys.has(key)) {
          const path = [...pathOf(), key];
          issues.push({
            code: "PARSE",
            message: `${formatPath(path)}: duplicate key (${position(text, i)}); a key may appear only once in an object`,
            path,
          });
        }
        if (dups) top.keys.add(key);
      }
      i = j;
    } else if (c === "{" || c === "[") {
      if (stack.length >= MAX_DEPTH) {
        const path = stack.map((f) => (f.array ? f.index : (f.key ?? "")));
        issues.push({
          code: "LIMIT",
          message: `${formatPath(path)}: nested deeper than the limit of ${MAX_DEPTH} levels (${position(text, i)})`,
          path,
        });
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

export function parseJson(text: string, issues: Issue[]): unknown {
  // JSON.parse first (native and iterative, so deep text cannot hurt it), then one scan for both
  // depth and duplicate keys; the depth-only scan runs before the syntax check when JSON.parse
  // refuses. The issues are those of the former order (depth, then syntax, then duplicates).
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    scanJson(text, issues, false);
    if (issues.length > 0) return undefined;
    // V8's messages differ between versions and rarely give a position; find the error ourselves.
    const found = syntaxError(text) ?? { offset: text.length, what: (e instanceof Error ? e.message : String(e)).slice(0, 200) };
    issues.push({ code: "PARSE", message: `${position(text, found.offset)}: invalid JSON: ${found.what}`, path: [] });
    return undefined;
  }
  const found: Issue[] = [];
  scanJson(text, found, true);
  const tooDeep = found.find((i) => i.code === "LIMIT");
  issues.push(...(tooDeep ? [tooDeep] : found));
  return tooDeep ? undefined : value;
}

const WS = new Set([" ", "\t", "\n", "\r"]);
const LITERAL = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;
const show = (c: string | undefined) => (c === undefined ? "end of input" : JSON.stringify(c));

/** Where and why JSON.parse rejected `text`: an iterative RFC 8259 checker, run only on failure. */
function syntaxError(text: string): { offset: number; what: string } | undefined {
  const stack: string[] = [];
  let want: "value" | "key" | "colon" | "next" = "value";
  let i = 0;
  // Reads the string that starts at i. Leaves i just past it and returns undefined, or leaves i at
  // the offending character and returns what is wrong there.
  const stopAt = (at: number, what: string): string => {
    i = at;
    return what;
  };
  const string = (): string | undefined => {
    for (let j = i + 1; j < text.length; j++) {
      const c = text[j] ?? "";
      if (c === '"') {
        i = j + 1;
        return undefined;
      }
      if (c < " ") return stopAt(j, "control character in a string; escape it (\\n, \\t, \\u0000)");
      if (c === "\\" && !/^(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/.test(text.slice(j + 1, j + 6))) return stopAt(j, "invalid escape in a string");
      if (c === "\\") j++;
    }
    return stopAt(text.length, "unterminated string");
  };
  for (;;) {
    while (WS.has(text[i] ?? "")) i++;
    const c = text[i];
    if (c === undefined) return want === "next" && stack.length === 0 ? undefined : { offset: i, what: "unexpected end of input" };
    if (want === "value") {
      if (c === "{" || c === "[") {
        stack.push(c);
        i++;
        while (WS.has(text[i] ?? "")) i++;
        if (text[i] === (c === "{" ? "}" : "]")) {
          stack.pop();
          i++;
          want = "next";
        } else want = c === "{" ? "key" : "value";
        continue;
      }
      if (c === '"') {
        const e = string();
        if (e) return { offset: i, what: e };
        want = "next";
        continue;
      }
      LITERAL.lastIndex = i;
      if (!LITERAL.test(text))
        return {
          offset: i,
          what: `unexpected ${show(c)}; expected a value (a string in double quotes, number, true, false, null, object or array)`,
        };
      i = LITERAL.lastIndex;
      want = "next";
    } else if (want === "key") {
      if (c !== '"')
        return { offset: i, what: c === "}" ? "trailing comma before }" : `unexpected ${show(c)}; expected a key in double quotes` };
      const e = string();
      if (e) return { offset: i, what: e };
      want = "colon";
    } else if (want === "colon") {
      if (c !== ":") return { offset: i, what: `unexpected ${show(c)}; expected ':' after the key` };
      i++;
      want = "value";
    } else {
      const top = stack[stack.length - 1];
      const close = top === "{" ? "}" : "]";
      if (top === undefined) return { offset: i, what: `unexpected ${show(c)} after the end of the document` };
      if (c === ",") {
        i++;
        while (WS.has(text[i] ?? "")) i++;
        if (text[i] === close) return { offset: i, what: `trailing comma before ${close}` };
        want = top === "{" ? "key" : "value";
      } else if (c === close) {
        stack.pop();
        i++;
      } else return { offset: i, what: `unexpected ${show(c)}; expected ',' or '${close}'` };
    }
  }
}
