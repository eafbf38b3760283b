/** POST /v1/flow and GET /v1/flow/{format}/{encoded}: formats, options, links, caching headers. */
import { inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { get, kroki, ORIGIN, post, REQUEST, SCENARIO } from "./helpers.ts";

interface FlowBody {
  flow: {
    outcome: string;
    scenario: { user: string; profile: string; host: string | null };
    steps: { n: number | null; from: string; to: string }[];
  };
  links: Record<string, string>;
}

describe("POST /v1/flow", () => {
  it("answers JSON { flow, links } by default", async () => {
    const res = await post("/v1/flow", REQUEST);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const body = (await res.json()) as FlowBody;
    expect(body.flow.outcome).toBe("proxy");
    expect(body.flow.steps.filter((s) => s.n !== null).map((s) => s.n)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("reads YAML, and sniffs text/plain and a missing Content-Type", async () => {
    const yaml = "preset: o365info\nscenario:\n  user: carmen\n  protocol: activesync\n  client: external\n  host: mail.o365info.com\n";
    const want = await (await post("/v1/flow", REQUEST)).json();
    for (const type of ["application/yaml", "application/x-yaml", "text/yaml", "text/plain"]) {
      const res = await post("/v1/flow", yaml, { "Content-Type": type });
      expect(res.status, type).toBe(200);
      expect(await res.json()).toEqual(want);
    }
    expect((await post("/v1/flow", JSON.stringify(REQUEST), { "Content-Type": "text/plain" })).status).toBe(200);
    expect((await post("/v1/flow", yaml)).status).toBe(200);
  });

  it.each([
    ["svg", "image/svg+xml", /^<svg/],
    ["mmd", "text/vnd.mermaid", /^sequenceDiagram/m],
    ["md", "text/markdown", /^1\. /m],
    ["json", "application/json", /^\{/],
  ])("?format=%s gives %s", async (format, type, body) => {
    const res = await post(`/v1/flow?format=${format}`, REQUEST);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe(`${type}; charset=utf-8`);
    expect(await res.text()).toMatch(body);
  });

  it("body options win over query options (Kroki's precedence)", async () => {
    const both = await post("/v1/flow?format=mmd&theme=neutral", { ...REQUEST, options: { theme: "dark" } });
    expect(await both.text()).toContain('"theme": "dark"');
    const queryOnly = await post("/v1/flow?format=mmd&theme=neutral", REQUEST);
    expect(await queryOnly.text()).toContain('"theme": "neutral"');
    const profile = (await (await post("/v1/flow?profile=microsoft", REQUEST)).json()) as FlowBody;
    expect(profile.flow.scenario.profile).toBe("microsoft");
  });

  it("carries an ETag but never answers 304 to a POST", async () => {
    const first = await post("/v1/flow", REQUEST);
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect((await post("/v1/flow", REQUEST, { "If-None-Match": etag ?? "" })).status).toBe(200);
  });

  it("the ETag ignores key order and whitespace, and changes with format and options", async () => {
    const a = (await post("/v1/flow?format=svg", REQUEST)).headers.get("etag");
    const reordered =
      `{ "scenario": { "host": "mail.o365info.com", "client": "external", "protocol": "activesync", ` +
      `"user": "carmen" },\n "preset": "o365info" }`;
    expect((await post("/v1/flow?format=svg", reordered, { "Content-Type": "application/json" })).headers.get("etag")).toBe(a);
    expect((await post("/v1/flow?format=mmd", REQUEST)).headers.get("etag")).not.toBe(a);
    expect((await post("/v1/flow?format=svg&theme=dark", REQUEST)).headers.get("etag")).not.toBe(a);
    // JSON's links encode the document as sent, so another key order is other bytes and another ETag.
    const j = await post("/v1/flow", REQUEST);
    const r = await post("/v1/flow", reordered, { "Content-Type": "application/json" });
    expect(await r.text()).not.toBe(await j.text());
    expect(r.headers.get("etag")).not.toBe(j.headers.get("etag"));
  });
});

describe("views", () => {
  it("view=map draws the map: flowchart Mermaid and its own SVG; the links keep the view", async () => {
    const mmd = await (await post("/v1/flow?format=mmd&view=map", REQUEST)).text();
    expect(mmd).toMatch(/^(%%.*\n)?flowchart/);
    const svg = await post("/v1/flow?format=svg", { ...REQUEST, options: { view: "map" } });
    expect(svg.status).toBe(200);
    const seq = await (await post("/v1/flow?format=svg", REQUEST)).text();
    expect(await svg.text()).not.toBe(seq);
    const body = (await (await post("/v1/flow?view=map", REQUEST)).json()) as FlowBody;
    expect(await (await get(new URL(body.links.mmd ?? "").pathname)).text()).toBe(mmd);
  });

  it("md with view=map keeps the numbered steps and puts the map's flowchart in the fence", async () => {
    const seq = await (await post("/v1/flow?format=md", REQUEST)).text();
    const map = await (await post("/v1/flow?format=md&view=map", REQUEST)).text();
    const mmd = await (await post("/v1/flow?format=mmd&view=map", REQUEST)).text();
    const steps = (md: string): string => md.slice(0, md.indexOf("```mermaid"));
    expect(steps(map)).toBe(steps(seq));
    expect(map).toContain(`\`\`\`mermaid\n${mmd.trimEnd()}\n\`\`\``);
    expect(seq).toMatch(/```mermaid\n(%%.*\n)?sequenceDiagram\n/);
  });

  it("JSON links carry the map's SVG and Mermaid URLs for either view", async () => {
    const mapSvg = await (await post("/v1/flow?format=svg&view=map", REQUEST)).text();
    const mapMmd = await (await post("/v1/flow?format=mmd&view=map", REQUEST)).text();
    const seqSvg = await (await post("/v1/flow?format=svg", REQUEST)).text();
    for (const query of ["", "?view=map", "?view=sequence"]) {
      const links = (
        (await (await post(`/v1/flow${query}`, REQUEST)).json()) as { links: { svg: string; map: { svg: string; mmd: string } } }
      ).links;
      expect(links.map.svg, query).toMatch(new RegExp(`^${ORIGIN}/v1/flow/svg/[A-Za-z0-9_-]+$`));
      expect(links.map.mmd, query).toMatch(new RegExp(`^${ORIGIN}/v1/flow/mmd/[A-Za-z0-9_-]+$`));
      expect(await (await get(new URL(links.map.svg).pathname)).text(), query).toBe(mapSvg);
      expect(await (await get(new URL(links.map.mmd).pathname)).text(), query).toBe(mapMmd);
      expect(await (await get(new URL(links.svg).pathname)).text(), query).toBe(query === "?view=map" ? mapSvg : seqSvg);
    }
    // The body's view would win over a query parameter, so the map link sets it in the document.
    const body = { ...REQUEST, options: { view: "sequence", theme: "dark" } };
    const links = ((await (await post("/v1/flow", body)).json()) as { links: { map: { svg: string } } }).links;
    const dark = await (await post("/v1/flow?format=svg", { ...REQUEST, options: { view: "map", theme: "dark" } })).text();
    expect(await (await get(new URL(links.map.svg).pathname)).text()).toBe(dark);
  });
});

describe("links", () => {
  it("are absolute, from the request origin, and reproduce the flow", async () => {
    const body = (await (await post("/v1/flow?theme=dark", REQUEST)).json()) as FlowBody;
    for (const f of ["svg", "mmd", "md", "json"]) expect(body.links[f]).toMatch(new RegExp(`^${ORIGIN}/v1/flow/${f}/[A-Za-z0-9_-]+$`));
    const again = await get(new URL(body.links.json ?? "").pathname);
    expect(again.status).toBe(200);
    expect(((await again.json()) as FlowBody).flow).toEqual(body.flow);
    const svg = await get(new URL(body.links.svg ?? "").pathname);
    expect(svg.headers.get("content-type")).toMatch(/^image\/svg\+xml/);
  });

  it("open the Mermaid text in the Mermaid Live Editor (pako state)", async () => {
    const body = (await (await post("/v1/flow", REQUEST)).json()) as FlowBody;
    const live = body.links.mermaidLive ?? "";
    expect(live).toMatch(/^https:\/\/mermaid\.live\/edit#pako:[A-Za-z0-9_-]+$/);
    const state = JSON.parse(inflateSync(Buffer.from(live.split("pako:")[1] ?? "", "base64url")).toString()) as Record<string, unknown>;
    expect(state).toMatchObject({ mermaid: '{"theme":"default"}', updateDiagram: true, autoSync: true, rough: false });
    const mmd = await (await post("/v1/flow?format=mmd", REQUEST)).text();
    expect(state.code).toBe(mmd);
  });

  it("are left out when the encoded URL would pass the URL limit", async () => {
    const topology = (await (await get("/v1/presets/o365info")).json()) as { topology: { users: unknown[] } };
    // Incompressible user names make the encoded request long.
    const users = Array.from({ length: 600 }, (_, i) => ({
      name: `u${i}-${Math.sin(i + 1)
        .toString(36)
        .slice(2, 16)}`,
      mailbox: "NY-MBX2007",
    }));
    const big = { topology: { ...topology.topology, users: [...topology.topology.users, ...users] }, scenario: SCENARIO };
    const body = (await (await post("/v1/flow", big)).json()) as FlowBody;
    expect(body.links.svg).toBeUndefined();
    expect(body.links.mermaidLive).toMatch(/^https:\/\/mermaid\.live/);
  });
});

describe("GET /v1/flow/{format}/{encoded}", () => {
  it("decodes Kroki's encoding (zlib + base64url), with or without padding", async () => {
    for (const enc of [kroki(REQUEST), kroki(REQUEST, true)]) {
      const res = await get(`/v1/flow/svg/${enc}`);
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      expect(res.headers.get("content-security-policy")).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
      expect(res.headers.get("vary")).toBeNull(); // the path fixes the format
    }
  });

  it("accepts the standard base64 alphabet, '/' included", async () => {
    let doc: unknown = REQUEST;
    // Vary the document until its standard base64 has a '/', so the path has an extra segment.
    for (let i = 0; !Buffer.from(kroki(doc), "base64url").toString("base64").includes("/"); i++)
      doc = { ...REQUEST, options: { background: `#${i.toString(16).padStart(6, "0")}` } };
    const std = Buffer.from(kroki(doc), "base64url").toString("base64");
    const res = await get(`/v1/flow/json/${std}`);
    expect(res.status).toBe(200);
  });

  it("accepts YAML inside the encoding", async () => {
    const res = await get(`/v1/flow/md/${kroki("preset: o365info\nscenario: {user: alice, protocol: ews, client: internal}\n")}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/^1\. /m);
  });

  it("answers 304 to a matching If-None-Match, also weak and in a list, and * ", async () => {
    const path = `/v1/flow/svg/${kroki(REQUEST)}`;
    const first = await get(path);
    const etag = first.headers.get("etag") ?? "";
    for (const inm of [etag, `W/${etag}`, `"other", ${etag}`, "*"]) {
      const res = await get(path, { "If-None-Match": inm });
      expect(res.status, inm).toBe(304);
      expect(res.headers.get("etag")).toBe(etag);
      expect(res.headers.get("cache-control")).toContain("immutable");
      expect(await res.text()).toBe("");
    }
    expect((await get(path, { "If-None-Match": '"other"' })).status).toBe(200);
  });

  it("takes options from the query", async () => {
    const res = await get(`/v1/flow/mmd/${kroki(REQUEST)}?theme=dark`);
    expect(await res.text()).toContain('"theme": "dark"');
  });
});
