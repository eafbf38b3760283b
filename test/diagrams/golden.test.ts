/**
 * Golden files per case: test/cases/<name>/{flow.json, diagram.mmd, diagram.svg, diagram.md}.
 * Accept intended changes with `npx vitest run --project unit test/diagrams -u` and review the diff.
 * Every Mermaid text must also pass the real Mermaid parser.
 */
import { describe, expect, test } from "vitest";
import { renderMarkdown, renderMermaid, renderSvg } from "../../diagrams/index.ts";
import { CASES_DIR, goldenCases } from "./cases.ts";
import { parseMermaid } from "../support/mermaid-parse.ts";

describe.each(goldenCases())("golden case $name", ({ name, flow, routed }) => {
  const dir = `${CASES_DIR}${name}/`;

  // Hand-written flow.json files are inputs; only router output is pinned as a golden.
  if (routed) {
    test("flow.json (from route())", async () => {
      await expect(`${JSON.stringify(flow, null, 2)}\n`).toMatchFileSnapshot(`${dir}flow.json`);
    });
  }

  test("diagram.mmd parses with mermaid", async () => {
    const text = renderMermaid(flow);
    expect(await parseMermaid(text)).toBe("sequence");
    await expect(text).toMatchFileSnapshot(`${dir}diagram.mmd`);
  });

  test("diagram.svg", async () => {
    await expect(renderSvg(flow)).toMatchFileSnapshot(`${dir}diagram.svg`);
  });

  test("diagram.md", async () => {
    await expect(renderMarkdown(flow)).toMatchFileSnapshot(`${dir}diagram.md`);
  });
});
