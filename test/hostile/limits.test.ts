/**
 * Limits: every documented limit (worker/limits.ts, core/limits.ts) just under and just
 * over, through app.request; and very large valid topologies, answered in full or refused up front
 * (CPU and wall time per request are reported, never asserted). A table goes to the console.
 */
import { afterAll, describe, expect, it } from "vitest";
import { compile } from "../../core/index.ts";
import { MAX_DEPTH, MAX_NAMESPACES, MAX_SERVERS, MAX_SITES, MAX_STRING, MAX_URL, MAX_USERS } from "../../core/limits.ts";
import { MAX_AUDIT_ROWS, MAX_BODY_BYTES, MAX_INFLATED_BYTES, MAX_URL_CHARS } from "../../worker/limits.ts";
import { krokiEncode, ORIGIN, problemJsonProblems, responseProblems, send, svgProblems, type Got, type Sent } from "./support.ts";
import { spaces } from "../support/streams.ts";

const SCENARIO = { user: "alice", protocol: "ews", client: "internal" };
const PRESET_DOC = JSON.stringify({ preset: "o365info", scenario: SCENARIO });

const table: string[] = [];
const costs: string[] = [];

function row(limit: string, under: Got, over: Got): void {
  const code = (g: Got): string => {
    try {
      const e = (JSON.parse(g.text) as { errors?: { code: string }[] }).errors;
      return e?.[0] ? ` ${e[0].code}` : "";
    } catch {
      return "";
    }
  };
  table.push(`| ${limit} | ${under.status}${code(under)} | ${over.status}${code(over)} |`);
}

afterAll(() => {
  console.log(["[hostile] limits:", "| limit | just under | just over |", "|---|---|---|", ...table].join("\n"));
  console.log(["[hostile] large inputs:", ...costs].join("\n"));
});

const post = (path: string, body: string | Uint8Array, type = "application/json", extra: Record<string, string> = {}): Sent => ({
  method: "POST",
  path,
  headers: { "Content-Type": type, ...extra },
  body,
});

/** Sends, checks the answer is well-formed for its kind, and returns it. */
async function go(req: Sent): Promise<Got> {
  const got = await send(req);
  expect(responseProblems(req, got)).toEqual([]);
  return got;
}

/** A JSON document of exactly `n` bytes: the preset request padded with trailing spaces. */
const padded = (doc: string, n: number): string => doc + " ".repeat(n - Buffer.byteLength(doc));

