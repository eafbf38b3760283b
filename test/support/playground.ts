/**
 * The playground in Chromium against a real `wrangler dev`: one worker, one browser, one page that
 * records script errors and every request that leaves the worker's origin (blob: and data: URLs are
 * the page's own). The playground's browser tests start from here and assert both lists stay empty.
 */
import { chromium, type Browser, type Page } from "playwright-core";
import { startWorker, type DevWorker } from "../../scripts/dev-worker.ts";
import { CHROMIUM, CHROMIUM_ARGS } from "./browser.ts";

export interface PlaygroundSession {
  worker: DevWorker;
  browser: Browser;
  page: Page;
  /** Uncaught script errors on the page. */
  errors: string[];
  /** URLs requested outside the worker's origin. */
  foreign: string[];
  close(): Promise<void>;
}

export async function openPlayground(): Promise<PlaygroundSession> {
  const worker = await startWorker();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const page = await browser.newPage();
  const errors: string[] = [];
  const foreign: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("request", (r) => {
    if (!r.url().startsWith(worker.base) && !/^(blob|data):/.test(r.url())) foreign.push(r.url());
  });
  const close = async () => {
    await browser.close();
    await worker.stop();
  };
  return { worker, browser, page, errors, foreign, close };
}
