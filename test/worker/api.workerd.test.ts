/** The worker inside workerd with the real wrangler.toml: wiring, caching headers, 304, encoded URLs with the runtime's own deflate. */
import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";

const BASE = "https://exflow.test";
const REQUEST = { preset: "o365info", scenario: { user: "carmen", protocol: "activesync", client: "external", host: "mail.o365info.com" } };

/** zlib deflate + base64url with workerd's CompressionStream (what a browser would do too). */
async function encode(doc: unknown): Promise<string> {
  const stream = new Blob([JSON.stringify(doc)]).stream().pipeThrough(new CompressionStream("deflate"));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

describe("inside workerd", () => {
  it("serves a preset SVG with caching and security headers, and 304 on If-None-Match", async () => {
    const res = await SELF.fetch(`${BASE}/v1/presets/o365info/activesync-madrid.svg`);
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/^<svg/);
    expect(res.headers.get("content-type")).toBe("image/svg+xml; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("public, max-age=3600, stale-while-revalidate=86400");
    expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    const etag = res.headers.get("etag") ?? "";
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    const again = await SELF.fetch(`${BASE}/v1/presets/o365info/activesync-madrid.svg`, { headers: { "If-None-Match": etag } });
    expect(again.status).toBe(304);
  });

  it("decodes an encoded URL made with the runtime's deflate; immutable, with 304", async () => {
    const url = `${BASE}/v1/flow/svg/${await encode(REQUEST)}`;
    const res = await SELF.fetch(url);
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/^<svg/);
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const etag = res.headers.get("etag") ?? "";
    expect((await SELF.fetch(url, { headers: { "If-None-Match": etag } })).status).toBe(304);
  });

  it("POST /v1/flow returns links whose encoded URLs answer with the same flow", async () => {
    const res = await SELF.fetch(`${BASE}/v1/flow`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(REQUEST),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { flow: unknown; links: Record<string, string> };
    expect(body.links.mermaidLive).toMatch(/^https:\/\/mermaid\.live\/edit#pako:/);
    const linked = await SELF.fetch(body.links.json ?? "");
    expect(((await linked.json()) as { flow: unknown }).flow).toEqual(body.flow);
  });

  it("errors are problem+json with no-store, or an SVG card for images", async () => {
    const bad = await SELF.fetch(`${BASE}/v1/flow`, { method: "POST", headers: { "Content-Type": "application/json" }, body: "{nope" });
    expect(bad.status).toBe(400);
    expect(bad.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(bad.headers.get("cache-control")).toBe("no-store");
    const card = await SELF.fetch(`${BASE}/v1/presets/nope/x.svg`, { headers: { Accept: "image/svg+xml" } });
    expect(card.status).toBe(404);
    expect(await card.text()).toMatch(/^<svg/);
  });

  it("refuses a large streamed body with 413", async () => {
    const body = new Uint8Array(1024 * 1024).fill(0x20);
    const res = await SELF.fetch(`${BASE}/v1/flow`, { method: "POST", headers: { "Content-Type": "application/json" }, body });
    expect(res.status).toBe(413);
  });

  it("publishes /openapi.json and /v1/presets", async () => {
    const doc = (await (await SELF.fetch(`${BASE}/openapi.json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toContain("/v1/flow");
    expect((await SELF.fetch(`${BASE}/v1/presets`)).status).toBe(200);
  });
});
