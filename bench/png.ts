/**
 * CPU per PNG: our SVG renderer vs the same SVG rasterized by resvg-wasm with the bundled font
 * (cli/png.ts, as the CLI does it; the Worker runs the same wasm), on the golden flows, side by side.
 * Reports the one-off start (wasm compile + instantiate + first picture) and warm medians.
 * Usage: node bench/png.ts
 */
import { performance } from "node:perf_hooks";
import { pngOf } from "../cli/png.ts";
import { renderSvg } from "../diagrams/index.ts";
import { renderMapSvg } from "../diagrams/index.ts";
import { goldenFlows } from "./cases.ts";

const flows = goldenFlows().map((c) => c.flow);
const svgs = flows.flatMap((f) => [renderSvg(f), renderMapSvg(f)]);
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

let t = performance.now();
await pngOf(svgs[0] ?? "");
const first = performance.now() - t;

const svgTimes: number[] = [];
const pngTimes: number[] = [];
const bytes: number[] = [];
for (let round = 0; round < 3; round++) {
  for (const f of flows) {
    t = performance.now();
    renderSvg(f);
    svgTimes.push(performance.now() - t);
  }
  for (const s of svgs) {
    t = performance.now();
    const png = await pngOf(s);
    pngTimes.push(performance.now() - t);
    bytes.push(png.length);
  }
}
const ms = (v: number): string => `${v.toFixed(2)} ms`;
// Issue 25's goals, on the same machine and run as the SVG row.
const GOAL_WARM_MS = 20;
const GOAL_FIRST_MS = 200;
const verdict = (v: number, goal: number): string => `(goal <= ${goal} ms: ${v <= goal ? "met" : "NOT met"})`;
console.log(`png: first picture (wasm start + font) ${ms(first)} ${verdict(first, GOAL_FIRST_MS)}`);
console.log(`svg: median ${ms(median(svgTimes))} per diagram (${svgTimes.length} runs)`);
console.log(
  [
    `png: median ${ms(median(pngTimes))} per diagram (${pngTimes.length} runs, ${svgs.length}`,
    `sequence and map SVGs), ${(median(pngTimes) / Math.max(median(svgTimes), 1e-3)).toFixed(0)}x the`,
    `SVG; median size ${(median(bytes) / 1024).toFixed(1)} KB ${verdict(median(pngTimes), GOAL_WARM_MS)}`,
  ].join(" "),
);
