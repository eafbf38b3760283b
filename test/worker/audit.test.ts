/** POST /v1/audit: formats, body and query options, and inert output (the views themselves: test/diagrams/audit.test.ts). */
import { describe, expect, it } from "vitest";
import { audit } from "../../core/audit/index.ts";
import { presets } from "../../core/index.ts";
import { renderAuditCsv, renderAuditMarkdown } from "../../diagrams/audit/index.ts";
import { post } from "./helpers.ts";

describe("POST /v1/audit", () => {
  const topology = presets.o365info?.topology;

  it("json by default; md and csv by ?format= or Accept", async () => {
    const json = await post("/v1/audit", { preset: "o365info" });
    expect(json.status).toBe(200);
    expect(((await json.json()) as { rows: unknown[] }).rows.length).toBeGreaterThan(0);
    expect((await post("/v1/audit?format=md", { preset: "o365info" })).headers.get("content-type")).toMatch(/^text\/markdown/);
    expect((await post("/v1/audit", { preset: "o365info" }, { Accept: "text/csv" })).headers.get("content-type")).toMatch(/^text\/csv/);
  });

  it("md and csv are the shared audit views, the same text the CLI prints", async () => {
    if (!topology) throw new Error("no o365info preset");
    const a = audit(topology);
    expect(await (await post("/v1/audit?format=md", { preset: "o365info" })).text()).toBe(renderAuditMarkdown(a));
    expect(await (await post("/v1/audit?format=csv", { preset: "o365info" })).text()).toBe(renderAuditCsv(a));
  });

  it("takes an inline topology and the profile (body over query)", async () => {
    const res = await post("/v1/audit?profile=o365info", { topology, options: { profile: "microsoft" } });
    expect(((await res.json()) as { profile: string }).profile).toBe("microsoft");
  });

  it("a hostile user name cannot become a spreadsheet formula or Markdown markup", async () => {
    const t = structuredClone(topology);
    if (!t?.users[0]) throw new Error("preset has no users");
    t.users[0].name = '=HYPERLINK("http://evil.example","x")';
    const csv = await (await post("/v1/audit?format=csv", { topology: t })).text();
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
    t.users[0].name = "<img src=x onerror=alert(1)>|x";
    const md = await (await post("/v1/audit?format=md", { topology: t })).text();
    expect(md).not.toContain("<img");
    expect(md).toContain("&lt;img");
    t.users[0].name = "[click](javascript:alert(1))";
    const link = await (await post("/v1/audit?format=md", { topology: t })).text();
    expect(link).not.toMatch(/\]\(\s*javascript:/);
  });
});