describe("worker limits, just under and just over", () => {
  it(`body: ${MAX_BODY_BYTES} bytes is read, one more is 413 (flow and audit, counted and declared)`, async () => {
    const under = await go(post("/v1/flow", padded(PRESET_DOC, MAX_BODY_BYTES)));
    const over = await go(post("/v1/flow", padded(PRESET_DOC, MAX_BODY_BYTES + 1)));
    expect(under.status).toBe(200);
    expect(over.status).toBe(413);
    row(`body, POST /v1/flow (${MAX_BODY_BYTES} B)`, under, over);
    const auditUnder = await go(post("/v1/audit?format=csv", padded('{"preset":"o365info"}', MAX_BODY_BYTES)));
    const auditOver = await go(post("/v1/audit?format=csv", padded('{"preset":"o365info"}', MAX_BODY_BYTES + 1)));
    expect([auditUnder.status, auditOver.status]).toEqual([200, 413]);
    row(`body, POST /v1/audit (${MAX_BODY_BYTES} B)`, auditUnder, auditOver);
    // Multi-byte characters count as bytes, not characters.
    const euro = `{"preset":"o365info","scenario":${JSON.stringify(SCENARIO)},"x":"${"€".repeat(Math.ceil(MAX_BODY_BYTES / 3))}"}`;
    expect((await go(post("/v1/flow", euro))).status).toBe(413);
    // Streamed without Content-Length: counted as it arrives.
    const streamed = await send({
      method: "POST",
      path: "/v1/flow",
      headers: { "Content-Type": "application/json" },
      body: spaces(MAX_BODY_BYTES + 1),
    });
    expect(streamed.status).toBe(413);
    const streamedUnder = await send({
      method: "POST",
      path: "/v1/flow",
      headers: { "Content-Type": "application/json" },
      body: spaces(MAX_BODY_BYTES),
    });
    expect(streamedUnder.status).toBe(400); // all spaces: empty document, read in full
    row("body streamed, no Content-Length", streamedUnder, streamed);
    // An image request over the limit gets an SVG card.
    const card = await go(post("/v1/flow?format=svg", padded(PRESET_DOC, MAX_BODY_BYTES + 1)));
    expect(card.status).toBe(413);
    expect(svgProblems(card.text)).toEqual([]);
  });

  it(`URL: ${MAX_URL_CHARS} characters is served, one more is 414`, async () => {
    // Padded with empty parameters: an unknown name would be a 400 (query-check.ts).
    const base = "/v1/presets/o365info/activesync-madrid.json?theme=default";
    const path = (n: number): string => base + "&".repeat(n - ORIGIN.length - base.length);
    const under = await go({ method: "GET", path: path(MAX_URL_CHARS) });
    const over = await go({ method: "GET", path: path(MAX_URL_CHARS + 1) });
    expect(`${ORIGIN}${path(MAX_URL_CHARS)}`.length).toBe(MAX_URL_CHARS);
    expect([under.status, over.status]).toEqual([200, 414]);
    row(`URL (${MAX_URL_CHARS} chars)`, under, over);
    const overSvg = await go({ method: "GET", path: `/v1/flow/svg/${"A".repeat(MAX_URL_CHARS)}` });
    expect(overSvg.status).toBe(414);
    expect(overSvg.headers.get("content-type")).toMatch(/^image\/svg\+xml/);
  });

  it(`encoded URL: inflating to ${MAX_INFLATED_BYTES} bytes is read, one more is 413; bombs stop early`, async () => {
    const under = await go({ method: "GET", path: `/v1/flow/json/${krokiEncode(padded(PRESET_DOC, MAX_INFLATED_BYTES))}` });
    const over = await go({ method: "GET", path: `/v1/flow/json/${krokiEncode(padded(PRESET_DOC, MAX_INFLATED_BYTES + 1))}` });
    expect([under.status, over.status]).toEqual([200, 413]);
    row(`encoded URL inflated (${MAX_INFLATED_BYTES} B)`, under, over);
    // A deflate bomb: ~8 KB of URL that would inflate to gigabytes.
    let bomb = krokiEncode(Buffer.alloc(64 * 1024 * 1024, 0x20));
    if (bomb.length > MAX_URL_CHARS - 100) bomb = bomb.slice(0, MAX_URL_CHARS - 100);
    const got = await go({ method: "GET", path: `/v1/flow/svg/${bomb}` });
    expect([400, 413]).toContain(got.status);
    costs.push(
      [
        `| deflate bomb (${bomb.length}-char URL, 64 MiB of spaces, cut) | ${got.status} | cpu`,
        `${got.cpuMs.toFixed(0)} ms | wall ${got.wallMs.toFixed(0)} ms |`,
      ].join(" "),
    );
  });
});

