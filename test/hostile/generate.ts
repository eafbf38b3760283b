/**
 * Hostile requests for the campaign, as seeded fast-check arbitraries: valid topologies and
 * scenarios (test/support/arbitraries.ts) mutated (fields deleted, retyped, renamed to
 * `__proto__`/`constructor`/`prototype`, extra fields, huge strings, deep nesting, control
 * characters and lone surrogates), written as JSON, YAML or corrupted text/bytes, and sent to
 * every route with right and wrong methods, content types, Accept headers, query options and
 * encoded URLs (truncated, corrupted, wrong alphabet, raw deflate, bombs).
 */
import fc from "fast-check";
import { stringify as toYaml } from "yaml";
import { presets } from "../../core/index.ts";
import { scenarioArb, topologyArb } from "../support/arbitraries.ts";
import { krokiEncode, rawDeflateEncode, type Sent } from "./support.ts";

export interface Case {
  cls: string;
  req: Sent;
}

type Json = unknown;
type Obj = Record<string, unknown>;

/** Mostly absent: `undefined` `absent` times as often as a value. */
const maybe = <T>(arb: fc.Arbitrary<T>, absent = 2): fc.Arbitrary<T | undefined> =>
  fc.oneof({ weight: absent, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });

const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** Own, enumerable property, even for `__proto__` (so JSON.stringify writes it). */
export function setOwn(o: Obj, key: string, value: unknown): void {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}

export const PROTO_KEYS = ["__proto__", "constructor", "prototype"];

const STRINGS = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\t\r\n",
  "\u0007\u001b[31m",
  "\ud800",
  "\udfff",
  "a\ud800b",
  "\udc00\ud800",
  "\u202eevil",
  "\u2028\u2029",
  "\ufeff",
  "\uffff",
  "\ufffe",
  "𝕏𝕏",
  "👨‍👩‍👧‍👦",
  "Z̴̡̧̛̗͙̥͈̟̝̮",
  "ﷺ",
  "\u0301",
  "%00",
  "%%{init: {}}%%",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, meant literally
  "${7*7}",
  "{{7*7}}",
  "../../etc/passwd",
  "2013",
  "2014",
  "2013 ",
  "0x7DD",
  "1e3",
  "true",
  "null",
  "NaN",
  "-0",
  "cas,mailbox",
  "javascript:alert(1)",
  "<script>alert(1)</script>",
  '=HYPERLINK("x")',
  "x".repeat(256),
  "x".repeat(257),
  "y".repeat(2049),
  "\u00e9".repeat(200),
];

/** Wrong-type and edge values for any field. */
export const hostileValueArb: fc.Arbitrary<Json> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom<Json>(...STRINGS) },
  {
    weight: 2,
    arbitrary: fc.constantFrom<Json>(
      null,
      true,
      false,
      0,
      -0,
      -1,
      2013.5,
      1e308,
      -1e308,
      2 ** 53 + 1,
      Number.MIN_VALUE,
      [],
      {},
      [null],
      [[]],
      [{}],
      { "": "" },
    ),
  },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom("\ud800", "\udc00", "a", "\u0000", "\u200b", "<", "&", '"'), maxLength: 30 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 70_000 }).map((n) => "w".repeat(n)) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

export const hostileKeyArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...PROTO_KEYS) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      "toString",
      "hasOwnProperty",
      "valueOf",
      "__defineGetter__",
      "then",
      "",
      " ",
      "Topology",
      "scenario ",
      "users\u0000",
      "𝕏",
      "\ud800",
      "a".repeat(300),
      "<img src=x onerror=alert(1)>",
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);

function nest(depth: number, leaf: Json, asArray: boolean): Json {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = asArray ? [v] : { a: v };
  return v;
}

function clone<T>(v: T): T {
  if (Array.isArray(v)) return v.map(clone) as T;
  if (isObj(v)) {
    const o: Obj = {};
    for (const k of Object.keys(v)) setOwn(o, k, clone(v[k]));
    return o as T;
  }
  return v;
}

/** Every node's path, root first (bounded, so huge documents do not explode). */
function paths(v: Json, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (out.length > 400) return out;
  out.push(at);
  if (Array.isArray(v)) for (const [i, x] of v.entries()) paths(x, [...at, i], out);
  else if (isObj(v)) for (const k of Object.keys(v)) paths(v[k], [...at, k], out);
  return out;
}

