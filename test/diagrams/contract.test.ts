/**
 * One contract, three views (Mermaid, SVG, Markdown): every step number appears in order, hostile
 * labels come out inert, output is deterministic, degenerate flows still render. Each view plugs
 * in with an adapter that reads back the numbers it shows and checks its own escaping rules.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { Flow } from "../../core/types.ts";
import { renderMarkdown, renderMermaid, renderSvg } from "../../diagrams/index.ts";
import { goldenCases } from "./cases.ts";
import { arbitraryFlow, HOSTILE, EMPTY } from "./flows.ts";
import { parseMermaid } from "../support/mermaid-parse.ts";
import { assertInertMarkdown, assertInertMermaid, assertSafeSvg } from "./safety.ts";

interface View {
  name: string;
  render: (flow: Flow) => string;
  /** The step numbers the reader sees, in drawing order. */
  numbers: (out: string) => number[];
  /** Throws if the output lets anything through that is not plain text. */
  assertInert: (out: string) => void | Promise<void>;
}

const VIEWS: View[] = [
  {
    name: "mermaid",
    render: renderMermaid,
    numbers: (out) => [...out.matchAll(/^ {4}p_\w+(?:->>|-->>|-\)|--\)|-x|--x)p_\w+: (\d+)\. /gm)].map((m) => Number(m[1])),
    assertInert: async (out) => {
      assertInertMermaid(out);
      expect(await parseMermaid(out)).toBe("sequence");
    },
  },
  {
    name: "svg",
    render: renderSvg,
    numbers: (out) => [...out.matchAll(/class="sequence-number"[^>]*>(\d+)</g)].map((m) => Number(m[1])),
    assertInert: assertSafeSvg,
  },
  {
    name: "markdown",
    render: renderMarkdown,
    numbers: (out) => [...out.split("```")[0]!.matchAll(/^(\d+)\. /gm)].map((m) => Number(m[1])),
    assertInert: (out) => assertInertMarkdown(out),
  },
];

const numbered = (flow: Flow): number[] => flow.steps.flatMap((s) => (s.n === null ? [] : [s.n]));
describe.each(VIEWS)("$name view", (view) => {
  test.each(goldenCases())("shows the step numbers of $name in order", ({ flow }) => {
    expect(view.numbers(view.render(flow))).toEqual(numbered(flow));
  });

  test("keeps hostile labels inert", async () => {
    const out = view.render(HOSTILE);
    await view.assertInert(out);
    expect(out).not.toMatch(/<script|<img|<svg onload|<!\[CDATA\[|<b>/i);
    expect(view.numbers(out)).toEqual(numbered(HOSTILE));
  });

  test("is deterministic: same input, same bytes", () => {
    for (const { flow } of goldenCases()) {
      expect(view.render(structuredClone(flow))).toBe(view.render(flow));
    }
  });

  test("renders a flow with no participants and no steps", async () => {
    const out = view.render(EMPTY);
    await view.assertInert(out);
    expect(view.numbers(out)).toEqual([]);
  });

  test("generated flows: numbers in order and inert output", async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryFlow, async (flow) => {
        const out = view.render(flow);
        expect(view.numbers(out)).toEqual(numbered(flow));
        await view.assertInert(out);
      }),
      { numRuns: 60, seed: 20240607 },
    );
  });
});
