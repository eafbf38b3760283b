/**
 * The `scale` option (PNG pixels per SVG pixel) from the API's query, the body's options and the
 * CLI's flag: the PNG's size is the SVG's times the scale, the other formats are unchanged, and a
 * value off the list is refused with the allowed ones (422 in the API, exit 2 in the CLI).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import app from "../../worker/index.ts";
import { exflow, tempDir } from "../cli/run.ts";

const URL = "/v1/presets/o365info/activesync-madrid";
/** Width and height from the PNG's IHDR chunk. */
const size = (b: Uint8Array): [number, number] => {
  const v = new DataView(b.buffer, b.byteOffset);
  return [v.getUint32(16), v.getUint32(20)];
};
const svgSize = (svg: string): [number, number] => {
  const m = /<svg[^>]* width="([\d.]+)" height="([\d.]+)"/.exec(svg);
  return [Math.ceil(Number(m?.[1])), Math.ceil(Number(m?.[2]))];
};

describe("scale", () => {
  it("the API draws the PNG at the asked scale; svg ignores it", async () => {
    const svg = await (await app.request(`${URL}.svg`)).text();
    expect(await (await app.request(`${URL}.svg?scale=3`)).text()).toBe(svg);
    const [w, h] = svgSize(svg);
    const one = size(new Uint8Array(await (await app.request(`${URL}.png`)).arrayBuffer()));
    expect(one[0]).toBeGreaterThanOrEqual(w - 1);
    const two = size(new Uint8Array(await (await app.request(`${URL}.png?scale=2`)).arrayBuffer()));
    expect(two[0]).toBeGreaterThanOrEqual(2 * one[0] - 2);
    expect(two[1]).toBeGreaterThanOrEqual(2 * one[1] - 2);
    expect(h).toBeGreaterThan(0);
  });

  it("a POST body's options.scale is the same option; a value off the list is a 422 naming 1-4", async () => {
    const body = { preset: "o365info", scenario: { user: "alice", protocol: "ews", client: "internal" }, options: { scale: 4 } };
    const res = await app.request("/v1/flow?format=png", {
      method: "POST",
      body: JSON.stringify(body),
      headers: { "content-type": "application/json" },
    });
    expect(res.status).toBe(200);
    const bad = await app.request(`${URL}.json?scale=7`);
    expect(bad.status).toBe(422);
    expect(JSON.stringify(await bad.json())).toMatch(/options\.scale.*1, 2, 3, 4/);
  });

  it("the CLI's --scale reaches the PNG and refuses other values", async () => {
    const dir = tempDir();
    const [one, two] = [join(dir, "a.png"), join(dir, "b.png")];
    expect((await exflow(["flow", "preset:o365info", "--scenario", "activesync-madrid", "-o", one])).code).toBe(0);
    expect((await exflow(["flow", "preset:o365info", "--scenario", "activesync-madrid", "-o", two, "--scale", "2"])).code).toBe(0);
    const [a, b] = [size(readFileSync(one)), size(readFileSync(two))];
    expect(b[0]).toBeGreaterThanOrEqual(2 * a[0] - 2);
    const bad = await exflow(["flow", "preset:o365info", "--scenario", "activesync-madrid", "-o", two, "--scale", "5"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/1, 2, 3, 4/);
  });
});