function getAt(root: Json, path: (string | number)[]): Json {
  let v: Json = root;
  for (const k of path) v = Array.isArray(v) ? v[k as number] : isObj(v) ? Object.getOwnPropertyDescriptor(v, k)?.value : undefined;
  return v;
}

export interface Mutation {
  at: number;
  op: "delete" | "replace" | "add" | "nest" | "bloat" | "rename" | "proto";
  value: Json;
  key: string;
  depth: number;
  n: number;
}

export const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  op: fc.constantFrom("delete", "replace", "replace", "add", "nest", "bloat", "rename", "proto"),
  value: hostileValueArb,
  key: hostileKeyArb,
  depth: fc.constantFrom(2, 10, 62, 63, 64, 65, 100, 300),
  n: fc.integer({ min: 2, max: 300 }),
});

/** Applies one mutation in place to a node of `root` (a fresh clone); returns the new root. */
export function mutate(root: Json, m: Mutation): Json {
  const all = paths(root);
  const path = all[m.at % all.length] ?? [];
  const parent = path.length ? getAt(root, path.slice(0, -1)) : undefined;
  const last = path[path.length - 1];
  const node = getAt(root, path);
  const put = (v: Json): Json => {
    if (parent === undefined || last === undefined) return v;
    if (Array.isArray(parent)) parent[last as number] = v;
    else if (isObj(parent)) setOwn(parent, String(last), v);
    return root;
  };
  switch (m.op) {
    case "delete":
      if (Array.isArray(parent)) parent.splice(last as number, 1);
      else if (isObj(parent)) delete parent[String(last)];
      return root;
    case "replace":
      return put(m.value);
    case "add":
      if (isObj(node)) setOwn(node, m.key, m.value);
      else if (Array.isArray(node)) node.push(m.value);
      return root;
    case "nest":
      return put(nest(m.depth, node, m.n % 2 === 0));
    case "bloat":
      if (Array.isArray(node) && node.length > 0) {
        const copies = Array.from({ length: m.n }, (_, i) => clone(node[i % node.length]));
        node.push(...copies);
      } else
        return put(
          typeof node === "string" && node.length > 0 ? node.repeat(Math.max(1, Math.min(m.n, Math.floor(300_000 / node.length)))) : node,
        );
      return root;
    case "rename":
      if (isObj(parent) && last !== undefined) {
        delete parent[String(last)];
        setOwn(parent, m.key, node);
      }
      return root;
    case "proto":
      // A pollution attempt at this node: {"__proto__": {...}}, {"constructor": {"prototype": {...}}}.
      if (isObj(node)) {
        const payload: Obj = {};
        setOwn(payload, "polluted", "yes");
        setOwn(payload, "isAdmin", true);
        setOwn(node, "__proto__", payload);
        setOwn(node, "constructor", { prototype: clone(payload) });
      }
      return root;
  }
}

const PRESET_IDS = Object.keys(presets);

/** Valid request documents (a generated topology or a preset) before mutation. */
export const validDocArb: fc.Arbitrary<Obj> = fc
  .oneof(
    { weight: 3, arbitrary: topologyArb.chain((t) => scenarioArb(t).map((s) => ({ topology: t, scenario: s }) as Obj)) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(...PRESET_IDS).chain((id) => {
        const p = presets[id];
        const names = Object.keys(p?.scenarios ?? {});
        return fc.constantFrom(...names).map((n) => ({ preset: id, scenario: p?.scenarios[n]?.scenario }) as Obj);
      }),
    },
  )
  .chain((doc) =>
    fc
      .record({
        theme: maybe(fc.constantFrom("default", "neutral", "dark")),
        background: maybe(fc.constantFrom("transparent", "#fff", "#11223344", "white", "lavender")),
        view: maybe(fc.constantFrom("sequence", "map")),
      })
      .map((o) => {
        const options = Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
        return Object.keys(options).length ? { ...doc, options } : doc;
      }),
  );

export const mutatedDocArb: fc.Arbitrary<Json> = fc
  .tuple(validDocArb, fc.array(mutationArb, { minLength: 0, maxLength: 4 }))
  .map(([doc, ms]) => ms.reduce<Json>((d, m) => mutate(d, m), clone(doc)));

