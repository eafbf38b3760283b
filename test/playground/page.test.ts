/**
 * The playground without a browser: the static files playground/build.ts makes (the page, its
 * `_headers` with the CSP, the bundled script and what went into it), and the browser modules
 * imported directly: the request-document wrapping whose line numbers must still point into the
 * editor, the topology reading behind the Custom switch, the shared YAML printer and URL encoding,
 * and the custom-topology skeleton.
 */
import { Script } from "node:vm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  CLIENT_APPS,
  compile,
  parseDocument,
  presets,
  printYaml,
  PROTOCOLS,
  SCENARIO_KINDS,
  scenarioJsonSchema,
  SKELETON_TOPOLOGY,
  validateTopology,
  type Issue,
} from "../../core/index.ts";
import { type Built, buildPlayground, PAGE_CSP } from "../../playground/build.ts";
import { editorPosition, unwrapDoc, wrapDoc } from "../../playground/client/document.ts";
import { describeTopology, hostNames, offeredScenario, readTopology, sameValue, userNames } from "../../playground/client/read.ts";
import { decodeText, encodeText } from "../../worker/codec.ts";
import app from "../../worker/index.ts";

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

const plain = (v: unknown): Record<string, unknown> => JSON.parse(JSON.stringify(v));

const extra = { scenario: { user: "alice", protocol: "owa", client: "external" }, options: { profile: "o365info", theme: "default" } };

let built: Built;
beforeAll(async () => {
  built = await buildPlayground();
}, 60_000);

const file = (name: string): string => {
  const text = built.files.get(name);
  if (text === undefined) throw new Error(`no ${name} in the build`);
  return text;
};

/** `_headers` as { path: { header: value } }. */
function headerRules(text: string): Record<string, Record<string, string>> {
  const rules: Record<string, Record<string, string>> = {};
  let rule: Record<string, string> = {};
  for (const line of text.split("\n")) {
    if (line === "") continue;
    if (!line.startsWith(" ")) {
      rule = {};
      rules[line] = rule;
    } else {
      const at = line.indexOf(":");
      rule[line.slice(0, at).trim()] = line.slice(at + 1).trim();
    }
  }
  return rules;
}

