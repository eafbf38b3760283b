/** Preset routes: list, one preset, scenario flows in every format, the preset audit. */
import { describe, expect, it } from "vitest";
import { presets } from "../../core/index.ts";
import { get, ORIGIN } from "./helpers.ts";

interface PresetList {
  presets: {
    id: string;
    title: string;
    description: string;
    links: { self: string; audit: Record<string, string> };
    scenarios: { name: string; title: string; links: Record<string, string> }[];
  }[];
}

describe("GET /v1/presets", () => {
  it("lists every preset with its scenarios and absolute links", async () => {
    const body = (await (await get("/v1/presets")).json()) as PresetList;
    expect(body.presets.map((p) => p.id).sort()).toEqual(Object.keys(presets).sort());
    const o = body.presets.find((p) => p.id === "o365info");
    const madrid = o?.scenarios.find((s) => s.name === "activesync-madrid");
    expect(madrid?.title).toBeTruthy();
    expect(madrid?.links.svg).toBe(`${ORIGIN}/v1/presets/o365info/activesync-madrid.svg`);
    expect(o?.links.audit.csv).toBe(`${ORIGIN}/v1/presets/o365info/audit.csv`);
  });

  it("every listed link answers 200", async () => {
    const body = (await (await get("/v1/presets")).json()) as PresetList;
    for (const p of body.presets) {
      for (const url of [p.links.self, ...Object.values(p.links.audit), ...p.scenarios.flatMap((s) => Object.values(s.links))]) {
        expect((await get(new URL(url).pathname)).status, url).toBe(200);
      }
    }
  });
});

it("GET /v1/presets/{id} gives the topology and the named scenarios", async () => {
  const body = (await (await get("/v1/presets/o365info")).json()) as {
    topology: { servers: unknown[] };
    scenarios: Record<string, { title: string; scenario: { user: string } }>;
  };
  expect(body.topology.servers.length).toBeGreaterThan(0);
  expect(body.scenarios["activesync-madrid"]?.scenario.user).toBe("carmen");
});

describe("GET /v1/presets/{id}/{scenario}.{format}", () => {
  it("md prints the numbered steps", async () => {
    const res = await get("/v1/presets/o365info/activesync-madrid.md");
    expect(res.status).toBe(200);
    const md = await res.text();
    expect(md).toMatch(/^1\. /m);
    expect(md).toMatch(/^6\. /m);
    expect(md).toContain("```mermaid");
  });

  it("svg, mmd and json", async () => {
    expect(await (await get("/v1/presets/o365info/activesync-madrid.svg")).text()).toMatch(/^<svg/);
    expect(await (await get("/v1/presets/o365info/activesync-madrid.mmd")).text()).toMatch(/^sequenceDiagram/m);
    const json = (await (await get("/v1/presets/o365info/activesync-madrid.json")).json()) as {
      flow: { outcome: string };
      links: Record<string, string>;
    };
    expect(json.flow.outcome).toBe("proxy");
    expect(json.links.svg).toMatch(/\/v1\/flow\/svg\//);
  });

  it("takes ?profile=&theme=&background=", async () => {
    const ms = (await (await get("/v1/presets/o365info/ews-external.json?profile=microsoft")).json()) as { flow: { outcome: string } };
    expect(ms.flow.outcome).toBe("autodiscover-referral");
    const dark = await (await get("/v1/presets/o365info/activesync-madrid.svg?theme=dark&background=%23000000")).text();
    expect(dark).toContain('fill="#000000"');
  });
});

describe("GET /v1/presets/{id}/audit.{format}", () => {
  it("json", async () => {
    const a = (await (await get("/v1/presets/o365info/audit.json")).json()) as { rows: unknown[]; summary: { users: number } };
    expect(a.summary.users).toBe(presets.o365info?.topology.users.length);
    expect(a.rows.length).toBeGreaterThan(0);
  });

  it("md: matrix, then diagnostics, then names", async () => {
    const md = await (await get("/v1/presets/o365info/audit.md")).text();
    const at = ["## Matrix", "## Diagnostics", "## DNS and certificate names"].map((h) => md.indexOf(h));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((x, y) => x - y)).toEqual(at);
    expect(md).toMatch(/^\| carmen \|/m);
    expect(md).toContain("mail.o365info.com");
  });

  it("csv with a header line and CRLF", async () => {
    const res = await get("/v1/presets/o365info/audit.csv");
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8; header=present");
    const csv = await res.text();
    expect(csv.startsWith("user,mailbox,version,site,protocol,client,host,outcome,steps,rules,diagnostics,note\r\n")).toBe(true);
  });
});