/** Hand-written hostile documents that generation is unlikely to reach. */
export const RAW_DOCS: string[] = [
  "[".repeat(100_000) + "]".repeat(100_000),
  `${'{"a":'.repeat(20_000)}1${"}".repeat(20_000)}`,
  "[".repeat(65) + "]".repeat(65),
  `${"- ".repeat(2000)}x`,
  `a:\n${Array.from({ length: 300 }, (_, i) => `${" ".repeat(i + 1)}b${i}:`).join("\n")} 1`,
  // billion laughs
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\nb: &b ' +
    "[*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d " +
    "[*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f " +
    "[*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n",
  "a: &a [*a]\n",
  "topology: !!js/function 'function(){return 1}'\n",
  "topology: !!python/object/apply:os.system ['id']\n",
  "__proto__: {polluted: yes}\npreset: o365info\nscenario: {user: alice, protocol: ews, client: internal}\n",
  "<<: {polluted: yes}\npreset: o365info\nscenario: {user: alice, protocol: ews, client: internal}\n",
  "? [a, b]\n: c\n",
  "preset: o365info\npreset: contoso\n",
  '{"preset":"o365info","preset":"contoso"}',
  '{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"preset":"o365info",' +
    '"scenario":{"user":"alice","protocol":"ews","client":"internal"}}',
  '{"preset":"o365info","scenario":{"user":"alice","protocol":"ews","client":"internal","__proto__":{"client":"external"}}}',
  '{"preset":"o365info","scenario":{"user":"toString","protocol":"ews","client":"internal"}}',
  '{"preset":"__proto__","scenario":{"user":"alice","protocol":"ews","client":"internal"}}',
  '{"preset":"constructor"}',
  '{"preset":"o365info","scenario":{"user":"alice","protocol":"constructor","client":"__proto__"}}',
  '{"topology":{"sites":[{"name":"__proto__"}],"servers":[{"name":"__proto__",' +
    '"version":2013,"roles":["cas","mailbox"],"site":"__proto__"}],' +
    '"namespaces":[{"host":"constructor.x.com","servers":["__proto__"]}],"users":[{"name":"constructor",' +
    '"mailbox":"__proto__"}]},"scenario":{"user":"constructor","protocol":"owa","client":"external"}}',
  '{"topology":{"sites":[{"name":"hasOwnProperty"}],"servers":[{"name":"toString",' +
    '"version":2016,"roles":["mailbox"],"site":"hasOwnProperty"}],"namespaces":[],' +
    '"users":[{"name":"valueOf","mailbox":"toString"}]},"scenario":{"user":"valueOf","protocol":"owa",' +
    '"client":"internal"}}',
  '\ufeff{"preset":"o365info","scenario":{"user":"alice","protocol":"ews","client":"internal"}}',
  '{"preset":"o365info","scenario":{"user":"alice","protocol":"ews","client":"internal"}}' + "\u0000",
  `{"preset":"o365info","scenario":{"user":"alice","protocol":"ews","client":"internal","host":"${"a.".repeat(200)}com"}}`,
  "1e999",
  "-0",
  "null",
  "true",
  '"string"',
  "[]",
  "{}",
  '"\\ud800"',
  '{"a":"\\u0000"}',
  "\u0000",
  " ",
  "\n\n\n",
  "%YAML 1.1\n---\n",
  "--- !!binary |\n  R0lGODlhDAAMAIQAAP//9/X\n",
  "*a",
  "&a",
  "!",
  "|",
  ">",
  "{",
  "[",
  ":",
  "- - - - -",
  "'",
  '"',
];

const JSON_TYPES = ["application/json", "application/json; charset=utf-8", "APPLICATION/JSON", "application/vnd.exflow+json"];
const YAML_TYPES = ["application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml; charset=utf-8", "application/vnd.x+yaml"];
const WRONG_TYPES = [
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "application/xml",
  "text/html",
  "image/svg+xml",
  "application/octet-stream",
  ";",
  "/",
  "application/",
  "x".repeat(500),
  "application/json; charset=utf-16",
];

export const acceptArb: fc.Arbitrary<string | undefined> = maybe(
  fc.constantFrom(
    "image/svg+xml",
    "image/*",
    "image/png,image/*;q=0.8",
    "*/*",
    "text/html",
    "application/json",
    "text/plain",
    "text/vnd.mermaid",
    "text/markdown",
    "text/csv",
    "application/json;q=0",
    "image/svg+xml;q=abc",
    "text/*;q=1e999",
    ",".repeat(5000),
    "a/b,".repeat(500),
    "*/*;q=-1",
    "image/svg+xml;q=0.5, application/json;q=0.9",
  ),
  3,
);