describe("the built playground", () => {
  it("is four files: the page, a content-hashed script and stylesheet, and _headers", () => {
    expect([...built.files.keys()].sort()).toEqual(["_headers", "index.html", built.script, built.style].sort());
    expect(built.script).toMatch(/^playground\.[0-9a-f]{12}\.js$/);
    expect(built.style).toMatch(/^playground\.[0-9a-f]{12}\.css$/);
  });

  it("gives the page a strict CSP and caches the hashed assets for good", () => {
    const rules = headerRules(file("_headers"));
    expect(rules["/"]?.["Content-Security-Policy"]).toBe(PAGE_CSP);
    expect(PAGE_CSP).toMatch(/default-src 'none'/);
    expect(PAGE_CSP).toMatch(/script-src 'self'(;|$)/);
    expect(PAGE_CSP).toMatch(/connect-src 'self'(;|$)/);
    expect(PAGE_CSP).toMatch(/img-src 'self' blob: data:(;|$)/);
    expect(PAGE_CSP).not.toMatch(/unsafe/);
    expect(rules["/"]?.["X-Frame-Options"]).toBe("DENY");
    expect(rules["/"]?.["Cache-Control"]).toBe("no-cache");
    expect(rules["/*"]?.["X-Content-Type-Options"]).toBe("nosniff");
    for (const asset of [built.script, built.style]) expect(rules[`/${asset}`]?.["Cache-Control"]).toContain("immutable");
  });

  it("serves a page with no inline script, style or handler and no third-party reference", () => {
    const html = file("index.html");
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html.match(/(?:src|href)\s*=\s*["']https?:\/\/[^"']+/g) ?? []).toEqual([]);
    expect(html).not.toMatch(/<script>|\sstyle=|\son[a-z]+=/i);
    expect(html).toContain(`<script src="/${built.script}" defer></script>`);
    expect(html).toContain(`<link rel="stylesheet" href="/${built.style}">`);
  });

  it("offers exactly the core's protocols and presets", () => {
    const html = file("index.html");
    const select = (id: string) =>
      [...(html.match(new RegExp(`<select id="${id}">(.*?)</select>`))?.[1] ?? "").matchAll(/value="([^"]*)"/g)].map((m) => m[1]);
    expect(select("protocol")).toEqual([...PROTOCOLS]);
    expect(select("preset")).toEqual(["", ...Object.keys(presets)]);
    expect(select("client")).toEqual(["internal", "external"]);
    // The default is the topology's own profile (else microsoft), so the API decides unless the user picks one.
    expect(select("profile")).toEqual(["", "o365info", "microsoft"]);
    expect(select("theme")).toEqual(["default", "neutral", "dark"]);
  });

  it("has a control for every scenario field the schema accepts, and offers the core's kinds and apps", () => {
    const html = file("index.html");
    const fields = Object.keys((scenarioJsonSchema() as { properties: Record<string, unknown> }).properties);
    expect(fields).toEqual(expect.arrayContaining(["user", "protocol", "client", "host", "profile", "kind", "target", "app"]));
    for (const field of fields) expect(html, `no control for scenario.${field}`).toMatch(new RegExp(`<(select|input)[^>]* id="${field}"`));
    const values = (id: string) =>
      [...(html.match(new RegExp(`<select id="${id}"[^>]*>(.*?)</select>`))?.[1] ?? "").matchAll(/value="([^"]*)"/g)].map((m) => m[1]);
    expect(values("kind")).toEqual([...SCENARIO_KINDS]);
    expect(values("app")).toEqual(["", ...CLIENT_APPS]);
  });

  it("bundles a script that parses, never writes HTML, and leaves zod, the rules and the presets out", () => {
    const js = file(built.script);
    expect(() => new Script(js)).not.toThrow();
    expect(js).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(/);
    const inputs = Object.keys(Object.values(built.metafile.outputs)[0]?.inputs ?? {});
    expect(inputs).toContain("core/parse/yaml.ts");
    expect(inputs).toContain("worker/codec.ts");
    expect(
      inputs.filter((i) => /^(node_modules\/(zod|hono)\/|core\/(route|validate\/schema|presets\/(?!skeleton))|diagrams\/)/.test(i)),
    ).toEqual([]);
    expect(file(built.style)).toContain("prefers-color-scheme: dark");
  });

  it("is no longer part of the worker: GET / and the old script URL are left to the assets", async () => {
    expect((await app.request("/playground.js")).status).toBe(404);
    expect((await app.request("/")).status).toBe(404);
  });
});

describe("the page's YAML (the core's printer, as `exflow presets` writes it)", () => {
  it.each(Object.values(presets).map((p) => [p.id, p.topology] as const))(
    "prints preset %s so the core reads back the same topology",
    (_, topology) => {
      const yaml = printYaml(topology);
      expect(yaml.startsWith("{")).toBe(false);
      expect(parsed(yaml)).toEqual(plain(topology));
    },
  );

  it("quotes what YAML would read as something else", () => {
    const awkward = {
      list: ["x:y", "a,b", "true", "No", "12", "1e3", " pad", "", "#x", "a #b", "k: v", "-x", "[x]", "{x}", "*a", "&a", "!t", "%p", "@at"],
      more: ["`b", "'q'", '"d"', "line\nbreak", "tab\tin", "ümlaut", "~", "null", "0x1F", "1_000", ".inf", "2026-11-29"],
      values: { nothing: null, number: 1.5, negative: -2, flag: false, empty: [], none: {}, nested: [[1, 2], [{}], [{ a: 1 }]] },
      "odd key": { "1": 1, "-": 2, "a: b": 3, "": 4 },
    };
    expect(parsed(printYaml(awkward))).toEqual(awkward);
  });
});

describe("the page's request documents", () => {
  const topology = preset("contoso").topology;

  it("sends an unedited preset by id", () => {
    const doc = wrapDoc("ignored", extra, "contoso");
    expect(doc?.mode).toBe("preset");
    expect(JSON.parse(doc?.text ?? "")).toEqual({ preset: "contoso", ...extra });
  });

  it.each(["yaml", "json"] as const)("wraps %s editor text into a request the core reads, and unwraps it unchanged", (format) => {
    const text = format === "yaml" ? `# comment\n${printYaml(topology)}` : `${JSON.stringify(topology, null, 2)}\n`;
    const doc = wrapDoc(text, extra, null);
    expect(doc?.mode).toBe(format);
    expect(doc?.type).toBe(format === "yaml" ? "application/yaml" : "application/json");
    expect(parsed(doc?.text ?? "")).toEqual({ topology: plain(topology), ...extra });
    const back = unwrapDoc(doc?.text ?? "");
    expect(back.text).toBe(text);
    expect(back.doc.scenario).toEqual(extra.scenario);
    expect(back.doc.options).toEqual(extra.options);
  });

  it("accepts the API's own encoded documents when reopening a link", () => {
    const back = unwrapDoc(JSON.stringify({ topology, ...extra }));
    expect(back.text).toBeNull();
    expect(back.doc.topology).toEqual(plain(topology));
  });

  it("maps the core's YAML positions back to the editor's line and column", () => {
    const lines = printYaml(topology).split("\n");
    lines[6] = "    fqdn: [unclosed";
    const text = lines.join("\n");
    const direct = parseIssues(text, "yaml")[0]?.message ?? "";
    const wrapped = parseIssues(wrapDoc(text, extra, null)?.text ?? "", "yaml")[0]?.message ?? "";
    expect(direct).toMatch(/^line \d+, column \d+/);
    expect(editorPosition(wrapped, "yaml", lines.length)).toBe(direct);
  });

  it("maps the core's JSON positions back to the editor's line and column", () => {
    const text = JSON.stringify(topology, null, 2).replace('"version": 2013', '"version": 2013,,');
    const direct = parseIssues(text, "json")[0]?.message ?? "";
    const wrapped = parseIssues(wrapDoc(text, extra, null)?.text ?? "", "json")[0]?.message ?? "";
    expect(direct).toMatch(/^line \d+, column \d+/);
    expect(editorPosition(wrapped, "json", text.split("\n").length)).toBe(direct);
  });

  it("encodes its #r= links like the API (the same module): the hash is one GET away", async () => {
    const text = wrapDoc(printYaml(preset("o365info").topology), extra, null)?.text ?? "";
    const encoded = await encodeText(text);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(await decodeText(encoded)).toBe(text);
    const r = await app.request(`/v1/flow/mmd/${encoded}`);
    expect(r.status).toBe(200);
    expect(await r.text()).toContain("sequenceDiagram");
  });
});

describe("what the page reads from the editor (the Custom switch)", () => {
  const contoso = preset("contoso").topology;

  it("reads YAML and JSON with the core's parser, and nothing from text that does not parse", () => {
    expect(readTopology(printYaml(contoso))).toEqual(plain(contoso));
    expect(readTopology(JSON.stringify(contoso))).toEqual(plain(contoso));
    expect(readTopology("name: [unclosed")).toBeNull();
    expect(readTopology("- a list")).toBeNull();
    expect(readTopology("  ")).toBeNull();
  });

  it("treats a comment or reordered keys as the same preset, a changed value as another topology", () => {
    const t = readTopology(`# mine\n${printYaml(contoso)}`);
    expect(sameValue(t, plain(contoso))).toBe(true);
    const reordered = Object.fromEntries(Object.entries(plain(contoso)).reverse());
    expect(sameValue(reordered, plain(contoso))).toBe(true);
    const changed = readTopology(printYaml(contoso).replace("version: 2013", "version: 2016"));
    expect(sameValue(changed, plain(contoso))).toBe(false);
    expect(sameValue({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(sameValue({ a: 1 }, { a: 1, b: undefined })).toBe(false);
  });

  it("lists the users and the names a client can use (namespaces first, then what servers publish)", () => {
    const t = plain(preset("o365info").topology);
    expect(userNames(t)).toEqual(preset("o365info").topology.users.map((u) => u.name));
    expect(userNames({ users: [{ name: "a" }, { mailbox: "x" }, "b", { name: "" }] })).toEqual(["a"]);
    const hosts = hostNames(t);
    expect(hosts.namespaces).toContain("mail.o365info.com");
    expect(hosts.all).toContain("mail.o365info.com");
    expect(hosts.all).toContain("ny-cas2013.o365info.local"); // a server's fqdn
    expect(hosts.all).toContain("legacy.mail.o365info.com"); // from a vdir URL
    expect(hosts.all).not.toContain("https");
  });

  it("describes a custom topology by what it holds", () => {
    expect(describeTopology(plain(SKELETON_TOPOLOGY))).toBe(
      'Custom topology "my-organisation": 1 site, 1 server, 1 user. Pick the user, protocol and client below.',
    );
    expect(describeTopology({ sites: [{}, {}], servers: [], users: "x" })).toMatch(/^Custom topology: 2 sites, 0 servers, 0 users\./);
  });

  it("starts Custom from a skeleton the core accepts, which routes for its one user over every client location", () => {
    const valid = validateTopology(plain(SKELETON_TOPOLOGY));
    expect(valid.ok ? [] : valid.issues).toEqual([]);
    expect(SKELETON_TOPOLOGY.sites).toHaveLength(1);
    expect(SKELETON_TOPOLOGY.servers).toHaveLength(1);
    expect(SKELETON_TOPOLOGY.users).toHaveLength(1);
    for (const client of ["internal", "external"] as const) {
      const r = compile({ topology: plain(SKELETON_TOPOLOGY), scenario: { user: "alice", protocol: "owa", client } });
      expect(r.ok ? [] : r.issues).toEqual([]);
      if (r.ok) expect(r.value.flow.outcome).not.toBe("fail");
    }
  });

  it("moves a scenario to one a new topology offers: kinds need a hybrid block, protocols a published URL", () => {
    const skeleton = structuredClone(SKELETON_TOPOLOGY) as unknown as Record<string, unknown>;
    const kept = { user: "alice", protocol: "activesync", client: "internal", kind: "free-busy", target: "carol", app: "eas" };
    expect(offeredScenario(skeleton, kept, PROTOCOLS)).toEqual({ ...kept, protocol: "owa", kind: "client", target: "", app: "" });
    const hybrid = structuredClone(presets["contoso-hybrid"]?.topology) as unknown as Record<string, unknown>;
    const fb = { ...kept, user: "bob", protocol: "ews", client: "external", target: "zed", app: "" };
    expect(offeredScenario(hybrid, fb, PROTOCOLS).kind).toBe("free-busy");
    expect(userNames(hybrid)).toContain(offeredScenario(hybrid, fb, PROTOCOLS).target);
    for (const s of Object.values(presets)) {
      const t = structuredClone(s.topology) as unknown as Record<string, unknown>;
      const start = { user: userNames(t)[0] ?? "", protocol: "pop3", client: "external", kind: "client", target: "", app: "" };
      const r = compile({ topology: t, scenario: { ...offeredScenario(t, start, PROTOCOLS), target: undefined, app: undefined } });
      expect(r.ok, s.id).toBe(true);
    }
  });
});
