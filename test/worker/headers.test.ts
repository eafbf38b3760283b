/** Headers on every response: nosniff, request id, CORS (and preflight), CSP on SVG, caching by route. */
import { describe, expect, it } from "vitest";
import { app, get, kroki, ORIGIN, post, REQUEST } from "./helpers.ts";

describe("on every response", () => {
  it.each(["/healthz", "/v1/presets", "/v1/presets/o365info/activesync-madrid.svg", "/nope", `/v1/flow/json/${kroki(REQUEST)}`])(
    "%s has nosniff, a request id and CORS",
    async (path) => {
      const res = await get(path, { Origin: "https://wiki.example" });
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("x-request-id")).toBeTruthy();
      expect(res.headers.get("access-control-allow-origin")).toBe("*");
    },
  );

  it("uses cf-ray as the request id when Cloudflare sends one", async () => {
    expect((await get("/healthz", { "cf-ray": "8f00-AMS" })).headers.get("x-request-id")).toBe("8f00-AMS");
  });
});

it("answers CORS preflight", async () => {
  const res = await app.request(`${ORIGIN}/v1/flow`, {
    method: "OPTIONS",
    headers: { Origin: "https://wiki.example", "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type" },
  });
  expect(res.status).toBe(204);
  expect(res.headers.get("access-control-allow-origin")).toBe("*");
  expect(res.headers.get("access-control-allow-methods")).toContain("POST");
  expect(res.headers.get("access-control-allow-headers")).toBe("content-type");
});

it("SVG responses, error cards included, forbid scripts", async () => {
  for (const res of [
    await get("/v1/presets/o365info/activesync-madrid.svg"),
    await get("/v1/presets/nope/x.svg"),
    await post("/v1/flow?format=svg", "{", { "Content-Type": "application/json" }),
  ]) {
    expect(res.headers.get("content-type")).toMatch(/^image\/svg\+xml/);
    expect(res.headers.get("content-security-policy")).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
  }
});

describe("Cache-Control by route", () => {
  it.each([
    ["/v1/presets", "public, max-age=3600, stale-while-revalidate=86400"],
    ["/v1/presets/o365info", "public, max-age=3600, stale-while-revalidate=86400"],
    ["/v1/presets/o365info/activesync-madrid.svg", "public, max-age=3600, stale-while-revalidate=86400"],
    ["/v1/presets/o365info/audit.csv", "public, max-age=3600, stale-while-revalidate=86400"],
    ["/openapi.json", "public, max-age=3600, stale-while-revalidate=86400"],
    [`/v1/flow/svg/${kroki(REQUEST)}`, "public, max-age=31536000, immutable"],
    ["/healthz", "no-store"],
    ["/v1/presets/nope", "no-store"],
  ])("%s -> %s", async (path, cc) => {
    expect((await get(path)).headers.get("cache-control")).toBe(cc);
  });

  it("preset GETs answer 304 too, and HEAD works", async () => {
    const path = "/v1/presets/o365info/activesync-madrid.md";
    const etag = (await get(path)).headers.get("etag") ?? "";
    expect((await get(path, { "If-None-Match": etag })).status).toBe(304);
    const head = await app.request(`${ORIGIN}${path}`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("etag")).toBe(etag);
    expect(await head.text()).toBe("");
  });
});
