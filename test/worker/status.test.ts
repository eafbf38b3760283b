/** Every expected error status, through app.request: problem+json with the core's issues, or an SVG card. */
import { deflateSync, deflateRawSync } from "node:zlib";
import { describe, expect, it, vi } from "vitest";
import { Hono } from "hono";
import type { AppEnv } from "../../worker/app-env.ts";
import { onError } from "../../worker/errors.ts";
import { MAX_BODY_BYTES, MAX_INFLATED_BYTES, MAX_URL_CHARS } from "../../worker/limits.ts";
import { app, get, kroki, ORIGIN, post, problem, REQUEST, SCENARIO } from "./helpers.ts";

describe("400 unreadable request", () => {
  it("bad JSON names line and column", async () => {
    const body = await problem(await post("/v1/flow", "{not json", { "Content-Type": "application/json" }), 400);
    expect(body.detail).toMatch(/JSON.*line 1, column 2/);
    expect(body.errors?.[0]?.code).toBe("PARSE");
  });

  it("bad YAML", async () => {
    await problem(await post("/v1/flow", "scenario: [unclosed\n  - x: : :", { "Content-Type": "application/yaml" }), 400);
  });

  it("empty body and invalid UTF-8", async () => {
    await problem(await post("/v1/flow", "   ", { "Content-Type": "application/json" }), 400);
    const res = await app.request(`${ORIGIN}/v1/flow`, {
      method: "POST",
      body: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]),
      headers: { "Content-Type": "application/json" },
    });
    expect((await problem(res, 400)).detail).toMatch(/UTF-8/);
  });

  it("bad base64url, bad deflate, deflated garbage", async () => {
    expect((await problem(await get("/v1/flow/json/abc$def"), 400)).detail).toMatch(/base64url/);
    expect((await problem(await get("/v1/flow/json/eJzz"), 400)).detail).toMatch(/deflate/);
    const notJson = deflateSync(Buffer.from("{{{{")).toString("base64url");
    await problem(await get(`/v1/flow/json/${notJson}`), 400);
  });
});

describe("404 not found", () => {
  it("unknown preset lists the valid ids", async () => {
    const body = await problem(await get("/v1/presets/nope"), 404);
    expect(body.detail).toContain("o365info");
    expect(body.allowed).toContain("o365info");
  });

  it("unknown scenario lists the preset's scenario names", async () => {
    const body = await problem(await get("/v1/presets/o365info/nope.md"), 404);
    expect(body.allowed).toContain("activesync-madrid");
    expect(body.detail).toContain("activesync-madrid");
  });

  it("unknown route", async () => {
    expect((await problem(await get("/v2/flow"), 404)).detail).toMatch(/no route/);
  });

  it("as an SVG card when the client asked for an image", async () => {
    const res = await get("/v1/presets/nope/x.svg", { Accept: "image/svg+xml" });
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/^image\/svg\+xml/);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const svg = await res.text();
    expect(svg).toMatch(/^<svg/);
    expect(svg).toContain("404 Not found");
  });
});

describe("405 method not allowed", () => {
  it("GET /v1/flow answers with Allow: POST", async () => {
    const res = await get("/v1/flow");
    await problem(res, 405);
    expect(res.headers.get("allow")).toBe("POST");
  });

  it("POST on a GET route lists GET and HEAD", async () => {
    const res = await post("/v1/presets", "{}", { "Content-Type": "application/json" });
    await problem(res, 405);
    expect(res.headers.get("allow")).toBe("GET, HEAD");
  });
});

describe("406 not acceptable", () => {
  it("unknown ?format=", async () => {
    const body = await problem(await post("/v1/flow?format=gif", REQUEST), 406);
    expect(body.allowed).toEqual(["json", "svg", "mmd", "md", "png"]);
  });

  it("unknown format in the path and extension", async () => {
    await problem(await get(`/v1/flow/pdf/${kroki(REQUEST)}`), 406);
    await problem(await get("/v1/presets/o365info/activesync-madrid.pdf"), 406);
    const card = await get("/v1/presets/o365info/audit.svg");
    expect(card.status).toBe(406);
    expect(card.headers.get("content-type")).toMatch(/^image\/svg\+xml/); // the URL names svg, so the error is a picture
  });

  it("an Accept header naming none of our types", async () => {
    await problem(await post("/v1/flow", REQUEST, { Accept: "application/xml" }), 406);
  });
});

