/**
 * Every example of every preset, in Chromium: the playground opened on a link to it (`#r=` with
 * `{preset, scenario}`) sends the whole scenario (every field, hybrid `kind`, `target` and `app`
 * included) and shows byte for byte the SVG the API draws for that request. And a new custom
 * topology moves the scenario to one that topology offers, so its first picture is a flow.
 */
import { readFileSync } from "node:fs";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { presets } from "../../core/index.ts";
import { startWorker, type DevWorker } from "../../scripts/dev-worker.ts";
import { encodeText } from "../../worker/codec.ts";
import { CHROMIUM, CHROMIUM_ARGS } from "../support/browser.ts";

let worker: DevWorker;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  worker = await startWorker();
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, acceptDownloads: true });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await worker?.stop();
}, 60_000);

/** The SVG the page shows, through its download link (the CSP forbids fetch() of blob: URLs). */
async function shownSvg(page: Page): Promise<string> {
  await page.waitForFunction(() => {
    const img = document.getElementById("diagram") as HTMLImageElement | null;
    return !!img && img.src.startsWith("blob:") && img.complete && img.naturalWidth > 0;
  });
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download-svg")]);
  return readFileSync(await download.path(), "utf8");
}

const examples = Object.values(presets).flatMap((p) =>
  Object.entries(p.scenarios ?? {}).map(([name, s]) => ({ preset: p.id, name, scenario: s.scenario as unknown as Record<string, string> })),
);

describe("playground examples in Chromium", () => {
  it.each(examples)("$preset/$name: sends the whole scenario and draws what the API draws", async ({ preset, scenario }) => {
    const page = await context.newPage();
    const sent: Record<string, unknown>[] = [];
    page.on("request", (r) => {
      if (r.method() === "POST" && r.url().includes("/v1/flow?format=svg")) sent.push(JSON.parse(r.postData() ?? "{}"));
    });
    await page.goto(`${worker.base}/#r=${await encodeText(JSON.stringify({ preset, scenario }))}`);
    const shown = await shownSvg(page);
    const last = sent[sent.length - 1] as { scenario?: Record<string, string> };
    expect(last.scenario).toEqual(scenario);
    const api = await fetch(`${worker.base}/v1/flow?format=svg`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ preset, scenario }),
    });
    expect(api.status).toBe(200);
    expect(shown).toBe(await api.text());
    await page.close();
  });

  it("a hybrid scenario kept from a preset is not sent to a new custom topology that has no hybrid block", async () => {
    const page = await context.newPage();
    const scenario = presets["contoso-hybrid"]?.scenarios?.["free-busy-from-cloud"]?.scenario;
    await page.goto(`${worker.base}/#r=${await encodeText(JSON.stringify({ preset: "contoso-hybrid", scenario }))}`);
    await shownSvg(page);
    expect(await page.$eval("#kind", (e) => (e as HTMLSelectElement).value)).toBe("free-busy");
    await page.selectOption("#protocol", "activesync");
    const sent: Record<string, unknown>[] = [];
    page.on("request", (r) => {
      // A custom topology is sent as the editor holds it: YAML.
      if (r.method() === "POST" && r.url().includes("/v1/flow?format=json")) sent.push(parse(r.postData() ?? "{}"));
    });
    const answered = page.waitForResponse(
      (r) => r.url().includes("/v1/flow?format=json") && (r.request().postData() ?? "").includes("my-organisation"),
    );
    await page.selectOption("#preset", "");
    const response = await answered;
    expect(response.status()).toBe(200);
    const last = sent.find((b) => JSON.stringify(b).includes("my-organisation")) as { scenario: Record<string, string> };
    // The skeleton publishes OWA only, to both sides, and has one user and no hybrid block.
    expect(last.scenario).toEqual({ user: "alice", protocol: "owa", client: "external" });
    expect(await page.$eval("#kind", (e) => (e as HTMLSelectElement).value)).toBe("client");
    await page.close();
  });
});
