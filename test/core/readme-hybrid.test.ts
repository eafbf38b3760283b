/** The hybrid example of docs/model.md is a real request: it validates and draws F-1 as the text says. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { compileText } from "../../core/compile.ts";

it("docs/model.md's hybrid example sends the cloud user to Exchange Online with a token step (F-1)", () => {
  const readme = readFileSync(join(import.meta.dirname, "../../docs/model.md"), "utf8");
  const section = readme.slice(readme.indexOf("## Exchange SE and hybrid"));
  const yaml = /```yaml\n([\s\S]*?)```/.exec(section)?.[1];
  expect(yaml).toBeDefined();
  const result = compileText(yaml!, "yaml");
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join("\n"));
  const flow = result.value.flow;
  expect(flow.outcome).toBe("redirect");
  expect(flow.steps.filter((s) => s.n !== null).map((s) => `${s.from}>${s.to}:${s.kind}`)).toEqual([
    "client>lb:mail.contoso.com:connect",
    "lb:mail.contoso.com>EX1:proxy",
    "EX1>client:redirect",
    "client>exo-owa:connect",
    "client>entra:token",
    "client>exo-owa:connect",
    "exo-owa>client:respond",
  ]);
  // Without targetOwaUrl the front end has nowhere to send the user: its answer fails (HX-01, W6).
  const broken = compileText(yaml!.replace(/ {4}orgRelationship:.*\n/, ""), "yaml");
  if (!broken.ok) throw new Error(broken.issues.map((i) => i.message).join("\n"));
  expect(broken.value.flow.steps.find((s) => s.fails)).toMatchObject({ from: "EX1", to: "client", kind: "respond" });
});
