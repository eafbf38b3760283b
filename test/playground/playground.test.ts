/**
 * The playground in a real browser: Debian's Chromium driven by playwright-core against the real
 * worker (`wrangler dev`). One page is walked through the story in order: load, preset,
 * scenario, an invalid edit, copying the SVG URL, the Sequence / Map toggle, the audit matrix,
 * reopening from the URL, a pasted topology that turns the page to Custom. Screenshots go to
 * test/artifacts/playground.png (and -dark.png, -map.png with the map view, -stale.png with an
 * invalid edit) for a person to look at.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, startWorker, type DevWorker } from "../../scripts/dev-worker.ts";
import { CHROMIUM, CHROMIUM_ARGS } from "../support/browser.ts";

const ARTIFACTS = join(ROOT, "test", "artifacts");

let worker: DevWorker;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const problems: string[] = [];
const foreignRequests: string[] = [];

function watch(p: Page): void {
  p.on("console", (m) => {
    // 4xx answers to deliberately invalid edits are logged by Chromium; they are not page errors.
    if (m.type() === "error" && !/^Failed to load resource: the server responded with a status of 4\d\d/.test(m.text()))
      problems.push(`console: ${m.text()}`);
  });
  p.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  p.on("request", (r) => {
    const url = r.url();
    if (!url.startsWith(worker.base) && !url.startsWith("blob:") && !url.startsWith("data:")) foreignRequests.push(url);
  });
}

beforeAll(async () => {
  worker = await startWorker();
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, acceptDownloads: true });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: worker.base });
  page = await context.newPage();
  watch(page);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await worker?.stop();
}, 60_000);

const diagramSrc = (p: Page = page): Promise<string> => p.$eval("#diagram", (img) => (img as HTMLImageElement).src);

/** Waits until the diagram shows a blob: image other than `previous`, fully decoded. */
async function nextDiagram(previous: string, p: Page = page): Promise<string> {
  await p.waitForFunction((prev) => {
    const img = document.getElementById("diagram") as HTMLImageElement | null;
    return !!img && img.src.startsWith("blob:") && img.src !== prev && img.complete && img.naturalWidth > 0;
  }, previous);
  return diagramSrc(p);
}

/**
 * The SVG text the page is showing, through its "Download SVG" link (the same blob: URL as the
 * <img>); the page's CSP rightly forbids fetch() of blob: URLs, so the test does not use one.
 */
async function shownSvg(p: Page = page): Promise<string> {
  const src = await diagramSrc(p);
  expect(await p.getAttribute("#download-svg", "href")).toBe(src);
  const [download] = await Promise.all([p.waitForEvent("download"), p.click("#download-svg")]);
  return readFileSync(await download.path(), "utf8");
}

const value = (selector: string, p: Page = page): Promise<string> => p.$eval(selector, (e) => (e as HTMLInputElement).value);

