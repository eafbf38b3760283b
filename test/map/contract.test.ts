/**
 * The emitter contract for the map view (as test/diagrams/contract.test.ts for the sequence view):
 * every numbered step appears as an edge number on an edge between its two nodes, hostile labels
 * come out inert, output is deterministic, degenerate flows render, and every Mermaid text passes
 * mermaid.parse. Runs on the golden cases, the hostile fixture and generated flows.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { Flow } from "../../core/types.ts";
import { renderMarkdown } from "../../diagrams/index.ts";
import { renderMapMarkdown, renderMapMermaid, renderMapSvg, toMapModel } from "../../diagrams/map/index.ts";
import { goldenCases } from "../diagrams/cases.ts";
import { arbitraryFlow, HOSTILE, EMPTY } from "../diagrams/flows.ts";
import { assertSafeSvg } from "../diagrams/safety.ts";
import { parseMermaid } from "../support/mermaid-parse.ts";
import { readOurMap } from "./svg-read.ts";

interface SeenEdge { from: string; to: string; numbers: number[] }

const EDGE = /^ {4}(p_\w+) (?:-->|-\.->|---|--x)(?:\|"([\d, ]*)"\|)? (p_\w+)$/;
const STATEMENT = new RegExp(
  "^(?:flowchart LR" +
    '|%%\\{init: \\{(?:"theme": "(?:default|neutral|dark)", )?"htmlLabels": false\\}\\}%%' +
    '|    subgraph s_\\d+ \\["[^"]*"\\]' +
    '| {4,8}p_\\w+(?:\\["[^"]*"\\]|\\("[^"]*"\\)|\\[\\("[^"]*"\\)\\])' +
    '|    note_diagnostics\\["[^"]*"\\]' +
    "|    end" +
    "|    p_\\w+ (?:-->|-\\.->|---|--x)(?:\\|\"[\\d, ]*\"\\|)? p_\\w+)$",
);

/** Every line is one of our statements, and quoted text holds no character Mermaid acts on. */
function assertInertMermaid(out: string): void {
  for (const line of out.replace(/\n$/, "").split("\n")) {
    expect(line).toMatch(STATEMENT);
    if (line.startsWith("%%{init")) continue;
    for (const [, text = ""] of line.matchAll(/"([^"]*)"/g)) {
      expect(text.replace(/#\d+;/g, "").replace(/<br>/g, "")).not.toMatch(/[#;%<>`{}"|]/);
    }
  }
}

const mermaidEdges = (out: string): SeenEdge[] =>
  out.split("\n").flatMap((l) => {
    const m = EDGE.exec(l);
    return m ? [{ from: m[1] ?? "", to: m[3] ?? "", numbers: m[2] ? m[2].split(", ").map(Number) : [] }] : [];
  });

const VIEWS = [
  { name: "mermaid", render: renderMapMermaid, edges: mermaidEdges },
  { name: "svg", render: renderMapSvg, edges: (out: string): SeenEdge[] => readOurMap(out).edges },
];

const numbered = (flow: Flow): number[] => flow.steps.flatMap((s) => (s.n === null ? [] : [s.n]));

/** Each numbered step is drawn once, on an edge from its `from` node to its `to` node. */
function assertStepsOnEdges(flow: Flow, edges: SeenEdge[]): void {
  const alias = new Map(toMapModel(flow).nodes.map((n) => [n.id, n.alias]));
  expect(edges.flatMap((e) => e.numbers).sort((a, b) => a - b)).toEqual([...numbered(flow)].sort((a, b) => a - b));
  for (const s of flow.steps) {
    if (s.n === null) continue;
    const edge = edges.find((e) => e.numbers.includes(s.n ?? -1));
    expect(edge && [edge.from, edge.to]).toEqual([alias.get(s.from), alias.get(s.to)]);
  }
}

async function assertInert(name: string, out: string): Promise<void> {
  if (name === "svg") return assertSafeSvg(out);
  assertInertMermaid(out);
  expect(await parseMermaid(out)).toBe("flowchart-v2");
}

describe.each(VIEWS)("map $name view", (view) => {
  test.each(goldenCases())("draws every numbered step of $name on its edge", ({ flow }) => {
    assertStepsOnEdges(flow, view.edges(view.render(flow)));
  });

  test("keeps hostile labels inert", async () => {
    const out = view.render(HOSTILE);
    await assertInert(view.name, out);
    expect(out).not.toMatch(/<script|<img|<svg onload|<!\[CDATA\[|<b>|%%\{init: \{"theme":"dark/i);
    assertStepsOnEdges(HOSTILE, view.edges(out));
  });

  test("is deterministic: same input, same bytes", () => {
    for (const { flow } of goldenCases()) expect(view.render(structuredClone(flow))).toBe(view.render(flow));
  });

  test("renders a flow with no participants and no steps", async () => {
    const out = view.render(EMPTY);
    await assertInert(view.name, out);
    expect(view.edges(out)).toEqual([]);
  });

  test("generated flows: every step on its edge, inert output", async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryFlow, async (flow) => {
        const out = view.render(flow);
        assertStepsOnEdges(flow, view.edges(out));
        await assertInert(view.name, out);
      }),
      { numRuns: 60, seed: 20240607 },
    );
  });
});

describe("options", () => {
  test.each(["default", "neutral", "dark"] as const)("theme %s: own colours, valid output", async (theme) => {
    const flow = goldenCases()[0]?.flow ?? EMPTY;
    assertSafeSvg(renderMapSvg(flow, { theme, background: "transparent" }));
    const text = renderMapMermaid(flow, { theme });
    expect(text.startsWith(`%%{init: {"theme": "${theme}", "htmlLabels": false}}%%\n`)).toBe(true);
    expect(await parseMermaid(text)).toBe("flowchart-v2");
  });

  test("rejects unknown themes and unsafe backgrounds", () => {
    expect(() => renderMapSvg(EMPTY, { background: "url(#x)" })).toThrow(RangeError);
    expect(() => renderMapSvg(EMPTY, { theme: "evil" as "dark" })).toThrow(RangeError);
    expect(() => renderMapMarkdown(EMPTY, { theme: "evil" as "dark" })).toThrow(RangeError);
  });

  test("the Mermaid judge is not vacuous: a broken flowchart fails to parse", async () => {
    await expect(parseMermaid('flowchart LR\n    p_a["x"y"] --> p_b\n')).rejects.toThrow();
  });
});

describe("renderMapMarkdown", () => {
  test.each(goldenCases().map((c) => [c.name, c.flow] as const))("%s: the sequence Markdown's steps, with the map flowchart in the fence", (_name, flow) => {
    const map = renderMapMarkdown(flow, { theme: "dark" });
    const seq = renderMarkdown(flow, { theme: "dark" });
    const [before, after] = seq.split(/```mermaid\n[\s\S]*?\n```/);
    expect(map.startsWith(before ?? "-")).toBe(true);
    expect(map.endsWith(after ?? "-")).toBe(true);
    expect(map).toContain(`\`\`\`mermaid\n${renderMapMermaid(flow, { theme: "dark" }).trimEnd()}\n\`\`\`\n`);
  });
});
