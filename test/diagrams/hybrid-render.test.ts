/**
 * Every scenario of the hybrid presets renders in every view: sequence (Mermaid, SVG, Markdown)
 * and map (Mermaid flowchart, SVG, Markdown). The Mermaid texts pass mermaid.parse, the SVGs are
 * safe, and wherever the flow reaches Exchange Online, both views draw the cloud as a site
 * (sequence: a box; map: a region) with the endpoints by name.
 */
import { describe, expect, it } from "vitest";
import { presets, route } from "../../core/index.ts";
import { renderMarkdown, renderMermaid, renderSvg } from "../../diagrams/index.ts";
import { renderMapMarkdown, renderMapMermaid, renderMapSvg, toMapModel } from "../../diagrams/map/index.ts";
import { toDiagramModel } from "../../diagrams/sequence/model.ts";
import { parseMermaid } from "../support/mermaid-parse.ts";
import { assertInertMarkdown, assertSafeSvg } from "./safety.ts";

const CLOUD = "Microsoft 365 (Exchange Online)";
const cases = ["contoso-hybrid", "contoso-modern-hybrid"].flatMap((id) =>
  Object.entries(presets[id]!.scenarios).map(([name, s]) => [`${id}/${name}`, route(presets[id]!.topology, s.scenario)] as const),
);

describe("hybrid preset scenarios render in all views", () => {
  it.each(cases)("%s", async (_, flow) => {
    const seq = renderMermaid(flow);
    expect(await parseMermaid(seq)).toBe("sequence");
    const map = renderMapMermaid(flow);
    expect(await parseMermaid(map)).toMatch(/flowchart/);
    const svg = renderSvg(flow);
    const mapSvg = renderMapSvg(flow);
    assertSafeSvg(svg);
    assertSafeSvg(mapSvg);
    assertInertMarkdown(renderMarkdown(flow));
    expect(renderMapMarkdown(flow)).toMatch(/```mermaid\n(?:%%.*\n)?flowchart LR\n/);
    const cloud = flow.participants.filter((p) => p.kind === "cloud");
    if (cloud.length > 0) {
      // The cloud endpoints form one site box in the sequence and one region on the map.
      const model = toDiagramModel(flow);
      expect(model.sites.filter((s) => s.name === CLOUD)).toHaveLength(1);
      const mapModel = toMapModel(flow);
      const region = mapModel.sites.find((s) => s.name === CLOUD);
      expect(region?.nodes.length).toBe(cloud.length);
      expect(mapSvg).toContain(CLOUD);
      expect(svg).toContain(CLOUD);
      expect(map).toContain(CLOUD);
    }
    // Every numbered step is drawn in both views (the map numbers its edges).
    const numbers = flow.steps.flatMap((s) => (s.n === null ? [] : [s.n]));
    expect(
      toMapModel(flow)
        .edges.flatMap((e) => e.numbers)
        .sort((a, b) => a - b),
    ).toEqual(numbers);
  });

  it("at least the client flows of cloud users reach the cloud", () => {
    const reach = cases.filter(([, f]) => f.participants.some((p) => p.kind === "cloud")).length;
    expect(reach).toBeGreaterThanOrEqual(14);
  });
});
