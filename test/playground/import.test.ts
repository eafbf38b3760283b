/**
 * The playground's Import panel in Chromium against the real worker: a UTF-16 file chosen from
 * disk and a pasted inventory each become the editor's topology, the report lists guesses and
 * problems by path, the flow and audit follow, and no request leaves the origin.
 */
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIR } from "../import/fixtures.ts";
import { openPlayground, type PlaygroundSession } from "../support/playground.ts";

let session: PlaygroundSession;
let page: Page;

beforeAll(async () => {
  session = await openPlayground();
  page = session.page;
  await page.goto(`${session.worker.base}/`);
}, 180_000);

afterAll(async () => {
  await session?.close();
}, 60_000);

describe("Import panel", () => {
  it("imports a chosen UTF-16 file into the editor and lists the report by path", async () => {
    await page.click("#import-panel summary");
    await page.setInputFiles("#import-file", join(DIR, "damaged-utf16.json"));
    await page.waitForFunction(() => (document.getElementById("import-text") as HTMLTextAreaElement).placeholder.includes("ready"));
    await page.click("#import-run");
    await page.waitForFunction(() => (document.getElementById("topology") as HTMLTextAreaElement).value.includes("EX13A"));
    const report = await page.textContent("#import-report");
    expect(report).toContain("Imported 3 servers");
    expect(report).toContain('vdirs[0].internalUrl: "System.Uri" is a type name');
    expect(await page.inputValue("#preset")).toBe("");
    await page.waitForFunction(() =>
      Array.from((document.getElementById("user") as HTMLSelectElement).options).some((o) => o.value === "user1"),
    );
  });

  it("imports a pasted inventory; the flow and the audit follow; nothing leaves the origin", async () => {
    const { readFileSync } = await import("node:fs");
    await page.fill("#import-text", readFileSync(join(DIR, "worked-example.json"), "utf8"));
    await page.click("#import-run");
    await page.waitForFunction(() => (document.getElementById("topology") as HTMLTextAreaElement).value.includes("EX16A"));
    await page.waitForFunction(
      () =>
        (document.getElementById("audit-summary")?.textContent ?? "").length > 0 &&
        !(document.getElementById("audit")?.classList.contains("stale") ?? true),
    );
    expect(await page.textContent("#import-report")).toContain("Namespaces to review");
    await page.fill("#import-text", JSON.stringify({ HealthCheckerExchangeServer: {} }));
    await page.click("#import-run");
    await page.waitForFunction(() => (document.getElementById("import-report")?.textContent ?? "").includes("HealthChecker"));
    expect(session.errors).toEqual([]);
    expect(session.foreign).toEqual([]);
  });
});
