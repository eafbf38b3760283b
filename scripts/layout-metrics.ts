/**
 * The layout rules measured over every preset scenario in both views (test/support/geometry.ts):
 * the widest picture per preset and view, and the count of each kind of problem. Numbers for the
 * closing notes of layout work; the tests assert the rules themselves.
 * Usage: node scripts/layout-metrics.ts [checkout]   (an older checkout gives "before" numbers)
 */
import { join, resolve } from "node:path";
import { layoutProblems, readPicture } from "../test/support/geometry.ts";

const args = process.argv.slice(2).filter((a) => a !== "-v");
const root = resolve(args[0] ?? join(import.meta.dirname, ".."));
const { compile, presets } = await import(join(root, "core/index.ts"));
const { renderSvg } = await import(join(root, "diagrams/svg.ts"));
const { renderMapSvg } = await import(join(root, "diagrams/map/svg.ts"));
const verbose = process.argv.includes("-v");

const kinds = new Map<string, number>();
for (const [id, preset] of Object.entries(presets) as [string, { scenarios?: Record<string, { scenario: unknown }> }][]) {
  const widest = { sequence: 0, map: 0 };
  for (const [name, s] of Object.entries(preset.scenarios ?? {})) {
    const r = compile({ preset: id, scenario: s.scenario });
    if (!r.ok) continue;
    for (const [view, draw] of [
      ["sequence", renderSvg],
      ["map", renderMapSvg],
    ] as const) {
      const svg = draw(r.value.flow, {});
      widest[view] = Math.max(widest[view], readPicture(svg).width);
      for (const p of layoutProblems(svg)) {
        const k = p.replace(/\d+/g, "N").replace(/"[^"]*"/g, "…");
        kinds.set(k, (kinds.get(k) ?? 0) + 1);
        if (verbose) console.log(`${id}/${name} ${view}: ${p}`);
      }
    }
  }
  console.log(`${id}: widest sequence ${Math.round(widest.sequence)} px, map ${Math.round(widest.map)} px`);
}
for (const [k, c] of [...kinds].sort((a, b) => b[1] - a[1])) console.log(`${String(c).padStart(4)} x ${k}`);
console.log(`${[...kinds.values()].reduce((a, b) => a + b, 0)} problems`);
