/** The input example of docs/model.md is a real request: it must validate and route as the text says. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { compileText } from "../../core/compile.ts";

it("docs/model.md's YAML example routes OWA for an intranet-site 2010 mailbox as a proxy (OWA-6)", () => {
  const readme = readFileSync(join(import.meta.dirname, "../../docs/model.md"), "utf8");
  const yaml = /```yaml\n([\s\S]*?)```/.exec(readme)?.[1];
  expect(yaml).toBeDefined();
  const result = compileText(yaml!, "yaml");
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join("\n"));
  const flow = result.value.flow;
  expect(flow.outcome).toBe("proxy");
  expect(
    flow.steps
      .filter((s) => s.n !== null)
      .map((s) => `${s.from}>${s.to}`)
      .slice(0, 2),
  ).toEqual(["client>S1-CAS2013", "S1-CAS2013>S3-CAS2010"]);
  expect(flow.steps.every((s) => s.rule === "OWA-6")).toBe(true);
});
