/**
 * Map-only behaviour (the contract every drawer meets, map included, is test/diagrams/contract.test.ts):
 * each theme's colours and Mermaid init line, and the Markdown that wraps the map's flowchart.
 */
import { describe, expect, test } from "vitest";
import { renderMarkdown } from "../../diagrams/index.ts";
import { renderMapMarkdown, renderMapMermaid, renderMapSvg } from "../../diagrams/map/index.ts";
import { goldenCases } from "../diagrams/cases.ts";
import { EMPTY } from "../diagrams/flows.ts";
import { assertSafeSvg } from "../diagrams/safety.ts";
import { parseMermaid } from "../support/mermaid-parse.ts";

describe("options", () => {
  test.each(["default", "neutral", "dark"] as const)("theme %s: own colours, valid output", async (theme) => {
    const flow = goldenCases()[0]?.flow ?? EMPTY;
    assertSafeSvg(renderMapSvg(flow, { theme, background: "transparent" }));
    const text = renderMapMermaid(flow, { theme });
    expect(text.startsWith(`%%{init: {"theme": "${theme}", "htmlLabels": false}}%%\n`)).toBe(true);
    expect(await parseMermaid(text)).toBe("flowchart-v2");
  });

  test("the Mermaid judge is not vacuous: a broken flowchart fails to parse", async () => {
    await expect(parseMermaid('flowchart LR\n    p_a["x"y"] --> p_b\n')).rejects.toThrow();
  });
});

describe("renderMapMarkdown", () => {
  test.each(goldenCases().map((c) => [c.name, c.flow] as const))(
    "%s: the sequence Markdown's steps, with the map flowchart in the fence",
    (_name, flow) => {
      const map = renderMapMarkdown(flow, { theme: "dark" });
      const seq = renderMarkdown(flow, { theme: "dark" });
      const [before, after] = seq.split(/```mermaid\n[\s\S]*?\n```/);
      expect(map.startsWith(before ?? "-")).toBe(true);
      expect(map.endsWith(after ?? "-")).toBe(true);
      expect(map).toContain(`\`\`\`mermaid\n${renderMapMermaid(flow, { theme: "dark" }).trimEnd()}\n\`\`\`\n`);
    },
  );
});
