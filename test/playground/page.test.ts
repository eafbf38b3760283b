/**
 * The playground without a browser: what GET / and its assets answer (CSP, caching, no
 * third-party references, controls from the core's lists), and the page's own JavaScript pieces
 * evaluated in Node: the YAML printer against the core's YAML reader, and the request-document
 * wrapping whose line numbers must still point into the editor.
 */
import { Script } from "node:vm";
import { describe, expect, it } from "vitest";
import { parseDocument, presets, PROTOCOLS, type Issue } from "../../core/index.ts";
import { contentHash, PAGE_CSP, playground } from "../../worker/playground/index.ts";
import { DOCUMENT_JS } from "../../worker/playground/document.ts";
import { SCRIPT_JS } from "../../worker/playground/script.ts";
import { YAML_JS } from "../../worker/playground/yaml.ts";
import app from "../../worker/index.ts";

interface Wrapped {
  type: string;
  text: string;
  mode: "preset" | "json" | "yaml";
}
interface PageDocuments {
  toYaml: (value: unknown) => string;
  wrapDoc: (text: string, extra: Record<string, unknown>, presetId: string | null) => Wrapped | null;
  unwrapDoc: (text: string) => { text: string | null; doc: Record<string, unknown> };
  editorPosition: (message: string, mode: string, lineCount: number) => string;
  deflate: (text: string) => Promise<Uint8Array>;
  inflate: (bytes: Uint8Array) => Promise<string>;
  base64url: (bytes: Uint8Array) => string;
  unbase64url: (text: string) => Uint8Array;
}

const page: PageDocuments = new Function(
  `${YAML_JS}\n${DOCUMENT_JS}\nreturn { toYaml, wrapDoc, unwrapDoc, editorPosition, deflate, inflate, base64url, unbase64url };`,
)();

const parsed = (text: string): unknown => {
  const r = parseDocument(text);
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join("\n"));
  return r.value;
};

const parseIssues = (text: string, format?: "json" | "yaml"): Issue[] => {
  const r = parseDocument(text, format);
  return r.ok ? [] : r.issues;
};

function preset(id: string): (typeof presets)[string] {
  const p = presets[id];
  if (!p) throw new Error(`no preset ${id}`);
  return p;
}

const extra = { scenario: { user: "alice", protocol: "owa", client: "external" }, options: { profile: "o365info", theme: "default" } };

