/**
 * parseDocument: both formats, format detection, and every guard (size, depth, duplicate keys,
 * YAML aliases and tags, prototype keys), each asserting code, path and the message's key words.
 */
import { describe, expect, it } from "vitest";
import { MAX_DOCUMENT_BYTES } from "../../core/limits.ts";
import { parseDocument, type InputFormat } from "../../core/parse/index.ts";

const deepJson = (n: number) => "[".repeat(n) + "]".repeat(n);

describe("parseDocument reads", () => {
  it.each<[string, string, InputFormat | undefined, unknown]>([
    ["JSON object", '{"a": [1, "x", true, null]}', undefined, { a: [1, "x", true, null] }],
    ["JSON array after whitespace", "\n  [1]", undefined, [1]],
    ["YAML mapping", "a:\n  - 1\n  - x\nb: yes\nc: ~\n", undefined, { a: [1, "x"], b: "yes", c: null }],
    ["YAML flow mapping (not JSON: starts with a letter)", "scenario: {user: alice}", undefined, { scenario: { user: "alice" } }],
    ["JSON given as YAML", '{"a": 1}', "yaml", { a: 1 }],
    ["a byte-order mark", '\uFEFF{"a": 1}', undefined, { a: 1 }],
    ["CRLF line ends", "a: 1\r\nb: 2\r\n", undefined, { a: 1, b: 2 }],
    [
      "YAML 1.2 core types only: dates and 'yes' stay strings, 0x10 is 16",
      "d: 2001-12-14\ne: yes\nh: 0x10",
      undefined,
      { d: "2001-12-14", e: "yes", h: 16 },
    ],
    ["explicit core tags", "v: !!str 2013", undefined, { v: "2013" }],
    ["an alias to an earlier anchor", "a: &u {owa: x}\nb: *u", undefined, { a: { owa: "x" }, b: { owa: "x" } }],
    ["64 levels of JSON", deepJson(64), undefined, JSON.parse(deepJson(64))],
  ])("%s", (_name, text, format, value) => {
    expect(parseDocument(text, format)).toEqual({ ok: true, value });
  });

  it("keeps __proto__ as an ordinary key in JSON and YAML, without touching any prototype", () => {
    for (const text of ['{"__proto__": {"polluted": 1}}', "__proto__: {polluted: 1}", "constructor: {prototype: {polluted: 1}}"]) {
      const r = parseDocument(text);
      expect(r.ok).toBe(true);
      const v = r.ok ? (r.value as object) : {};
      expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
      expect(Object.keys(v)).toHaveLength(1);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }
  });
});

interface Bad {
  name: string;
  text: string;
  format?: InputFormat;
  code: string;
  path?: (string | number)[];
  words: string[];
}

