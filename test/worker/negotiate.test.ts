/** Content negotiation: ?format= over Accept, media types, Vary. */
import { describe, expect, it } from "vitest";
import { parseAccept } from "../../worker/accept.ts";
import { get, post, REQUEST } from "./helpers.ts";

describe("parseAccept", () => {
  it("orders by q, stable for ties, and drops q=0 and junk", () => {
    expect(parseAccept("text/plain;q=0.5, image/svg+xml, junk, application/json;q=0, */*;q=0.1").map((a) => a.type)).toEqual([
      "image/svg+xml",
      "text/plain",
      "*/*",
    ]);
    expect(parseAccept(undefined)).toEqual([]);
  });
});

describe("negotiation on POST /v1/flow", () => {
  it.each([
    ["image/svg+xml", "image/svg+xml; charset=utf-8"],
    ["image/*", "image/svg+xml; charset=utf-8"],
    ["text/vnd.mermaid", "text/vnd.mermaid; charset=utf-8"],
    ["text/plain", "text/plain; charset=utf-8"],
    ["text/markdown", "text/markdown; charset=utf-8"],
    ["application/json", "application/json; charset=utf-8"],
    ["*/*", "application/json; charset=utf-8"],
    ["text/html,application/xhtml+xml,*/*;q=0.8", "application/json; charset=utf-8"],
    ["image/avif,image/webp,image/svg+xml,image/*,*/*;q=0.8", "image/svg+xml; charset=utf-8"],
  ])("Accept %s -> %s, with Vary: Accept", async (accept, type) => {
    const res = await post("/v1/flow", REQUEST, { Accept: accept });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe(type);
    expect(res.headers.get("vary")).toBe("Accept");
  });

  it("?format= wins over Accept", async () => {
    const res = await post("/v1/flow?format=md", REQUEST, { Accept: "image/svg+xml" });
    expect(res.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    expect(res.headers.get("vary")).toBeNull();
  });

  it("mmd is text/plain when Accept asks for it, so browsers show it inline", async () => {
    const res = await post("/v1/flow?format=mmd", REQUEST, { Accept: "text/plain" });
    expect(res.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(res.headers.get("vary")).toBe("Accept");
  });

  it("a preset scenario without extension is negotiated too", async () => {
    const res = await get("/v1/presets/o365info/activesync-madrid", { Accept: "text/markdown" });
    expect(res.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    expect(res.headers.get("vary")).toBe("Accept");
  });
});
