/**
 * worker/memo.ts: answers to requests naming a built-in preset are remembered, and a remembered
 * answer is byte for byte the one a cold isolate gives (status, body, ETag and caching headers).
 */
import { beforeEach, describe, expect, it } from "vitest";
import { presets } from "../../core/index.ts";
import { decodedSegments, forgetAll, MAX_ENTRIES, memoSize } from "../../worker/memo.ts";
import { app, get, kroki, ORIGIN, post, REQUEST, SCENARIO } from "./helpers.ts";

const firstScenario = (p: (typeof presets)[string] | undefined) => Object.values(p?.scenarios ?? {})[0]?.scenario;

type Send = () => Promise<Response>;

async function snapshot(send: Send): Promise<Record<string, string | number | null>> {
  const res = await send();
  const h = (k: string): string | null => res.headers.get(k);
  return {
    status: res.status,
    body: await res.text(),
    etag: h("etag"),
    type: h("content-type"),
    cache: h("cache-control"),
    vary: h("vary"),
  };
}

const REQUESTS: Record<string, Send> = {
  "preset SVG": () => get("/v1/presets/o365info/activesync-madrid.svg"),
  "preset SVG, dark map view": () => get("/v1/presets/o365info/activesync-madrid.svg?theme=dark&view=map"),
  "preset JSON (links)": () => get(`/v1/presets/contoso/${Object.keys(presets.contoso?.scenarios ?? {})[0]}.json`),
  "preset, format by Accept": () => get("/v1/presets/o365info/activesync-madrid", { Accept: "text/markdown" }),
  "preset audit CSV": () => get("/v1/presets/fabrikam/audit.csv"),
  "encoded GET": () => get(`/v1/flow/json/${kroki(REQUEST)}`),
  "encoded GET, inline topology (only its text is remembered)": () =>
    get(`/v1/flow/svg/${kroki({ topology: presets.fabrikam?.topology, scenario: firstScenario(presets.fabrikam) })}`),
  "POST /v1/flow json": () => post("/v1/flow?format=json", REQUEST),
  "POST /v1/flow, keys in another order": () => post("/v1/flow?format=json", { scenario: SCENARIO, preset: "o365info" }),
  "POST /v1/flow svg": () => post("/v1/flow?format=svg", { ...REQUEST, options: { background: "#fafafa" } }),
  "POST /v1/audit json": () => post("/v1/audit", { preset: "contoso" }),
  "POST /v1/audit md, microsoft": () => post("/v1/audit?format=md", { preset: "o365info", options: { profile: "microsoft" } }),
  "another origin": () =>
    Promise.resolve(
      app.request("http://other.example/v1/flow?format=json", {
        method: "POST",
        body: JSON.stringify(REQUEST),
        headers: { "Content-Type": "application/json" },
      }),
    ),
};

describe("remembered answers", () => {
  beforeEach(() => forgetAll());

  it("a warm memo gives the same bytes as a cold one, for every kind of preset request", async () => {
    // Cold, one after the other (each warms the memo for the ones after it that share a key)...
    const cold: Record<string, unknown> = {};
    for (const [name, send] of Object.entries(REQUESTS)) {
      forgetAll();
      cold[name] = await snapshot(send);
    }
    // ...then all warm, in reverse order.
    forgetAll();
    for (const send of Object.values(REQUESTS)) await (await send()).arrayBuffer();
    expect(memoSize().entries).toBeGreaterThan(0);
    for (const [name, send] of Object.entries(REQUESTS).reverse()) expect(await snapshot(send), name).toEqual(cold[name]);
  });

  it("distinguishes what decides the answer: key order (JSON links), origin, format, options", async () => {
    const a = await (await post("/v1/flow?format=json", REQUEST)).text();
    const b = await (await post("/v1/flow?format=json", { scenario: SCENARIO, preset: "o365info" })).text();
    expect(b).not.toBe(a); // the encoded links follow the document as sent
    const other = await (
      await app.request("http://other.example/v1/flow?format=json", {
        method: "POST",
        body: JSON.stringify(REQUEST),
        headers: { "Content-Type": "application/json" },
      })
    ).text();
    expect(other).toContain("http://other.example/v1/flow/");
    expect(other).not.toContain(ORIGIN);
    const svg = await (await get("/v1/presets/o365info/activesync-madrid.svg")).text();
    const dark = await (await get("/v1/presets/o365info/activesync-madrid.svg?theme=dark")).text();
    expect(svg.startsWith("<svg")).toBe(true);
    expect(dark).not.toBe(svg);
  });

  it("serves a preset's drawing exactly as the same topology sent inline draws it", async () => {
    const topology = presets.o365info?.topology;
    await get("/v1/presets/o365info/activesync-madrid.svg"); // warm
    const remembered = await (await get("/v1/presets/o365info/activesync-madrid.svg")).text();
    const inline = await (await post("/v1/flow?format=svg", { topology, scenario: SCENARIO })).text();
    expect(remembered).toBe(inline);
  });

  it("never remembers a problem, and a problem does not poison the memo", async () => {
    const bad = { preset: "o365info", scenario: { ...SCENARIO, user: "nobody" } };
    expect((await post("/v1/flow", bad)).status).toBe(422);
    expect(memoSize().entries).toBe(0);
    expect((await post("/v1/flow", bad)).status).toBe(422);
    expect((await post("/v1/flow?format=svg", { ...REQUEST, options: { background: "url(x)" } })).status).toBe(422);
    expect(memoSize().entries).toBe(0);
  });

  it("stays within its bound however many distinct requests arrive", async () => {
    for (let i = 0; i < MAX_ENTRIES + 40; i++) {
      const res = await get(
        `/v1/presets/o365info/activesync-madrid.svg?background=${encodeURIComponent(`#${i.toString(16).padStart(6, "0")}`)}`,
      );
      expect(res.status).toBe(200);
      await res.arrayBuffer();
    }
    expect(memoSize().entries).toBe(MAX_ENTRIES);
  });

  it("remembers the text of an encoded segment, not its problems, within its bound", async () => {
    expect((await get(`/v1/flow/svg/${kroki("{not json")}`)).status).toBe(400);
    expect(decodedSegments.size.entries).toBe(1); // the text is fine; the parse problem is the answer
    expect((await get(`/v1/flow/svg/${kroki("{not json")}`)).status).toBe(400);
    expect((await get("/v1/flow/svg/eJzLSM3JyVcozy_KSQEAGgQEXQ!!")).status).toBe(400);
    expect(decodedSegments.size.entries).toBe(1);
    for (let i = 0; i < MAX_ENTRIES + 10; i++)
      await (await get(`/v1/flow/svg/${kroki({ preset: "o365info", scenario: SCENARIO, n: i })}`)).arrayBuffer();
    expect(decodedSegments.size.entries).toBe(MAX_ENTRIES);
  });

  it("a 304 is not remembered as an answer", async () => {
    const first = await get("/v1/presets/o365info/activesync-madrid.svg");
    const etag = first.headers.get("etag") ?? "";
    forgetAll();
    expect((await get("/v1/presets/o365info/activesync-madrid.svg", { "If-None-Match": etag })).status).toBe(304);
    expect(memoSize().entries).toBe(0);
    expect(await (await get("/v1/presets/o365info/activesync-madrid.svg")).text()).toBe(await first.text());
  });
});