/** Query strings with hostile option values next to good ones. */
export const queryArb: fc.Arbitrary<string> = fc
  .record({
    format: maybe(
      fc.constantFrom("json", "svg", "svg", "mmd", "md", "json", "svg", "mmd", "md", "csv", "SVG", "html", "svg%00", "", "png", "../svg"),
    ),
    view: maybe(fc.constantFrom("sequence", "map", "MAP", "", "graph", "<script>")),
    theme: maybe(fc.constantFrom("dark", "neutral", "__proto__", "constructor", "<svg onload=alert(1)>", "")),
    background: maybe(
      fc.constantFrom(
        "#fff",
        "red",
        "url(https://leak.xss.test/x)",
        "red;stroke:url(//x)",
        '"/><script>alert(1)</script>',
        `#${"f".repeat(1000)}`,
        "javascript:alert(1)",
        "rgb(1,2,3)",
        "transparent",
      ),
    ),
    profile: maybe(fc.constantFrom("microsoft", "o365info", "toString", "x")),
    extra: maybe(
      fc.constantFrom("__proto__[polluted]=yes", "constructor[prototype][polluted]=yes", "a=1&a=2", "%ZZ", "%", "format=json&format=svg"),
    ),
  })
  .map((q) => {
    const parts = Object.entries(q)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => (k === "extra" ? String(v) : `${k}=${encodeURIComponent(String(v))}`));
    return parts.length ? `?${parts.join("&")}` : "";
  });

/** Text-level damage to a serialised document. */
export const corruptArb = (text: string): fc.Arbitrary<string | Uint8Array> =>
  fc.oneof(
    fc.nat({ max: Math.max(0, text.length - 1) }).map((n) => text.slice(0, n)),
    fc
      .tuple(
        fc.nat({ max: text.length }),
        fc.constantFrom(
          "{",
          "}",
          "[",
          "]",
          '"',
          ":",
          ",",
          "null",
          "1e999",
          "\u0000",
          "\\",
          "\\u",
          "\\ud800",
          "&a",
          "*a",
          "\n- ",
          "\t",
          "'",
          "#",
        ),
      )
      .map(([n, s]) => text.slice(0, n) + s + text.slice(n)),
    fc.tuple(fc.nat({ max: text.length }), fc.nat({ max: 40 })).map(([n, k]) => text.slice(0, n) + text.slice(n + k)),
    fc.tuple(fc.nat({ max: text.length }), fc.constantFrom(0xff, 0xc0, 0xed, 0x80, 0xfe)).map(([n, b]) => {
      const bytes = new TextEncoder().encode(text);
      const out = new Uint8Array(bytes.length + 2);
      out.set(bytes.subarray(0, n));
      out[n] = b;
      out[n + 1] = b === 0xed ? 0xa0 : 0x80;
      out.set(bytes.subarray(n), n + 2);
      return out;
    }),
  );

function serialise(doc: Json, how: "json" | "yaml"): string {
  if (how === "json") return JSON.stringify(doc) ?? "null";
  try {
    return toYaml(doc, { aliasDuplicateObjects: false });
  } catch {
    return JSON.stringify(doc) ?? "null";
  }
}

interface BodyCase {
  body: string | Uint8Array;
  type: string | undefined;
  cls: string;
}

