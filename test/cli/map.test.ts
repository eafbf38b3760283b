/**
 * The map view from the command line: `exflow flow --view map` in each format and
 * `exflow render --view map|both`, spawned as `npx exflow` runs it. The map is recognised by what
 * only it has: a Mermaid `flowchart` right after the init directive, an SVG titled "Map: ..." with
 * a region per site and node/edge classes the sequence diagram does not use.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { presets } from "../../core/presets/index.ts";
import { route } from "../../core/route/index.ts";
import { renderMapMermaid, renderMapSvg } from "../../diagrams/map/index.ts";
import { parseMermaid } from "../support/mermaid-parse.ts";
import { exflow, tempDir } from "./run.ts";

const LA = ["flow", "preset:o365info", "--scenario", "activesync-los-angeles"];
const SITES = ["New York", "Los Angeles"];

/** Checks that `svg` is the map: its own title, a text per site region, map nodes and edges. */
function expectMapSvg(svg: string): void {
  expect(svg.startsWith("<svg")).toBe(true);
  expect(svg).toMatch(/<title>Map: /);
  expect(svg).toContain('class="map-node');
  expect(svg).toContain('class="map-edge');
}

/** The lines of a map's Mermaid: init directive, then `flowchart`. */
function expectMapMermaid(mmd: string): void {
  const lines = mmd.split("\n");
  expect(lines[0]).toMatch(/^%%\{init: \{.*\}\}%%$/);
  expect(lines[1]).toBe("flowchart LR");
}

describe("exflow flow --view map", () => {
  const preset = presets.o365info!;
  const flow = route(preset.topology, { ...preset.scenarios["activesync-los-angeles"]!.scenario, profile: "o365info" });

  it("mmd: a flowchart after the init directive, that Mermaid parses, the same text the renderer gives", async () => {
    const r = await exflow([...LA, "--view", "map", "--format", "mmd", "--theme", "dark"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expectMapMermaid(r.stdout);
    expect(r.stdout.split("\n")[0]).toContain('"theme": "dark"');
    expect(r.stdout).toBe(renderMapMermaid(flow, { theme: "dark" }));
    expect(await parseMermaid(r.stdout)).toBe("flowchart-v2");
    for (const site of SITES) expect(r.stdout).toContain(site);
  });

  it("svg: the map with the site names, unlike the sequence SVG; -o x.svg picks svg", async () => {
    const dir = tempDir();
    const file = join(dir, "la-map.svg");
    const r = await exflow([...LA, "--view", "map", "-o", file, "--background", "transparent"]);
    expect(r.code).toBe(0);
    const svg = readFileSync(file, "utf8");
    expectMapSvg(svg);
    for (const site of SITES) expect(svg).toMatch(new RegExp(`>${site}</text>`));
    expect(svg.trimEnd()).toBe(renderMapSvg(flow, { theme: "default", background: "transparent" }).trimEnd());
    const seq = await exflow([...LA, "--format", "svg", "--background", "transparent"]);
    expect(seq.stdout.startsWith("<svg")).toBe(true);
    expect(seq.stdout).not.toMatch(/<title>Map: /);
    expect(seq.stdout).not.toBe(svg);
  });

  it("md: the same numbered steps as the sequence Markdown, with the map flowchart in the mermaid fence", async () => {
    const map = await exflow([...LA, "--view", "map"]);
    const seq = await exflow([...LA, "--view", "sequence"]);
    expect([map.code, seq.code]).toEqual([0, 0]);
    const steps = (md: string): string => md.slice(0, md.indexOf("```mermaid\n"));
    expect(steps(map.stdout)).toMatch(/\n1\. [\s\S]*\n2\. /);
    expect(steps(map.stdout)).toBe(steps(seq.stdout));
    const fence = /```mermaid\n([\s\S]*?)\n```/.exec(map.stdout)?.[1] ?? "";
    expectMapMermaid(fence);
    expect(seq.stdout).toMatch(/```mermaid\n(%%.*\n)?sequenceDiagram\n/);
  });

  it("json is the flow whatever the view; an unknown view is a usage error", async () => {
    const map = await exflow([...LA, "--view", "map", "--format", "json"]);
    const seq = await exflow([...LA, "--format", "json"]);
    expect(map.stdout).toBe(seq.stdout);
    const bad = await exflow([...LA, "--view", "tree"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Allowed choices are sequence, map/);
  });
});

describe("exflow render --view", () => {
  let dir: string;
  let applicable: number;

  beforeAll(async () => {
    dir = tempDir();
    const r = await exflow(["audit", "preset:o365info", "--format", "json"]);
    applicable = (JSON.parse(r.stdout) as { rows: { outcome: string }[] }).rows.filter((x) => x.outcome !== "n/a").length;
  });

  it("both: <name>.map.svg and .map.mmd beside the sequence files, all linked from index.md", async () => {
    const out = join(dir, "both");
    const r = await exflow(["render", "preset:o365info", "--out", out, "--view", "both"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`wrote ${applicable} flows (${applicable * 5} files)`);
    const files = readdirSync(out);
    expect(files).toHaveLength(applicable * 5 + 1);
    const stem = "bob-activesync-external";
    for (const ext of [".svg", ".mmd", ".md", ".map.svg", ".map.mmd"]) expect(files).toContain(`${stem}${ext}`);
    const svg = readFileSync(join(out, `${stem}.map.svg`), "utf8");
    expectMapSvg(svg);
    for (const site of SITES) expect(svg).toContain(`>${site}</text>`);
    expectMapMermaid(readFileSync(join(out, `${stem}.map.mmd`), "utf8"));
    expect(readFileSync(join(out, `${stem}.mmd`), "utf8")).toContain("sequenceDiagram");
    expect(readFileSync(join(out, `${stem}.md`), "utf8")).toContain("sequenceDiagram");

    const index = readFileSync(join(out, "index.md"), "utf8");
    expect(index).toContain(`[map](${stem}.map.svg) · [map mmd](${stem}.map.mmd)`);
    const links = [...index.matchAll(/\]\(([^)]+)\)/g)].map((m) => m[1]!);
    expect(links).toHaveLength(applicable * 5);
    for (const link of links) expect(files).toContain(link);
  });

  it("map: the map files and a .md whose fence holds the map; no sequence diagrams", async () => {
    const out = join(dir, "map");
    const r = await exflow(["render", "preset:o365info", "--out", out, "--view", "map"]);
    expect(r.code).toBe(0);
    const files = readdirSync(out);
    expect(files).toHaveLength(applicable * 3 + 1);
    expect(files.filter((f) => /(?<!\.map)\.(svg|mmd)$/.test(f))).toEqual([]);
    const md = readFileSync(join(out, "carmen-activesync-external.md"), "utf8");
    expectMapMermaid(/```mermaid\n([\s\S]*?)\n```/.exec(md)?.[1] ?? "");
    expect(existsSync(join(out, "carmen-activesync-external.map.svg"))).toBe(true);
    const links = [...readFileSync(join(out, "index.md"), "utf8").matchAll(/\]\(([^)]+)\)/g)].map((m) => m[1]!);
    expect(links).toHaveLength(applicable * 3);
    for (const link of links) expect(files).toContain(link);
  });
});
