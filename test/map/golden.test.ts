/**
 * Map goldens per case: test/cases/<name>/map.mmd and map.svg (the other files in each folder
 * belong to the sequence view's golden test). Accept intended changes with
 * `npx vitest run --project unit test/map -u` and look at the pictures before committing.
 */
import { describe, expect, test } from "vitest";
import { renderMapMermaid, renderMapSvg } from "../../diagrams/map/index.ts";
import { CASES_DIR, goldenCases } from "../diagrams/cases.ts";
import { parseMermaid } from "../support/mermaid-parse.ts";

describe.each(goldenCases())("map golden $name", ({ name, flow }) => {
  const dir = `${CASES_DIR}${name}/`;

  test("map.mmd parses with mermaid", async () => {
    const text = renderMapMermaid(flow);
    expect(await parseMermaid(text)).toBe("flowchart-v2");
    await expect(text).toMatchFileSnapshot(`${dir}map.mmd`);
  });

  test("map.svg", async () => {
    await expect(renderMapSvg(flow)).toMatchFileSnapshot(`${dir}map.svg`);
  });
});