describe("core limits through the routes", () => {
  const server = (i: number, site = "A") => ({ name: `S${i}`, version: 2016, roles: ["mailbox"], site });
  const topo = (parts: { sites?: number; servers?: number; namespaces?: number; users?: number }) => ({
    sites: Array.from({ length: parts.sites ?? 1 }, (_, i) => ({ name: i === 0 ? "A" : `A${i}` })),
    servers: Array.from({ length: parts.servers ?? 1 }, (_, i) => server(i)),
    namespaces: Array.from({ length: parts.namespaces ?? 0 }, (_, i) => ({ host: `n${i}.x.com`, servers: ["S0"] })),
    users: Array.from({ length: parts.users ?? 1 }, (_, i) => ({ name: i === 0 ? "alice" : `u${i}`, mailbox: "S0" })),
  });
  const flow = (t: unknown): Sent =>
    post("/v1/flow", JSON.stringify({ topology: t, scenario: { user: "alice", protocol: "owa", client: "internal" } }));

  for (const [what, max] of [
    ["sites", MAX_SITES],
    ["servers", MAX_SERVERS],
    ["namespaces", MAX_NAMESPACES],
  ] as const) {
    it(`${what}: ${max} accepted, ${max + 1} is 422 LIMIT`, async () => {
      const under = await go(flow(topo({ [what]: max })));
      const over = await go(flow(topo({ [what]: max + 1 })));
      expect(under.status).toBe(200);
      expect(over.status).toBe(422);
      expect(JSON.parse(over.text).errors.map((e: { code: string; path: unknown[] }) => [e.code, e.path.join(".")])).toEqual([
        ["LIMIT", `topology.${what}`],
      ]);
      row(`${what} (${max})`, under, over);
    });
  }

  it(`users: ${MAX_USERS} cannot be sent within the body limit (413 first); the core's own check holds`, async () => {
    const body = JSON.stringify({ topology: topo({ users: MAX_USERS + 1 }), scenario: SCENARIO });
    expect(Buffer.byteLength(body)).toBeGreaterThan(MAX_BODY_BYTES);
    const over = await go(post("/v1/flow", body));
    expect(over.status).toBe(413);
    const core = (n: number) => compile({ topology: topo({ users: n }), scenario: { user: "alice", protocol: "owa", client: "internal" } });
    const coreUnder = core(MAX_USERS);
    const coreOver = core(MAX_USERS + 1);
    expect(coreUnder.ok).toBe(true);
    expect(coreOver.ok ? [] : coreOver.issues.map((i) => i.code)).toEqual(["LIMIT"]);
    table.push(`| users (${MAX_USERS}) | core: ok | HTTP: 413 (body limit answers first); core: LIMIT |`);
  });

  it(`strings: names of ${MAX_STRING} and URLs of ${MAX_URL} characters accepted, one more is 422 LIMIT`, async () => {
    const named = (n: number) => flow({ ...topo({}), sites: [{ name: "A".padEnd(n, "a") }], servers: [server(0, "A".padEnd(n, "a"))] });
    const under = await go(named(MAX_STRING));
    const over = await go(named(MAX_STRING + 1));
    expect([under.status, over.status]).toEqual([200, 422]);
    expect(JSON.parse(over.text).errors.every((e: { code: string }) => e.code === "LIMIT")).toBe(true);
    row(`name length (${MAX_STRING})`, under, over);
    const url = (n: number) =>
      flow({ ...topo({}), servers: [{ ...server(0), urls: { owa: { internal: `https://mail.x.com/${"o".repeat(n - 19)}` } } }] });
    const urlUnder = await go(url(MAX_URL));
    const urlOver = await go(url(MAX_URL + 1));
    expect([urlUnder.status, urlOver.status]).toEqual([200, 422]);
    expect(JSON.parse(urlOver.text).errors.map((e: { code: string }) => e.code)).toEqual(["LIMIT"]);
    row(`URL length (${MAX_URL})`, urlUnder, urlOver);
  });

  it(`nesting: ${MAX_DEPTH} levels are read, ${MAX_DEPTH + 1} are 400 LIMIT (JSON and YAML)`, async () => {
    // The root object is level 1; "x" holds the rest.
    const json = (levels: number) =>
      post(
        "/v1/flow",
        `{"preset":"o365info","scenario":${JSON.stringify(SCENARIO)},"x":${"[".repeat(levels - 1)}${"]".repeat(levels - 1)}}`,
      );
    const yaml = (levels: number) =>
      post(
        "/v1/flow",
        [
          "preset: o365info\nscenario: {user: alice, protocol: ews, client: internal}\nx:",
          `${"[".repeat(levels - 1)}${"]".repeat(levels - 1)}\n`,
        ].join(" "),
        "application/yaml",
      );
    for (const [name, make] of [
      ["JSON", json],
      ["YAML", yaml],
    ] as const) {
      const under = await go(make(MAX_DEPTH));
      const over = await go(make(MAX_DEPTH + 1));
      expect(under.status).toBe(422); // read, then refused for the unknown field "x"
      expect(JSON.parse(under.text).errors[0].code).toBe("UNKNOWN_FIELD");
      expect(over.status).toBe(400);
      expect(JSON.parse(over.text).errors[0].code).toBe("LIMIT");
      row(`nesting, ${name} (${MAX_DEPTH} levels)`, under, over);
    }
    // Far deeper than any parser stack.
    for (const body of ["[".repeat(200_000), `${"- ".repeat(100_000)}x`, '{"a":'.repeat(50_000)]) {
      const got = await go(post("/v1/flow", body, "text/plain"));
      expect(got.status).toBe(400);
      expect(problemJsonProblems(got)).toEqual([]);
    }
  });
});