describe("413 content too large", () => {
  it("by Content-Length, before reading", async () => {
    const res = await app.request(`${ORIGIN}/v1/flow`, {
      method: "POST",
      body: "{}",
      headers: { "Content-Type": "application/json", "Content-Length": String(MAX_BODY_BYTES + 1) },
    });
    expect((await problem(res, 413)).detail).toContain("256 KiB");
  });

  it("by counting a streamed body without Content-Length, stopping at the limit", async () => {
    let pulled = 0;
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    const stream = new ReadableStream<Uint8Array>({
      pull(ctl) {
        pulled += chunk.byteLength;
        if (pulled > 10 * MAX_BODY_BYTES) ctl.close();
        else ctl.enqueue(chunk);
      },
    });
    const res = await app.request(`${ORIGIN}/v1/flow`, {
      method: "POST",
      body: stream,
      headers: { "Content-Type": "application/json" },
      duplex: "half",
    } as RequestInit);
    await problem(res, 413);
    expect(pulled).toBeLessThan(2 * MAX_BODY_BYTES);
  });

  it("a decompression bomb in an encoded URL", async () => {
    const bomb = deflateSync(Buffer.alloc(MAX_INFLATED_BYTES * 40, 0x20), { level: 9 }).toString("base64url");
    expect(bomb.length).toBeLessThan(MAX_URL_CHARS);
    expect((await problem(await get(`/v1/flow/json/${bomb}`), 413)).detail).toMatch(/POST \/v1\/flow/);
  });
});

describe("414 URL too long", () => {
  it("says to use POST /v1/flow", async () => {
    const body = await problem(await get(`/v1/flow/json/${"A".repeat(MAX_URL_CHARS)}`), 414);
    expect(body.detail).toContain("POST /v1/flow");
  });

  it("as an SVG card for an svg URL", async () => {
    const res = await get(`/v1/flow/svg/${"A".repeat(MAX_URL_CHARS)}`);
    expect(res.status).toBe(414);
    expect(res.headers.get("content-type")).toMatch(/^image\/svg\+xml/);
  });
});

describe("415 unsupported media type", () => {
  it("form-encoded bodies (curl -d without -H) are refused with a hint", async () => {
    const body = await problem(
      await post("/v1/flow", JSON.stringify(REQUEST), { "Content-Type": "application/x-www-form-urlencoded" }),
      415,
    );
    expect(body.detail).toContain("--data-binary");
  });
});

describe("422 invalid input", () => {
  it("carries every issue with its path", async () => {
    const body = await problem(
      await post("/v1/flow", { preset: "o365info", scenario: { user: "nobody", protocol: "smtp", client: "external" } }),
      422,
    );
    const paths = body.errors?.map((e) => e.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["scenario.user", "scenario.protocol"]));
    for (const e of body.errors ?? [])
      expect(e).toEqual({ code: expect.any(String), message: expect.any(String), path: expect.any(Array) });
  });

  it("an invalid inline topology", async () => {
    const body = await problem(
      await post("/v1/flow", { topology: { sites: [], servers: 3, namespaces: [], users: [] }, scenario: SCENARIO }),
      422,
    );
    expect(body.errors?.some((e) => e.path[0] === "topology")).toBe(true);
  });

  it("an unknown view", async () => {
    const body = await problem(await post("/v1/flow?view=timeline", REQUEST), 422);
    expect(body.errors?.[0]?.path).toEqual(["options", "view"]);
  });

  // The schema and the drawers share one allow-list (core/options.ts): a background is refused
  // the same way whatever the format, so json and mmd never accept what svg cannot draw.
  it.each(["json", "mmd", "svg", "md"])("a background outside the allow-list is a 422 for %s too", async (format) => {
    const res = await post(`/v1/flow?format=${format}&background=rgb(1%2C2%2C3)`, REQUEST);
    if (format === "svg")
      return expect([res.status, await res.text()]).toEqual([422, expect.stringContaining("not an allowed background")]);
    expect((await problem(res, 422)).errors?.[0]?.path).toEqual(["options", "background"]);
  });

  it("an invalid audit request", async () => {
    const body = await problem(await post("/v1/audit", { preset: "nope" }), 422);
    expect(body.errors?.[0]?.path).toEqual(["preset"]);
  });

  it("as an SVG card listing the issues for ?format=svg", async () => {
    const res = await post("/v1/flow?format=svg", { preset: "o365info", scenario: { ...SCENARIO, user: "nobody" } });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain("no user");
  });
});

describe("500 unexpected errors", () => {
  it("are logged as one JSON line with the request id, and leak nothing", async () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const t = new Hono<AppEnv>();
    t.use(async (c, next) => {
      c.set("requestId", "req-1");
      await next();
    });
    t.get("/boom", () => {
      throw new TypeError("secret internal detail");
    });
    t.onError(onError);
    const res = await t.request("/boom");
    const body = await problem(res, 500);
    expect(JSON.stringify(body)).not.toContain("secret");
    expect(body.detail).toContain("req-1");
    expect(spy).toHaveBeenCalledTimes(1);
    const line = JSON.parse(String(spy.mock.calls[0]?.[0])) as Record<string, unknown>;
    expect(line).toMatchObject({ level: "error", requestId: "req-1", path: "/boom" });
    expect(line.error).toContain("secret internal detail");
    spy.mockRestore();
  });
});

it("raw deflate (PlantUML-style) and plain base64 JSON are forgiven in encoded URLs", async () => {
  const raw = deflateRawSync(Buffer.from(JSON.stringify(REQUEST))).toString("base64url");
  expect((await get(`/v1/flow/json/${raw}`)).status).toBe(200);
  const plain = Buffer.from(JSON.stringify(REQUEST)).toString("base64url");
  expect((await get(`/v1/flow/json/${plain}`)).status).toBe(200);
});
