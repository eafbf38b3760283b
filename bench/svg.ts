/**
 * Benchmark: our SVG renderer against mermaid-cli on the same diagrams (the golden cases).
 * Ours: many renders per diagram in batches; reports median and mean ms per render.
 * mermaid-cli: a handful of renders through its node API with one kept-open Chromium
 * (per-diagram page cost), plus a few cold `mmdc` processes (start-up included).
 * Run: node bench/svg.ts   (Node 22 strips the types; needs /usr/bin/chromium)
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { renderMermaid, renderSvg } from "../diagrams/index.ts";
import { CHROMIUM, CHROMIUM_ARGS } from "../scripts/chromium.ts";
import { goldenFlows } from "./cases.ts";

const BATCHES = 25;
const PER_BATCH = 200;
const MMDC_WARM_RUNS = 5;
const MMDC_COLD_RUNS = 3;
const ARGS = [...CHROMIUM_ARGS, "--headless"];

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};
const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const fmt = (ms: number): string => (ms < 1 ? ms.toFixed(4) : ms.toFixed(1));

function benchOurs(render: () => string): { median: number; mean: number } {
  for (let i = 0; i < PER_BATCH; i++) render();
  const perRender: number[] = [];
  for (let b = 0; b < BATCHES; b++) {
    const t0 = performance.now();
    for (let i = 0; i < PER_BATCH; i++) render();
    perRender.push((performance.now() - t0) / PER_BATCH);
  }
  return { median: median(perRender), mean: mean(perRender) };
}

const cases = goldenFlows();
const { default: puppeteer } = await import("puppeteer");
const { renderMermaid: mmdcRender } = await import("@mermaid-js/mermaid-cli");
const browser = await puppeteer.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });

const dir = mkdtempSync(join(tmpdir(), "exflow-bench-"));
writeFileSync(join(dir, "puppeteer.json"), JSON.stringify({ executablePath: CHROMIUM, args: ARGS }));
const MMDC = new URL("../node_modules/.bin/mmdc", import.meta.url).pathname;

console.log("diagram                      ours median / mean (ms)   mmdc warm median (ms)   ratio (warm / ours)");
const rows: { ours: number; warm: number }[] = [];
for (const c of cases) {
  const ours = benchOurs(() => renderSvg(c.flow));
  const text = renderMermaid(c.flow);
  await mmdcRender(browser, text, "svg"); // first page load of this diagram type
  const warm: number[] = [];
  for (let i = 0; i < MMDC_WARM_RUNS; i++) {
    const t0 = performance.now();
    await mmdcRender(browser, text, "svg");
    warm.push(performance.now() - t0);
  }
  rows.push({ ours: ours.median, warm: median(warm) });
  console.log(
    [
      `${c.name.padEnd(28)} ${fmt(ours.median).padStart(8)} / ${fmt(ours.mean).padEnd(14)}`,
      `${fmt(median(warm)).padStart(12)}            ${Math.round(median(warm) / ours.median)}x`,
    ].join(" "),
  );
}
await browser.close();

const cold: number[] = [];
for (const c of cases.slice(0, MMDC_COLD_RUNS)) {
  const input = join(dir, `${c.name}.mmd`);
  writeFileSync(input, renderMermaid(c.flow));
  const t0 = performance.now();
  execFileSync(MMDC, ["-q", "-p", join(dir, "puppeteer.json"), "-i", input, "-o", join(dir, `${c.name}.svg`)]);
  cold.push(performance.now() - t0);
}
const oursAll = median(rows.map((r) => r.ours));
const warmAll = median(rows.map((r) => r.warm));
console.log(
  `\nmedian over ${rows.length} diagrams: ours ${fmt(oursAll)} ms, mmdc warm ${fmt(warmAll)} ms (${Math.round(warmAll / oursAll)}x), ` +
    `mmdc cold process ${fmt(median(cold))} ms (${Math.round(median(cold) / oursAll)}x, ${cold.length} runs)`,
);
console.log(`target: ours under 1 ms per diagram: ${oursAll < 1 ? "met" : "NOT met"}`);