describe("GET / and its assets", () => {
  it("serves the page with a strict CSP and no third-party references", async () => {
    const r = await app.request("/", { headers: { Accept: "text/html" } });
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toMatch(/^text\/html/);
    expect(r.headers.get("content-security-policy")).toBe(PAGE_CSP);
    expect(PAGE_CSP).toMatch(/default-src 'none'/);
    expect(PAGE_CSP).toMatch(/script-src 'self'(;|$)/);
    expect(PAGE_CSP).toMatch(/connect-src 'self'(;|$)/);
    expect(PAGE_CSP).toMatch(/img-src 'self' blob: data:(;|$)/);
    expect(PAGE_CSP).not.toMatch(/unsafe/);
    const html = await r.text();
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html.match(/(?:src|href)\s*=\s*["']https?:\/\/[^"']+/g) ?? []).toEqual([]);
    expect(html).not.toMatch(/<script>|\sstyle=|\son[a-z]+=/i); // no inline script, style or handlers
  });

  it("offers exactly the core's protocols and presets", async () => {
    const html = await (await app.request("/")).text();
    const select = (id: string) =>
      [...(html.match(new RegExp(`<select id="${id}">(.*?)</select>`))?.[1] ?? "").matchAll(/value="([^"]*)"/g)].map((m) => m[1]);
    expect(select("protocol")).toEqual([...PROTOCOLS]);
    expect(select("preset")).toEqual(["", ...Object.keys(presets)]);
    expect(select("client")).toEqual(["internal", "external"]);
    // Issue 11: the default is the topology's own profile (else microsoft), so the API decides unless the user picks one.
    expect(select("profile")).toEqual(["", "o365info", "microsoft"]);
    expect(select("theme")).toEqual(["default", "neutral", "dark"]);
  });

  it("serves script and stylesheet under content-hashed URLs, cached for good", async () => {
    const html = await (await app.request("/")).text();
    const script = html.match(/<script src="([^"]+)" defer><\/script>/)?.[1];
    const style = html.match(/<link rel="stylesheet" href="([^"]+)">/)?.[1];
    expect(script).toBe(`/playground.js?v=${contentHash(SCRIPT_JS)}`);
    expect(style).toMatch(/^\/playground\.css\?v=[0-9a-f]{8}$/);
    const js = await playground.request(script ?? "");
    expect(js.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(js.headers.get("cache-control")).toContain("immutable");
    const text = await js.text();
    expect(() => new Script(text)).not.toThrow();
    expect(text).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(/);
    const css = await playground.request(style ?? "");
    expect(css.headers.get("content-type")).toBe("text/css; charset=utf-8");
    expect(await css.text()).toContain("prefers-color-scheme: dark");
  });
});

describe("the page's YAML printer", () => {
  it.each(Object.values(presets).map((p) => [p.id, p.topology] as const))(
    "prints preset %s so the core reads back the same topology",
    (_, topology) => {
      const yaml = page.toYaml(topology);
      expect(yaml.startsWith("{")).toBe(false);
      expect(parsed(yaml)).toEqual(JSON.parse(JSON.stringify(topology)));
    },
  );

  it("quotes what YAML would read as something else", () => {
    const awkward = {
      list: [
        "x:y",
        "a,b",
        "true",
        "No",
        "12",
        "1e3",
        " pad",
        "",
        "#x",
        "a #b",
        "k: v",
        "-x",
        "[x]",
        "{x}",
        "*a",
        "&a",
        "!t",
        "%p",
        "@at",
        "`b",
        "'q'",
        '"d"',
        "line\nbreak",
        "tab\tin",
        "ümlaut",
        "~",
      ],
      values: { nothing: null, number: 1.5, negative: -2, flag: false, empty: [], none: {}, nested: [[1, 2], [{}], [{ a: 1 }]] },
      "odd key": { "1": 1, "-": 2, "a: b": 3, "": 4 },
    };
    expect(parsed(page.toYaml(awkward))).toEqual(awkward);
  });
});

describe("the page's request documents", () => {
  const topology = preset("contoso").topology;

  it("sends an unedited preset by id", () => {
    const doc = page.wrapDoc("ignored", extra, "contoso");
    expect(doc?.mode).toBe("preset");
    expect(JSON.parse(doc?.text ?? "")).toEqual({ preset: "contoso", ...extra });
  });

  it.each(["yaml", "json"] as const)("wraps %s editor text into a request the core reads, and unwraps it unchanged", (format) => {
    const text = format === "yaml" ? `# comment\n${page.toYaml(topology)}` : `${JSON.stringify(topology, null, 2)}\n`;
    const doc = page.wrapDoc(text, extra, null);
    expect(doc?.mode).toBe(format);
    expect(doc?.type).toBe(format === "yaml" ? "application/yaml" : "application/json");
    expect(parsed(doc?.text ?? "")).toEqual({ topology: JSON.parse(JSON.stringify(topology)), ...extra });
    const back = page.unwrapDoc(doc?.text ?? "");
    expect(back.text).toBe(text);
    expect(back.doc.scenario).toEqual(extra.scenario);
    expect(back.doc.options).toEqual(extra.options);
  });

  it("accepts the API's own encoded documents when reopening a link", () => {
    const back = page.unwrapDoc(JSON.stringify({ topology, ...extra }));
    expect(back.text).toBeNull();
    expect(back.doc.topology).toEqual(JSON.parse(JSON.stringify(topology)));
  });

  it("maps the core's YAML positions back to the editor's line and column", () => {
    const lines = page.toYaml(topology).split("\n");
    lines[6] = "    fqdn: [unclosed";
    const text = lines.join("\n");
    const direct = parseIssues(text, "yaml")[0]?.message ?? "";
    const wrapped = parseIssues(page.wrapDoc(text, extra, null)?.text ?? "", "yaml")[0]?.message ?? "";
    expect(direct).toMatch(/^line \d+, column \d+/);
    expect(page.editorPosition(wrapped, "yaml", lines.length)).toBe(direct);
  });

  it("maps the core's JSON positions back to the editor's line and column", () => {
    const text = JSON.stringify(topology, null, 2).replace('"version": 2013', '"version": 2013,,');
    const direct = parseIssues(text, "json")[0]?.message ?? "";
    const wrapped = parseIssues(page.wrapDoc(text, extra, null)?.text ?? "", "json")[0]?.message ?? "";
    expect(direct).toMatch(/^line \d+, column \d+/);
    expect(page.editorPosition(wrapped, "json", text.split("\n").length)).toBe(direct);
  });

  it("encodes like the API: deflate + base64url, and back", async () => {
    const text = page.wrapDoc(page.toYaml(preset("o365info").topology), extra, null)?.text ?? "";
    const encoded = page.base64url(await page.deflate(text));
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(await page.inflate(page.unbase64url(encoded))).toBe(text);
    const r = await app.request(`/v1/flow/mmd/${encoded}`);
    expect(r.status).toBe(200);
    expect(await r.text()).toContain("sequenceDiagram");
  });
});
