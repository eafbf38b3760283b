/**
 * The hostile-input campaign inside workerd (the real wrangler.toml and runtime): a smaller seeded set of the same
 * hostile requests through SELF.fetch, judged by the same rules as the app.request campaign, and
 * the runtime's own limits (streamed body count, DecompressionStream bombs).
 */
import { SELF } from "cloudflare:test";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_BODY_BYTES, MAX_INFLATED_BYTES } from "../../worker/limits.ts";
import { caseArb } from "./generate.ts";
import { Figures, responseProblems } from "./support.ts";
import { BASE, fetchOne } from "./workerd-fetch.ts";
import { spaces } from "../support/streams.ts";

/** zlib deflate + base64url with workerd's CompressionStream. */
async function encode(text: string): Promise<string> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream("deflate"));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

const DOC = JSON.stringify({ preset: "o365info", scenario: { user: "alice", protocol: "ews", client: "internal" } });

describe("hostile requests inside workerd", () => {
  it("answers 800 seeded hostile requests with well-formed 2xx/4xx", async () => {
    const figures = new Figures();
    const probe = async () =>
      (await fetchOne({ method: "POST", path: "/v1/flow?format=svg", headers: { "Content-Type": "application/json" }, body: DOC })).text;
    const before = await probe();
    for (const c of fc.sample(caseArb, { seed: 0x8_0000_8 + 1, numRuns: 800 })) {
      // Node's zlib encodings are made outside; inside workerd the bytes are the same.
      const got = await fetchOne(c.req);
      figures.record(c.cls, c.req, got, responseProblems(c.req, got));
    }
    console.log(figures.summary("workerd (SELF.fetch)"));
    expect(figures.fiveXX).toBe(0);
    expect(figures.problems.slice(0, 10)).toEqual([]);
    expect(await probe()).toBe(before);
  }, 120_000);

  it("counts a streamed body and stops a deflate bomb with the runtime's streams", async () => {
    const over = await SELF.fetch(`${BASE}/v1/flow`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: spaces(MAX_BODY_BYTES + 1),
    });
    expect(over.status).toBe(413);
    await over.arrayBuffer();
    const inflated = await SELF.fetch(`${BASE}/v1/flow/json/${await encode(DOC + " ".repeat(MAX_INFLATED_BYTES + 1 - DOC.length))}`);
    expect(inflated.status).toBe(413);
    await inflated.arrayBuffer();
    const under = await SELF.fetch(`${BASE}/v1/flow/json/${await encode(DOC + " ".repeat(MAX_INFLATED_BYTES - DOC.length))}`);
    expect(under.status).toBe(200);
    await under.arrayBuffer();
    const bomb = (await encode(" ".repeat(32 * 1024 * 1024))).slice(0, 8000);
    const res = await SELF.fetch(`${BASE}/v1/flow/svg/${bomb}`);
    expect([400, 413]).toContain(res.status);
    expect(res.headers.get("content-type")).toMatch(/^image\/svg\+xml/);
    await res.arrayBuffer();
  }, 60_000);
});
