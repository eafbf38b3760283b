/**
 * Fidelity of the map: mermaid-cli (in Debian's Chromium) draws each golden case's map Mermaid
 * text, and our SVG must show the same thing: the same site regions with the same labels, the
 * same nodes with the same labels, each node inside the same site region, and the same edges
 * (from, to, style: solid / dashed / lookup / fail) carrying the same step numbers. Positions are
 * not compared: Mermaid lays flowcharts out with dagre, our layout is the article's grid. The
 * golden cases and flows over awkward site names (awkward.ts) all render in one mmdc run.
 */
import { beforeAll, describe, expect, test } from "vitest";
import { renderMapMermaid, renderMapSvg, toMapModel } from "../../diagrams/map/index.ts";
import { awkwardCases } from "../diagrams/awkward.ts";
import { goldenCases } from "../diagrams/cases.ts";
import { type Rect, readMermaidMap, readOurMap, type SeenMap } from "./svg-read.ts";
import { renderWithMermaidCli } from "../support/browser.ts";

const cases = [...goldenCases(), ...awkwardCases()];
const rendered = new Map<string, string>();

beforeAll(() => {
  const svgs = renderWithMermaidCli(cases.map((c) => renderMapMermaid(c.flow)));
  for (const [i, c] of cases.entries()) rendered.set(c.name, svgs[i] ?? "");
}, 150_000);

const inside = (p: { cx: number; cy: number }, r: Rect): boolean => p.cx > r.x && p.cx < r.x + r.w && p.cy > r.y && p.cy < r.y + r.h;

/** Node ids per site id, by geometry: which region each node's centre lies in. */
function membership(seen: SeenMap): Record<string, string[]> {
  return Object.fromEntries(
    seen.sites.map((s) => [
      s.id,
      seen.nodes
        .filter((n) => inside(n, s.rect))
        .map((n) => n.id)
        .sort(),
    ]),
  );
}

const sorted = <T>(xs: T[]): T[] => [...xs].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

describe.each(cases)("map $name against mermaid-cli", ({ name, flow }) => {
  test("same sites, nodes, membership and numbered edges", () => {
    const theirs = readMermaidMap(rendered.get(name) ?? "");
    const ours = readOurMap(renderMapSvg(flow));
    const model = toMapModel(flow);
    expect(theirs.sites).toHaveLength(model.sites.length);
    expect(theirs.nodes).toHaveLength(model.nodes.length + (model.notes.length > 0 ? 1 : 0));
    expect(sorted(ours.sites.map((s) => s.id))).toEqual(sorted(theirs.sites.map((s) => s.id)));
    expect(sorted(ours.nodes.map((n) => n.id))).toEqual(sorted(theirs.nodes.map((n) => n.id)));
    expect(membership(ours)).toEqual(membership(theirs));
    expect(sorted(ours.edges)).toEqual(sorted(theirs.edges));
    const numbers = flow.steps.flatMap((s) => (s.n === null ? [] : [s.n])).sort((a, b) => a - b);
    expect(theirs.edges.flatMap((e) => e.numbers).sort((a, b) => a - b)).toEqual(numbers);
  });
});

/**
 * Displayed text: every site title, node label (the diagnostics note included) and edge label
 * reads the same in Mermaid's drawing as in ours, for the golden cases and for awkward names
 * (`#`, `;`, `&`, quotes, `<`, Mermaid syntax, unicode, emoji). Read from the SVG text elements
 * after XML decoding, i.e. what a viewer shows; see mermaidFlowchartLabel for the escaping.
 */
describe.each(cases)("map $name: displayed text against mermaid-cli", ({ name, flow }) => {
  test("every site title, node label and edge label reads the same", () => {
    const theirs = readMermaidMap(rendered.get(name) ?? "");
    const ours = readOurMap(renderMapSvg(flow));
    expect(sorted(ours.sites.map((s) => [s.id, s.label]))).toEqual(sorted(theirs.sites.map((s) => [s.id, s.label])));
    expect(sorted(ours.nodes.map((n) => [n.id, n.label]))).toEqual(sorted(theirs.nodes.map((n) => [n.id, n.label])));
    expect(theirs.edgeLabels).toHaveLength(toMapModel(flow).edges.filter((e) => e.label !== "").length);
    expect(ours.edgeLabels).toEqual(theirs.edgeLabels);
  });
});
