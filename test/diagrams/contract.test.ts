/**
 * One contract over every drawer of diagrams/views.ts (sequence and map x svg, mmd, md): the
 * numbered steps all appear, hostile labels come out inert, output is deterministic, degenerate
 * flows render, and options a drawer cannot draw with are a RangeError. Each drawer plugs in with
 * an adapter that reads back what it shows; the map drawers also show each step on its own edge.
 * Every drawer runs every case: a new drawer added to VIEWS without an adapter fails here.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { Flow } from "../../core/index.ts";
import { toMapModel } from "../../diagrams/map/index.ts";
import { type Draw, type DrawnFormat, VIEWS } from "../../diagrams/views.ts";
import { parseMermaid } from "../support/mermaid-parse.ts";
import { goldenCases } from "./cases.ts";
import { arbitraryFlow, EMPTY, HOSTILE } from "./flows.ts";
import { assertInertMapMermaid, assertInertMarkdown, assertInertMermaid, assertSafeSvg } from "./safety.ts";
import { readOurMap } from "../map/svg-read.ts";

interface SeenEdge {
  from: string;
  to: string;
  numbers: number[];
}

interface Adapter {
  /** The step numbers the reader sees, in drawing order (the map: along its edges). */
  numbers: (out: string) => number[];
  /** Whether `numbers` follows the steps' order (the sequence) or only holds each once (the map). */
  ordered: boolean;
  /** Throws if the output lets anything through that is not plain text. */
  assertInert: (out: string) => void | Promise<void>;
  /** The map's edges with the numbers drawn on them. */
  edges?: (out: string) => SeenEdge[];
}

const MAP_EDGE = /^ {4}(p_\w+) (?:-->|-\.->|---|--x)(?:\|"([\d, ]*)"\|)? (p_\w+)$/;
const mapMermaidEdges = (out: string): SeenEdge[] =>
  out.split("\n").flatMap((l) => {
    const m = MAP_EDGE.exec(l);
    return m ? [{ from: m[1] ?? "", to: m[3] ?? "", numbers: m[2] ? m[2].split(", ").map(Number) : [] }] : [];
  });
const markdownNumbers = (out: string): number[] => [...(out.split("```")[0] ?? "").matchAll(/^(\d+)\. /gm)].map((m) => Number(m[1]));

const ADAPTERS: Record<keyof typeof VIEWS, Record<DrawnFormat, Adapter>> = {
  sequence: {
    mmd: {
      numbers: (out) => [...out.matchAll(/^ {4}p_\w+(?:->>|-->>|-\)|--\)|-x|--x)p_\w+: (\d+)\. /gm)].map((m) => Number(m[1])),
      ordered: true,
      assertInert: async (out) => {
        assertInertMermaid(out);
        expect(await parseMermaid(out)).toBe("sequence");
      },
    },
    svg: {
      numbers: (out) => [...out.matchAll(/class="sequence-number"[^>]*>(\d+)</g)].map((m) => Number(m[1])),
      ordered: true,
      assertInert: assertSafeSvg,
    },
    md: { numbers: markdownNumbers, ordered: true, assertInert: (out) => assertInertMarkdown(out) },
  },
  map: {
    mmd: {
      numbers: (out) => mapMermaidEdges(out).flatMap((e) => e.numbers),
      ordered: false,
      edges: mapMermaidEdges,
      assertInert: async (out) => {
        assertInertMapMermaid(out);
        expect(await parseMermaid(out)).toBe("flowchart-v2");
      },
    },
    svg: {
      numbers: (out) => readOurMap(out).edges.flatMap((e) => e.numbers),
      ordered: false,
      edges: (out) => readOurMap(out).edges,
      assertInert: assertSafeSvg,
    },
    md: { numbers: markdownNumbers, ordered: true, assertInert: (out) => assertInertMarkdown(out, assertInertMapMermaid) },
  },
};

const DRAWERS = Object.entries(VIEWS).flatMap(([view, formats]) =>
  Object.entries(formats).map(([format, draw]) => ({
    name: `${view} ${format}`,
    draw: draw as Draw,
    adapter: ADAPTERS[view as keyof typeof VIEWS][format as DrawnFormat],
  })),
);

const numbered = (flow: Flow): number[] => flow.steps.flatMap((s) => (s.n === null ? [] : [s.n]));
const sorted = (ns: number[]): number[] => [...ns].sort((a, b) => a - b);

function assertNumbers(flow: Flow, out: string, a: Adapter): void {
  if (a.ordered) expect(a.numbers(out)).toEqual(numbered(flow));
  else expect(sorted(a.numbers(out))).toEqual(sorted(numbered(flow)));
  if (!a.edges) return;
  // Each numbered step is drawn on an edge from its `from` node to its `to` node.
  const alias = new Map(toMapModel(flow).nodes.map((n) => [n.id, n.alias]));
  const edges = a.edges(out);
  for (const s of flow.steps) {
    if (s.n === null) continue;
    const edge = edges.find((e) => e.numbers.includes(s.n ?? -1));
    expect(edge && [edge.from, edge.to]).toEqual([alias.get(s.from), alias.get(s.to)]);
  }
}

test("every drawer has an adapter", () => {
  expect(DRAWERS.map((d) => d.name)).toEqual(["sequence svg", "sequence mmd", "sequence md", "map svg", "map mmd", "map md"]);
  for (const d of DRAWERS) expect(d.adapter, d.name).toBeDefined();
});

describe.each(DRAWERS)("$name", ({ draw, adapter }) => {
  test.each(goldenCases())("shows every step number of $name", ({ flow }) => {
    assertNumbers(flow, draw(flow), adapter);
  });

  test("keeps hostile labels inert", async () => {
    const out = draw(HOSTILE);
    await adapter.assertInert(out);
    expect(out).not.toMatch(/<script|<img|<svg onload|<!\[CDATA\[|<b>/i);
    assertNumbers(HOSTILE, out, adapter);
  });

  test("is deterministic: same input, same bytes", () => {
    for (const { flow } of goldenCases()) expect(draw(structuredClone(flow))).toBe(draw(flow));
  });

  test("renders a flow with no participants and no steps", async () => {
    const out = draw(EMPTY);
    await adapter.assertInert(out);
    expect(adapter.numbers(out)).toEqual([]);
  });

  test("rejects an unknown theme and an unsafe background with a RangeError", () => {
    expect(() => draw(EMPTY, { theme: "evil" as "dark" })).toThrow(RangeError);
    expect(() => draw(EMPTY, { background: "url(#x)" })).toThrow(RangeError);
  });

  test("generated flows: every number shown, inert output", async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryFlow, async (flow) => {
        const out = draw(flow);
        assertNumbers(flow, out, adapter);
        await adapter.assertInert(out);
      }),
      { numRuns: 60, seed: 20240607 },
    );
  });
});
