/**
 * The playground's Observed panel in a real browser against the real worker: the fixture logs are
 * chosen as files, read in the page, judged against the fabrikam preset; no request body carries a
 * log's user names or client addresses beyond the users the topology already names.
 */
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, startWorker, type DevWorker } from "../../scripts/dev-worker.ts";
import { CHROMIUM, CHROMIUM_ARGS } from "../support/browser.ts";

let worker: DevWorker;
let browser: Browser;
let page: Page;
const bodies: string[] = [];
const problems: string[] = [];

beforeAll(async () => {
  worker = await startWorker();
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  page.on("pageerror", (e) => problems.push(e.message));
  page.on("request", (r) => bodies.push(`${r.url()} ${r.postData() ?? ""}`));
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await worker?.stop();
}, 60_000);

describe("Observed panel", () => {
  it("reads dropped logs in the page, lists the differing path first and draws its designed flow", async () => {
    await page.goto(`${worker.base}/#preset=fabrikam`);
    await page.selectOption("#preset", "fabrikam");
    await page.waitForFunction(() => (document.getElementById("topology") as HTMLTextAreaElement).value.includes("HQ-EX2016"));
    await page.click("#observe-panel summary");
    const dir = join(ROOT, "test", "fixtures", "observe", "HttpProxy");
    await page.setInputFiles("#observe-file", [
      join(dir, "Eas", "HttpProxy_2026113009-1.LOG"),
      join(dir, "Ews", "HttpProxy_2026113009-1.LOG"),
    ]);
    await page.waitForSelector("#observe-report table.observed");
    const first = await page.$eval("#observe-report tbody tr", (tr) => Array.from(tr.querySelectorAll("td"), (td) => td.textContent));
    expect(first.slice(0, 3)).toEqual(["differs", "activesync", "kim"]);
    expect(await page.textContent("#observe-report")).toMatch(/line\(s\) skipped/);
    await page.click("#observe-report tbody tr button");
    await page.waitForFunction(() => {
      const img = document.getElementById("observe-diagram") as HTMLImageElement;
      return img.src.startsWith("blob:") && img.complete && img.naturalWidth > 0;
    });
    expect(await page.textContent("#observe-steps")).toMatch(/instead: HQ-EX2013/);
    const sent = bodies.filter((b) => b.includes("/v1/")).join("\n");
    for (const secret of ["203.0.113.7", "198.51.100", "HealthMailbox", "Apple-iPhone"]) expect(sent).not.toContain(secret);
    await page.screenshot({ path: join(ROOT, "test", "artifacts", "playground-observed.png"), fullPage: true });
    expect(problems).toEqual([]);
  }, 120_000);
});