describe("very large valid topologies", () => {
  /** A big but valid organisation: `sites` sites, 2 servers each (2013 CAS + 2013 mailbox), users spread over them. */
  function org(sites: number, users: number) {
    const t = {
      name: "big",
      domain: "big.com",
      sites: Array.from({ length: sites }, (_, i) => ({ name: `Site${i}` })),
      servers: Array.from({ length: sites }, (_, i) => [
        {
          name: `CAS${i}`,
          version: 2013,
          roles: ["cas"],
          site: `Site${i}`,
          urls: {
            owa: { internal: `https://cas${i}.big.local/owa`, ...(i === 0 ? { external: "https://mail.big.com/owa" } : {}) },
            activesync: {
              internal: `https://cas${i}.big.local/Microsoft-Server-ActiveSync`,
              ...(i === 0 ? { external: "https://mail.big.com/Microsoft-Server-ActiveSync" } : {}),
            },
          },
        },
        { name: `MBX${i}`, version: 2013, roles: ["mailbox"], site: `Site${i}` },
      ]).flat(),
      namespaces: [{ host: "mail.big.com", servers: ["CAS0"] }],
      users: Array.from({ length: users }, (_, i) => ({ name: `u${i}`, mailbox: `MBX${i % sites}` })),
    };
    return t;
  }

  it("answers hundreds of sites and thousands of users in full when the body fits, and refuses larger " +
    "bodies up front (figures reported)", async () => {
    const cases: [string, Sent][] = [];
    for (const [sites, users] of [
      [200, 2000],
      [200, 6000],
    ] as const) {
      const t = org(sites, users);
      const scenario = { user: `u${users - 1}`, protocol: "activesync", client: "external" };
      const doc = JSON.stringify({ topology: t, scenario });
      const size = `${sites} sites, ${sites * 2} servers, ${users} users, ${(Buffer.byteLength(doc) / 1024).toFixed(0)} KiB`;
      for (const q of ["json", "svg", "md"]) cases.push([`flow ${q} (${size})`, post(`/v1/flow?format=${q}`, doc)]);
      cases.push([`flow svg map (${size})`, post("/v1/flow?format=svg&view=map", doc)]);
      cases.push([`audit json (${size})`, post("/v1/audit", JSON.stringify({ topology: t }))]);
    }
    for (const [what, req] of cases) {
      const got = await go(req);
      // A body within the limit is answered in full; a larger one is refused before any work. Never half-processed.
      // An audit over MAX_AUDIT_ROWS (users x 11 protocols x 2) is refused up front too, saying how to narrow it.
      const users = Number(/(\d+) users/.exec(what)?.[1]);
      const tooManyRows = req.path.startsWith("/v1/audit") && users * 22 > MAX_AUDIT_ROWS;
      expect(got.status, what).toBe(Buffer.byteLength(String(req.body)) > MAX_BODY_BYTES || tooManyRows ? 413 : 200);
      if (tooManyRows && Buffer.byteLength(String(req.body)) <= MAX_BODY_BYTES)
        expect(JSON.parse(got.text).type, what).toBe("urn:exflow:problem:audit-too-large");
      if (got.status === 200 && req.path.startsWith("/v1/audit")) {
        const audit = JSON.parse(got.text) as { rows: unknown[]; summary: { users: number } };
        expect(audit.summary.users).toBe(users);
      }
      costs.push(
        [
          `| ${what} | ${got.status} | cpu ${got.cpuMs.toFixed(0)} ms | wall ${got.wallMs.toFixed(0)} ms |`,
          `${(got.bytes.length / 1024).toFixed(0)} KiB out |`,
        ].join(" "),
      );
    }
  }, 300_000);
});