export const bodyArb: fc.Arbitrary<BodyCase> = fc
  .tuple(
    mutatedDocArb,
    fc.constantFrom("json", "json", "json", "yaml", "yaml", "sniff", "corrupt-json", "corrupt-yaml", "raw", "wrong-type", "no-type"),
  )
  .chain(([doc, how]): fc.Arbitrary<BodyCase> => {
    switch (how) {
      case "json":
        return fc.constantFrom(...JSON_TYPES).map((type) => ({ body: serialise(doc, "json"), type, cls: "body-json" }));
      case "yaml":
        return fc.constantFrom(...YAML_TYPES).map((type) => ({ body: serialise(doc, "yaml"), type, cls: "body-yaml" }));
      case "sniff":
        return fc
          .constantFrom("json", "yaml")
          .map((h) => ({ body: serialise(doc, h as "json" | "yaml"), type: "text/plain", cls: "body-sniffed" }));
      case "corrupt-json":
        return fc
          .tuple(corruptArb(serialise(doc, "json")), fc.constantFrom(...JSON_TYPES))
          .map(([body, type]) => ({ body, type, cls: "body-corrupt" }));
      case "corrupt-yaml":
        return fc
          .tuple(corruptArb(serialise(doc, "yaml")), fc.constantFrom(...YAML_TYPES))
          .map(([body, type]) => ({ body, type, cls: "body-corrupt" }));
      case "raw":
        return fc
          .tuple(fc.constantFrom(...RAW_DOCS), fc.constantFrom(...JSON_TYPES, ...YAML_TYPES, "text/plain"))
          .map(([body, type]) => ({ body, type, cls: "body-raw" }));
      case "wrong-type":
        return fc.constantFrom(...WRONG_TYPES).map((type) => ({ body: serialise(doc, "json"), type, cls: "content-type" }));
      default:
        return fc.constant({ body: serialise(doc, "json"), type: undefined, cls: "content-type" });
    }
  });

const withHeaders = (type: string | undefined, accept: string | undefined): Record<string, string> => ({
  ...(type !== undefined ? { "Content-Type": type } : {}),
  ...(accept !== undefined ? { Accept: accept } : {}),
});

const postFlowArb: fc.Arbitrary<Case> = fc.tuple(bodyArb, queryArb, acceptArb).map(([b, q, accept]) => ({
  cls: `flow:${b.cls}`,
  req: { method: "POST", path: `/v1/flow${q}`, headers: withHeaders(b.type, accept), body: b.body },
}));

const postAuditArb: fc.Arbitrary<Case> = fc
  .tuple(bodyArb, fc.constantFrom("", "?format=md", "?format=csv", "?format=json", "?format=svg", "?profile=microsoft"), acceptArb)
  .map(([b, q, accept]) => {
    // An audit takes no scenario; drop it from half of the JSON bodies so more audits get past validation.
    let body = b.body;
    if (typeof body === "string" && body.startsWith("{") && q.length % 2 === 0) {
      try {
        const d = JSON.parse(body) as Obj;
        if (isObj(d)) delete d.scenario;
        body = JSON.stringify(d);
      } catch {
        // leave corrupted text as it is
      }
    }
    return { cls: `audit:${b.cls}`, req: { method: "POST", path: `/v1/audit${q}`, headers: withHeaders(b.type, accept), body } };
  });

/** Damage to the encoded segment of a GET /v1/flow/{format}/{encoded} URL. */
const encodedArb: fc.Arbitrary<{ enc: string; cls: string }> = mutatedDocArb.chain((doc) => {
  const text = JSON.stringify(doc) ?? "null";
  const good = krokiEncode(text);
  return fc.oneof(
    fc.constant({ enc: good, cls: "encoded-ok" }),
    fc.constant({ enc: krokiEncode(serialise(doc, "yaml")), cls: "encoded-yaml" }),
    fc.nat({ max: Math.max(0, good.length - 1) }).map((n) => ({ enc: good.slice(0, n), cls: "encoded-truncated" })),
    fc
      .tuple(fc.nat({ max: Math.max(0, good.length - 1) }), fc.constantFrom("A", "_", "-", "z", "9"))
      .map(([n, ch]) => ({ enc: good.slice(0, n) + ch + good.slice(n + 1), cls: "encoded-flipped" })),
    fc
      .tuple(fc.nat({ max: good.length }), fc.constantFrom("=", "%", ".", "!", "~", "%2F", "%00", "+", "/", "==", "\u00e9"))
      .map(([n, s]) => ({ enc: good.slice(0, n) + encodeURIComponent(s) + good.slice(n), cls: "encoded-badchar" })),
    fc.constant({ enc: Buffer.from(text).toString("base64url"), cls: "encoded-plain-base64" }),
    fc.constant({ enc: rawDeflateEncode(text), cls: "encoded-raw-deflate" }),
    fc.constant({ enc: Buffer.from(text).toString("base64"), cls: "encoded-std-base64" }),
    fc.constant({ enc: `${good}${"=".repeat(3)}`, cls: "encoded-padding" }),
    fc.constant({ enc: krokiEncode(new Uint8Array([0xff, 0xfe, 0x00, 0xc0, 0x80])), cls: "encoded-not-utf8" }),
    fc.constantFrom(
      { enc: krokiEncode("{".repeat(2000)), cls: "encoded-deep" },
      { enc: krokiEncode(" ".repeat(300_000)), cls: "encoded-bomb" },
      { enc: krokiEncode(`{"a":"${"x".repeat(200_000)}"}`), cls: "encoded-bomb" },
      { enc: "", cls: "encoded-empty" },
      { enc: "eJw", cls: "encoded-truncated" },
      { enc: "eNo", cls: "encoded-truncated" },
      { enc: "eJwDAAAAAAE", cls: "encoded-empty-deflate" },
      { enc: "x".repeat(9000), cls: "encoded-too-long" },
    ),
  );
});