describe("playground in Chromium", () => {
  it("loads with a strict CSP, draws the default preset and its audit", async () => {
    const response = await page.goto(`${worker.base}/`);
    expect(response?.status()).toBe(200);
    const csp = response?.headers()["content-security-policy"] ?? "";
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("unsafe");
    await nextDiagram("");
    expect(await value("#preset")).toBe("o365info");
    expect(await value("#topology")).toMatch(/^name: o365info\n/);
    expect(await page.locator("#steps-body tr").count()).toBeGreaterThan(1);
    expect((await page.textContent("#outcome"))?.trim()).not.toBe("");
    await page.locator("#audit button.cell").first().waitFor();
    expect(await page.locator("#audit button.cell").count()).toBeGreaterThan(40);
    expect(await shownSvg()).toMatch(/^<svg[\s>]/);
  });

  it("redraws when the preset and then the scenario change", async () => {
    const before = await diagramSrc();
    await page.selectOption("#preset", "contoso");
    await page.waitForFunction(() => (document.getElementById("topology") as HTMLTextAreaElement).value.startsWith("name: contoso\n"));
    const first = await nextDiagram(before);
    const users = await page.$$eval("#user option", (os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(users).toEqual(["ann", "ben", "cat", "dan", "eve", "fay"]);
    const svgA = await shownSvg();

    await page.selectOption("#protocol", "activesync");
    await nextDiagram(first);
    const svgB = await shownSvg();
    expect(svgB).not.toBe(svgA);
    expect(await page.textContent("#caption")).toContain("activesync");
    expect(await page.textContent("#steps-body")).toContain("Microsoft-Server-ActiveSync");
  });

  it("shows an invalid edit inline with the core's path, marks the result and links stale, and recovers when it is undone", async () => {
    const good = await value("#topology");
    const shownBefore = await diagramSrc();
    const svgLink = await value("#link-svg");
    expect(good).toContain("    version: 2013\n");
    expect(await page.getAttribute("#result", "data-stale")).toBeNull();
    expect(await page.isVisible("#result-stale")).toBe(false);
    await page.fill("#topology", good.replace("    version: 2013\n", "    version: 2099\n"));
    const item = page.locator("#error-list li", { hasText: "topology.servers[0].version" }).first();
    await item.waitFor();
    expect(await item.textContent()).toContain("2099");
    expect(await page.getAttribute("#topology", "aria-invalid")).toBe("true");
    expect(await page.isVisible("#errors")).toBe(true);

    // The last valid answer stays, visibly marked as such, and so do the links to share.
    expect(await page.getAttribute("#result", "data-stale")).toBe("true");
    expect(await page.getAttribute("#share-section", "data-stale")).toBe("true");
    expect(await page.textContent("#result-stale")).toContain("Showing the last valid result");
    expect(await page.isVisible("#result-stale")).toBe(true);
    expect(await page.isVisible("#share-stale")).toBe(true);
    expect(await diagramSrc()).toBe(shownBefore);
    expect(await value("#link-svg")).toBe(svgLink);
    await page.click('button[data-copy="link-svg"]');
    await page.waitForFunction(() => document.getElementById("status")?.textContent?.includes("last valid result"));
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, "playground-stale.png"), fullPage: true });
    // The edit changed what the preset says: the selector says Custom now.
    expect(await value("#preset")).toBe("");

    await page.fill("#topology", good);
    await page.waitForSelector("#errors", { state: "hidden" });
    expect(await page.getAttribute("#topology", "aria-invalid")).toBe("false");
    expect(await page.getAttribute("#result", "data-stale")).toBeNull();
    expect(await page.getAttribute("#share-section", "data-stale")).toBeNull();
    expect(await page.isVisible("#result-stale")).toBe(false);
    expect(await page.isVisible("#share-stale")).toBe(false);
    // Undoing the edit chooses the preset again, with its examples.
    expect(await value("#preset")).toBe("contoso");
    expect(await page.locator("#example option").count()).toBeGreaterThan(1);
  });

  it("reports YAML syntax errors at the editor's own line", async () => {
    const good = await value("#topology");
    const lines = good.split("\n");
    lines[4] = "  - name: [Site2";
    await page.fill("#topology", lines.join("\n"));
    const item = page.locator("#error-list li").first();
    await item.waitFor();
    expect(await item.textContent()).toMatch(/line [56], column \d+/);
    await page.click("#error-list li button");
    const selectionLine = await page.$eval("#topology", (t) => {
      const area = t as HTMLTextAreaElement;
      return area.value.slice(0, area.selectionStart).split("\n").length;
    });
    expect([5, 6]).toContain(selectionLine);
    await page.fill("#topology", good);
    await page.waitForSelector("#errors", { state: "hidden" });
  });

  it("copies an SVG URL that, fetched on its own, returns the SVG the page shows", async () => {
    await page.waitForFunction(() => (document.getElementById("link-svg") as HTMLInputElement).value.includes("/v1/flow/svg/"));
    await page.click('button[data-copy="link-svg"]');
    await page.waitForFunction(() => document.getElementById("status")?.textContent?.includes("SVG URL"));
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await value("#link-svg"));
    expect(copied.startsWith(`${worker.base}/v1/flow/svg/`)).toBe(true);
    const fetched = await fetch(copied);
    expect(fetched.status).toBe(200);
    expect(fetched.headers.get("content-type")).toContain("image/svg+xml");
    expect(await fetched.text()).toBe(await shownSvg());

    await page.click('button[data-copy="link-md"]');
    await page.waitForFunction(() => document.getElementById("status")?.textContent?.includes("Markdown"));
    const markdown = await page.evaluate(() => navigator.clipboard.readText());
    expect(markdown).toContain(`](${copied})`);
    expect(markdown).toMatch(/```mermaid\n(%%\{init:[^\n]*\n)?sequenceDiagram\n/);
    expect(markdown).toContain(`${(await value("#link-mmd")).trimEnd()}\n\`\`\``);
    expect(await value("#link-curl")).toContain(`curl -sS '${worker.base}/v1/flow?format=svg'`);
    expect(await value("#link-live")).toMatch(/^https:\/\/mermaid\.live\/edit#pako:/);
  });

  it("switches to the Map view from the keyboard: image, copied SVG URL, Mermaid text and Markdown follow; the hash keeps it", async () => {
    const sequenceSrc = await diagramSrc();
    const sequenceSvg = await shownSvg();
    const sequenceLive = await value("#link-live");
    expect(sequenceSvg).not.toMatch(/<title>Map: /);
    expect(await page.isChecked("#view-sequence")).toBe(true);

    // A labelled radio group: one tab stop, arrow keys change the choice.
    expect(await page.textContent("#view legend")).toBe("Diagram view");
    await page.focus("#view-sequence");
    await page.keyboard.press("ArrowRight");
    expect(await page.isChecked("#view-map")).toBe(true);
    const mapSrc = await nextDiagram(sequenceSrc);
    await page.waitForFunction(() => /\nflowchart LR\n/.test((document.getElementById("link-mmd") as HTMLTextAreaElement).value));

    // The image is the map: its own title, and the site regions titled with the preset's site names.
    const mapSvg = await shownSvg();
    expect(mapSvg).toMatch(/^<svg[\s>]/);
    expect(mapSvg).toMatch(/<title>Map: /);
    const siteTitles = [...mapSvg.matchAll(/<text[^>]*class="site-text"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(siteTitles.filter((t) => ["Site1", "Site2", "Site3"].includes(t ?? "")).length).toBeGreaterThan(0);
    expect(mapSvg).not.toBe(sequenceSvg);
    expect(await page.getAttribute("#diagram", "alt")).toMatch(/^Site map: /);

    // The copied SVG URL, fetched on its own, returns that map.
    await page.click('button[data-copy="link-svg"]');
    await page.waitForFunction(() => document.getElementById("status")?.textContent?.includes("SVG URL"));
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied.startsWith(`${worker.base}/v1/flow/svg/`)).toBe(true);
    expect(await (await fetch(copied)).text()).toBe(mapSvg);

    // Mermaid text, Markdown snippet and the Mermaid Live link carry the map's flowchart.
    const mmd = await value("#link-mmd");
    expect(mmd).toMatch(/^%%\{init: [^\n]*\}%%\nflowchart LR\n/);
    const markdown = await value("#link-md");
    expect(markdown).toContain(`](${copied})`);
    expect(markdown).toContain(`\`\`\`mermaid\n${mmd.trimEnd()}\n\`\`\``);
    expect(await value("#link-live")).not.toBe(sequenceLive);

    // The hash keeps the view: the link reopens on the map.
    await page.waitForFunction(() => new URLSearchParams(location.hash.slice(1)).get("view") === "map");
    const again = await context.newPage();
    watch(again);
    await again.goto(page.url());
    await nextDiagram("", again);
    expect(await again.isChecked("#view-map")).toBe(true);
    expect(await shownSvg(again)).toBe(mapSvg);
    await again.close();

    // Back to the sequence, by mouse: the same sequence diagram as before, and the view leaves the hash.
    await page.click('label[for="view-sequence"]');
    await nextDiagram(mapSrc);
    expect(await shownSvg()).toBe(sequenceSvg);
    await page.waitForFunction(() => !new URLSearchParams(location.hash.slice(1)).has("view"));
    expect(await value("#link-mmd")).toMatch(/^(%%\{init:[^\n]*\n)?sequenceDiagram\n/);
  });

  it("opens a flow from a cell of the audit matrix", async () => {
    const before = await diagramSrc();
    const cell = page.locator('#audit button.cell[data-user="eve"][data-protocol="owa"][data-client="external"]');
    await cell.click();
    await nextDiagram(before);
    expect(await value("#user")).toBe("eve");
    expect(await value("#protocol")).toBe("owa");
    expect(await value("#client")).toBe("external");
    expect(await cell.getAttribute("aria-current")).toBe("true");
    expect(await page.textContent("#caption")).toContain("eve, owa, external");
  });

  it("keeps the view in the URL: an edited topology reopens as it was", async () => {
    const before = await diagramSrc();
    const edited = `# edited in the playground\n${await value("#topology")}`;
    await page.fill("#topology", edited);
    await page.waitForFunction(() => location.hash.startsWith("#r="));
    await nextDiagram(before);
    const url = page.url();
    const svg = await shownSvg();

    const again = await context.newPage();
    watch(again);
    await again.goto(url);
    await nextDiagram("", again);
    expect((await value("#topology", again)).trimEnd()).toBe(edited.trimEnd());
    expect(await value("#user", again)).toBe("eve");
    expect(await value("#protocol", again)).toBe("owa");
    expect(await shownSvg(again)).toBe(svg);
    // The hash is the request in the API's own encoding: the same view is one GET away.
    const direct = await fetch(`${worker.base}/v1/flow/svg/${url.split("#r=")[1]}`);
    expect(await direct.text()).toBe(svg);
    await again.close();
  });

  it("converts an edited YAML topology to JSON and back once the server has read it", async () => {
    expect(await value("#topology")).toMatch(/^# edited in the playground\n/);
    const before = await diagramSrc();
    await page.selectOption("#format", "json");
    await page.waitForFunction(() => (document.getElementById("topology") as HTMLTextAreaElement).value.startsWith("{"));
    const json = JSON.parse(await value("#topology")) as { name: string; users: { name: string }[] };
    expect(json.name).toBe("contoso");
    expect(json.users.map((u) => u.name)).toContain("eve");
    await nextDiagram(before);
    expect(await page.isVisible("#errors")).toBe(false);
    await page.selectOption("#format", "yaml");
    await page.waitForFunction(() => (document.getElementById("topology") as HTMLTextAreaElement).value.startsWith("name: contoso\n"));
  });

  it("turns to Custom when a pasted topology is not the preset: users, hosts, examples and description follow", async () => {
    await page.selectOption("#preset", "contoso");
    await page.waitForFunction(() => (document.getElementById("topology") as HTMLTextAreaElement).value.startsWith("name: contoso\n"));
    await page.waitForFunction(() => !document.getElementById("result")?.hasAttribute("aria-busy"));
    const contoso = await value("#topology");
    const before = await diagramSrc();
    const hosts = await page.$$eval("#hosts option", (os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(hosts.length).toBeGreaterThan(0);
    const kept = hosts[0] ?? "";
    await page.fill("#host", kept);

    // A topology of its own that still names the host in use: the host stays.
    const pasted = (host: string) =>
      [
        "name: pasted",
        "sites: [{ name: Branch }]",
        "servers:",
        "  - { name: BR-EX1, version: 2016, roles: [mailbox], site: Branch }",
        `namespaces: [{ host: ${host}, servers: [BR-EX1] }]`,
        "users: [{ name: zed, mailbox: BR-EX1 }, { name: yan, mailbox: BR-EX1 }]",
        "",
      ].join("\n");
    await page.fill("#topology", pasted(kept));
    await page.waitForFunction(() => (document.getElementById("preset") as HTMLSelectElement).value === "");
    expect(await page.textContent("#preset-info")).toContain('Custom topology "pasted": 1 site, 1 server, 2 users');
    expect(await page.$$eval("#user option", (os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual(["zed", "yan"]);
    expect(await value("#host")).toBe(kept);
    expect(await page.$$eval("#hosts option", (os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual([kept]);
    expect(await page.isDisabled("#example")).toBe(true);
    expect(await page.$$eval("#example option", (os) => os.map((o) => o.textContent))).toEqual([
      "No example scenarios for a custom topology",
    ]);
    const drawn = await nextDiagram(before);
    expect(await page.textContent("#caption")).toContain("zed, ");

    // Another one that does not name it: the host is cleared (the flow uses the topology's own names).
    await page.fill("#topology", pasted("mail.branch.example"));
    await page.waitForFunction(() => (document.getElementById("host") as HTMLInputElement).value === "");
    await nextDiagram(drawn);
    expect(await page.isVisible("#errors")).toBe(false);

    // "Custom topology" from the selector starts from the core's small skeleton, which draws.
    await page.selectOption("#preset", "contoso");
    await page.waitForFunction((text) => (document.getElementById("topology") as HTMLTextAreaElement).value === text, contoso);
    const again = await diagramSrc();
    await page.selectOption("#preset", "");
    await page.waitForFunction(() =>
      (document.getElementById("topology") as HTMLTextAreaElement).value.startsWith("name: my-organisation\n"),
    );
    expect(await page.textContent("#preset-info")).toContain("1 site, 1 server, 1 user");
    expect(await page.$$eval("#user option", (os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual(["alice"]);
    await nextDiagram(again);
    expect(await page.isVisible("#errors")).toBe(false);
    expect(await page.textContent("#caption")).toContain("alice, ");
  });

  it("has a label for every control and no third-party request or script error", async () => {
    const unlabelled = await page.$$eval("input, select, textarea, button", (els) =>
      els
        .filter((e) => {
          const c = e as HTMLInputElement;
          return !(c.labels?.length || c.getAttribute("aria-label") || (e.tagName === "BUTTON" && e.textContent?.trim()));
        })
        .map((e) => e.outerHTML.slice(0, 80)),
    );
    expect(unlabelled).toEqual([]);
    expect(foreignRequests).toEqual([]);
    expect(problems).toEqual([]);
  });

  it("saves screenshots (light, dark and the map view) for review", async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.selectOption("#preset", "o365info");
    await page.waitForFunction(() => (document.getElementById("topology") as HTMLTextAreaElement).value.startsWith("name: o365info\n"));
    await page.waitForFunction(
      () => !document.getElementById("result")?.hasAttribute("aria-busy") && !document.getElementById("audit")?.hasAttribute("aria-busy"),
    );
    await page.locator('#audit button.cell[data-user="bob"]').first().waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(ARTIFACTS, "playground.png"), fullPage: true });
    await page.emulateMedia({ colorScheme: "dark" });
    await page.screenshot({ path: join(ARTIFACTS, "playground-dark.png"), fullPage: true });
    await page.emulateMedia({ colorScheme: "light" });

    // The map view of the same flow.
    const before = await diagramSrc();
    await page.click('label[for="view-map"]');
    await nextDiagram(before);
    await page.waitForFunction(() => !document.getElementById("result")?.hasAttribute("aria-busy"));
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(ARTIFACTS, "playground-map.png"), fullPage: true });
  });
});
