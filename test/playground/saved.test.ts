/**
 * The playground's Save / Load in Chromium against the real worker (wrangler dev, local D1): save the
 * preset as a new topology (the token appears once), save an edit as version 2, load version 1 back,
 * and the saved-topology SVG URL it shows answers with the diagram. Runs where Chromium is (always in
 * CI, like the other browser tests). A screenshot of the editor after saving goes to
 * test/artifacts/playground-saved.png for a person to look at.
 */
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../../scripts/dev-worker.ts";
import { CHROMIUM } from "../support/browser.ts";
import { openPlayground, type PlaygroundSession } from "../support/playground.ts";

const ARTIFACTS = join(ROOT, "test", "artifacts");
const haveBrowser = existsSync(CHROMIUM) || process.env.EXFLOW_REQUIRE_BROWSER === "1";

describe.skipIf(!haveBrowser)("playground Save / Load in Chromium", () => {
  let session: PlaygroundSession;
  let page: Page;

  beforeAll(async () => {
    session = await openPlayground();
    page = session.page;
  }, 180_000);

  afterAll(async () => {
    await session?.close();
  }, 60_000);

  const value = (selector: string): Promise<string> => page.$eval(selector, (e) => (e as HTMLInputElement).value);
  const status = async (pattern: RegExp): Promise<string> => {
    await page.waitForFunction((p) => new RegExp(p).test(document.getElementById("saved-status")?.textContent ?? ""), pattern.source);
    return (await page.textContent("#saved-status")) ?? "";
  };

  it("saves a new topology, saves a version, loads version 1, and its SVG URL answers", async () => {
    await page.goto(`${session.worker.base}/`);
    await page.waitForFunction(() => (document.getElementById("diagram") as HTMLImageElement | null)?.src.startsWith("blob:"));
    await page.click("#saved summary");
    await page.click("#saved-save");
    await status(/^Saved as a new topology/);
    const id = await value("#saved-id");
    expect(id).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(await value("#saved-token")).toMatch(/^exft_/);
    const url = await value("#saved-url");
    expect(url.startsWith(`${session.worker.base}/v1/t/${id}/flow/`)).toBe(true);
    const svg = await fetch(url);
    expect(svg.status).toBe(200);
    expect(await svg.text()).toMatch(/^<svg/);

    const text = await value("#topology");
    expect(text).toContain("europe.mail.o365info.com");
    await page.fill("#topology", text.replaceAll("europe.mail.o365info.com", "eu.mail.o365info.com"));
    await page.click("#saved-save");
    await status(/^Saved as version 2\./);
    mkdirSync(ARTIFACTS, { recursive: true });
    await (await page.$("#editor"))?.screenshot({ path: join(ARTIFACTS, "playground-saved.png") });

    await page.fill("#saved-id", `${id}@1`);
    await page.click("#saved-load");
    await status(/^Loaded version 1\./);
    expect(await value("#topology")).toContain("europe.mail.o365info.com");
    expect(await page.textContent("#preset-info")).toContain(`Saved topology ${id}, version 1`);

    await page.fill("#saved-id", "A".repeat(24));
    await page.click("#saved-load");
    expect(await status(/^Not loaded \(404\)/)).toContain("no saved topology with this id");
    expect(session.errors).toEqual([]);
    expect(session.foreign).toEqual([]);
  }, 120_000);
});