const getEncodedArb: fc.Arbitrary<Case> = fc
  .tuple(encodedArb, fc.constantFrom("svg", "json", "mmd", "md", "csv", "SVG", "png", "svg.svg", ""), queryArb, acceptArb, fc.boolean())
  .map(([e, f, q, accept, head]) => ({
    cls: e.cls,
    req: { method: head ? "HEAD" : "GET", path: `/v1/flow/${f}/${e.enc}${q}`, headers: withHeaders(undefined, accept) },
  }));

const SEGMENTS = [
  "o365info",
  "contoso",
  "fabrikam",
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "%00",
  "..",
  "%2e%2e",
  "%2F",
  "a".repeat(300),
  "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
  "%F0%9F%92%A9",
  "%ED%A0%80",
  "%ZZ",
  "audit",
  "activesync-madrid",
];
const FILES = [
  "activesync-madrid.svg",
  "activesync-madrid.json",
  "activesync-madrid.md",
  "activesync-madrid.mmd",
  "activesync-madrid.png",
  "activesync-madrid.",
  ".svg",
  "audit.csv",
  "audit.md",
  "audit.svg",
  "audit",
  "__proto__.svg",
  "constructor.json",
  "toString.md",
  "hasOwnProperty",
  "x.svg.svg",
  "%3Csvg%20onload%3Dalert(1)%3E.svg",
  `${"a".repeat(400)}.svg`,
];

const presetArb: fc.Arbitrary<Case> = fc
  .tuple(fc.constantFrom(...SEGMENTS), fc.option(fc.constantFrom(...FILES), { nil: undefined }), queryArb, acceptArb)
  .map(([id, file, q, accept]) => ({
    cls: "preset-route",
    req: { method: "GET", path: `/v1/presets/${id}${file === undefined ? "" : `/${file}`}${q}`, headers: withHeaders(undefined, accept) },
  }));

const ROUTES = [
  "/v1/flow",
  "/v1/audit",
  "/v1/presets",
  "/v1/presets/o365info",
  "/v1/presets/o365info/activesync-madrid.svg",
  "/v1/flow/svg/eJyrVgIAAAD__w",
  "/openapi.json",
  "/healthz",
  "/",
  "/v1",
  "/v2/flow",
  "//v1//flow",
  "/v1/flow/",
  "/V1/FLOW",
  "/v1/flow?format=svg",
  "/%2e%2e/etc/passwd",
  "/v1/presets/o365info/audit.csv",
];

const methodArb: fc.Arbitrary<Case> = fc
  .tuple(fc.constantFrom(...ROUTES), fc.constantFrom("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"), acceptArb, fc.boolean())
  .map(([path, method, accept, preflight]) => ({
    cls: "method",
    req: {
      method,
      path,
      headers: {
        ...withHeaders(method === "POST" || method === "PUT" || method === "PATCH" ? "application/json" : undefined, accept),
        ...(method === "OPTIONS" && preflight
          ? { Origin: "https://evil.example", "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type" }
          : {}),
      },
      ...(method === "POST" || method === "PUT" || method === "PATCH"
        ? { body: '{"preset":"o365info","scenario":{"user":"alice","protocol":"ews","client":"internal"}}' }
        : {}),
    },
  }));

export const caseArb: fc.Arbitrary<Case> = fc.oneof(
  { weight: 6, arbitrary: postFlowArb },
  { weight: 2, arbitrary: postAuditArb },
  { weight: 4, arbitrary: getEncodedArb },
  { weight: 1, arbitrary: presetArb },
  { weight: 1, arbitrary: methodArb },
);