const bad: Bad[] = [
  {
    name: "JSON trailing comma",
    text: '{\n  "a": [1, 2,]\n}',
    code: "PARSE",
    path: [],
    words: ["line 2, column 14: invalid JSON: trailing comma before ]"],
  },
  { name: "JSON single quotes", text: "{'a': 1}", code: "PARSE", path: [], words: ["line 1, column 2", "expected a key in double quotes"] },
  { name: "JSON missing colon", text: '{"a" 1}', code: "PARSE", path: [], words: ["line 1, column 6", "expected ':'"] },
  { name: "JSON unterminated string", text: '{"a": "x\n}', code: "PARSE", path: [], words: ["line 1, column 9", "control character"] },
  { name: "JSON bad escape", text: '["\\x"]', code: "PARSE", path: [], words: ["line 1, column 3", "invalid escape"] },
  { name: "JSON text after the end", text: '{"a": 1} x', code: "PARSE", path: [], words: ["line 1, column 10", "after the end"] },
  { name: "JSON bare word", text: '{"a": yes}', code: "PARSE", path: [], words: ["line 1, column 7", "expected a value"] },
  { name: "truncated JSON", text: '{"a": 1', code: "PARSE", path: [], words: ["line 1, column 8", "invalid JSON"] },
  { name: "YAML syntax", text: "a: [1, 2\nb: 3", code: "PARSE", path: [], words: ["line 2, column 1"] },
  { name: "YAML tab indentation", text: "a:\n\tb: 1", code: "PARSE", path: [], words: ["line 2", "Tabs"] },
  {
    name: "duplicate JSON key",
    text: '{"servers": [{"name": "a", "name": "b"}]}',
    code: "PARSE",
    path: ["servers", 0, "name"],
    words: ["servers[0].name: duplicate key", "line 1, column 28"],
  },
  {
    name: "duplicate JSON key spelt with escapes",
    text: '{"ab": 1, "a\\u0062": 2}',
    code: "PARSE",
    path: ["ab"],
    words: ["duplicate key"],
  },
  {
    name: "duplicate YAML key",
    text: "sites:\n  - name: a\n    name: b",
    code: "PARSE",
    path: ["sites", 0, "name"],
    words: ["sites[0].name: duplicate key", "line 3, column 5"],
  },
  { name: "empty text", text: "  \n", code: "PARSE", path: [], words: ["empty"] },
  { name: "comments only", text: "# nothing here\n", code: "PARSE", path: [], words: ["no content"] },
  { name: "two YAML documents", text: "a: 1\n---\nb: 2", code: "PARSE", path: [], words: ["more than one YAML document"] },
  { name: "YAML 1.1 binary tag", text: "a: !!binary aGVsbG8=", code: "PARSE", path: [], words: ["tags", "not supported"] },
  { name: "custom tag", text: "a: !Ref x", code: "PARSE", path: [], words: ["line 1, column 4", "tags"] },
  { name: "list as a key", text: "? [a, b]\n: 1", code: "PARSE", path: [], words: ["plain strings"] },
  { name: "alias without anchor", text: "a: *nope", code: "PARSE", path: ["a"], words: ["*nope", "no anchor"] },
  { name: "alias to its own parent", text: "a: &x [1, *x]", code: "PARSE", path: ["a", 1], words: ["*x", "contains it"] },
  { name: "billion laughs", text: laughs(), code: "LIMIT", words: ["aliases expand to more than"] },
  {
    name: "too many aliases",
    text: `a: &a 1\nb: [${Array(101).fill("*a").join(", ")}]`,
    code: "LIMIT",
    path: ["b", 100],
    words: ["more than 100 aliases"],
  },
  { name: "JSON nested 65 deep", text: deepJson(65), code: "LIMIT", words: ["deeper than the limit of 64"] },
  { name: "JSON nested a million deep", text: deepJson(500_000), code: "LIMIT", words: ["deeper than the limit of 64"] },
  { name: "YAML flow nested 65 deep", text: `a: ${deepJson(65)}`, code: "LIMIT", words: ["deeper than the limit of 64"] },
  {
    name: "YAML indented 65 deep",
    text: `${Array.from({ length: 66 }, (_, i) => `${" ".repeat(i)}k:`).join("\n")} 1`,
    code: "LIMIT",
    words: ["deeper than the limit of 64"],
  },
  {
    name: "YAML compact sequences 100,000 deep",
    text: `${"- ".repeat(100_000)}x`,
    code: "LIMIT",
    path: [],
    words: ["line 1: nested too deeply"],
  },
  {
    name: "YAML indented 200 columns",
    text: `a:\n${" ".repeat(200)}b: 1`,
    code: "LIMIT",
    path: [],
    words: ["line 2", "limit is 128"],
  },
  {
    name: "alias deepening past the limit",
    text: `a: &d ${deepJson(40)}\nb: ${"[".repeat(30)}*d${"]".repeat(30)}`,
    code: "LIMIT",
    words: ["deeper than the limit of 64"],
  },
  {
    name: "over the size limit",
    text: `{"a": "${"x".repeat(MAX_DOCUMENT_BYTES)}"}`,
    code: "LIMIT",
    path: [],
    words: [`${MAX_DOCUMENT_BYTES} bytes`],
  },
  { name: "over the size limit in UTF-8 only", text: `a: ${"€".repeat(400_000)}`, code: "LIMIT", path: [], words: ["bytes"] },
];

function laughs(): string {
  let s = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (let i = 1; i < 9; i++)
    s += `a${i}: &a${i} [${Array(10)
      .fill(`*a${i - 1}`)
      .join(", ")}]\n`;
  return s;
}

describe("parseDocument rejects", () => {
  it.each(bad)("$name → $code", (row) => {
    const r = parseDocument(row.text, row.format);
    expect(r.ok).toBe(false);
    const issue = !r.ok ? r.issues[0] : undefined;
    expect(issue?.code, JSON.stringify(r).slice(0, 500)).toBe(row.code);
    if (row.path) expect(issue?.path).toEqual(row.path);
    for (const w of row.words) expect(issue?.message).toContain(w);
  });

  it("reports every duplicate key, not just the first", () => {
    const r = parseDocument("a: 1\na: 2\nb: 1\nb: 2\n");
    expect(!r.ok && r.issues.map((i) => i.path)).toEqual([["a"], ["b"]]);
  });

  it("turns a non-string argument into an issue", () => {
    const r = parseDocument(42 as unknown as string);
    expect(!r.ok && r.issues[0]?.code).toBe("TYPE");
  });

  // How long these take is measured in bench/growth.ts (growth exponents), not asserted here.
  it("rejects a huge document before parsing, with the size limit as the only issue", () => {
    const r = parseDocument(`a: ${"x".repeat(5 * MAX_DOCUMENT_BYTES)}`);
    expect(!r.ok && r.issues.map((i) => i.code)).toEqual(["LIMIT"]);
  });

  it("reads many keys in one mapping (our duplicate check replaces yaml's quadratic uniqueKeys)", () => {
    const text = Array.from({ length: 30_000 }, (_, i) => `k${i}: v`).join("\n");
    const r = parseDocument(text);
    expect(r.ok && Object.keys(r.value as object).length).toBe(30_000);
  });

  it("quotes user text in messages escaped and shortened", () => {
    const key = "\\u0007".repeat(100);
    const r = parseDocument(`{"${key}": 1, "${key}": 2}`);
    expect(!r.ok && r.issues[0]?.message).toMatch(/^\["(\\u0007){60}\.\.\."\]: duplicate key/);
  });
});
