/**
 * Our PNG against Chromium's rendering of the same SVG: both drawn onto canvases in one page at
 * device scale 1 and compared pixel by pixel. Text is antialiased and hinted differently by
 * resvg and Chromium, so pixels differ along glyph and line edges; what must not happen is text
 * in another font or place, missing shapes, or another size. Measured over the cases below
 * (PNG_REPORT=1 prints them): 0.4-0.9 % of pixels differ by more than DIFF_LEVEL in some
 * channel; the same picture with its text 3 px to the right differs by 2.9 %, another flow by 7.4 %.
 */
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { pngOf } from "../../cli/png.ts";
import { compile } from "../../core/index.ts";
import type { Flow } from "../../core/types.ts";
import { renderSvg } from "../../diagrams/index.ts";
import { renderMapSvg } from "../../diagrams/map/index.ts";
import { CHROMIUM, CHROMIUM_ARGS } from "../support/browser.ts";

/** A channel difference above this (of 255) counts as a differing pixel. */
const DIFF_LEVEL = 64;
/** At most this share of pixels may differ (edges of glyphs and lines; see the header). */
const MAX_DIFFERING = 0.015;

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  page = await (await browser.newContext({ deviceScaleFactor: 1 })).newPage();
  await page.setContent("<!doctype html><html><body></body></html>");
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

function flowOf(doc: unknown): Flow {
  const c = compile(doc);
  if (!c.ok) throw new Error(c.issues.map((i) => i.message).join("; "));
  return c.value.flow;
}

interface Diff {
  width: number;
  height: number;
  chromeWidth: number;
  chromeHeight: number;
  differing: number;
}

/** Share of pixels differing by more than DIFF_LEVEL, with both images' sizes. */
async function compare(svg: string, png: Uint8Array): Promise<Diff> {
  const svgUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
  const pngUrl = `data:image/png;base64,${Buffer.from(png).toString("base64")}`;
  return page.evaluate(
    async ([svgUrl, pngUrl, level]) => {
      const load = (src: string): Promise<HTMLImageElement> =>
        new Promise((ok, fail) => {
          const img = new Image();
          img.onload = () => ok(img);
          img.onerror = () => fail(new Error("image did not load"));
          img.src = src;
        });
      const [a, b] = await Promise.all([load(svgUrl), load(pngUrl)]);
      const w = b.naturalWidth,
        h = b.naturalHeight;
      const pixels = (img: HTMLImageElement): Uint8ClampedArray => {
        const canvas = document.createElement("canvas");
        canvas.width = w;
        canvas.height = h;
        const ctx = canvas.getContext("2d")!;
        ctx.fillStyle = "white";
        ctx.fillRect(0, 0, w, h);
        ctx.drawImage(img, 0, 0, w, h);
        return ctx.getImageData(0, 0, w, h).data;
      };
      const pa = pixels(a),
        pb = pixels(b);
      let differing = 0;
      for (let i = 0; i < pa.length; i += 4) {
        if (Math.abs(pa[i]! - pb[i]!) > level || Math.abs(pa[i + 1]! - pb[i + 1]!) > level || Math.abs(pa[i + 2]! - pb[i + 2]!) > level)
          differing++;
      }
      return { width: w, height: h, chromeWidth: a.naturalWidth, chromeHeight: a.naturalHeight, differing: differing / (w * h) };
    },
    [svgUrl, pngUrl, DIFF_LEVEL] as const,
  );
}

const madrid = flowOf({
  preset: "o365info",
  scenario: { user: "carmen", protocol: "activesync", client: "external", host: "mail.o365info.com" },
});
const ews = flowOf({ preset: "o365info", scenario: { user: "alice", protocol: "ews", client: "internal" } });
const awkward = flowOf({
  topology: {
    domain: "contoso.com",
    sites: [{ name: "Zürich #2; Branch" }, { name: 'HQ & "Main" <1>' }],
    servers: [
      {
        name: "ZH-CAS2010",
        version: 2010,
        roles: ["cas"],
        site: "Zürich #2; Branch",
        urls: { owa: { internal: "https://zh-cas2010.contoso.local/owa" } },
      },
      { name: "ZH-MBX2010", version: 2010, roles: ["mailbox"], site: "Zürich #2; Branch" },
      {
        name: "HQ-EX2016",
        version: 2016,
        roles: ["mailbox"],
        site: 'HQ & "Main" <1>',
        urls: { owa: { external: "https://mail.contoso.com/owa" } },
      },
    ],
    namespaces: [{ host: "mail.contoso.com", servers: ["HQ-EX2016"] }],
    users: [{ name: "jörg", mailbox: "ZH-MBX2010" }],
  },
  scenario: { user: "jörg", protocol: "owa", client: "external", host: "mail.contoso.com" },
});

const CASES: [string, string][] = [
  ["sequence, o365info Madrid ActiveSync", renderSvg(madrid)],
  ["sequence with notes, EWS referral", renderSvg(ews, { notes: "full" })],
  ["map with awkward site names", renderMapSvg(awkward)],
  ["sequence, dark theme", renderSvg(madrid, { theme: "dark" })],
];

describe("PNG vs Chromium's rendering of the same SVG", () => {
  test.each(CASES)("%s", async (name, svg) => {
    const png = await pngOf(svg);
    const d = await compare(svg, png);
    if (process.env.PNG_REPORT) console.log(`${name}: ${d.width}x${d.height}, ${(d.differing * 100).toFixed(2)} % of pixels differ`);
    expect([d.width, d.height]).toEqual([d.chromeWidth, d.chromeHeight]);
    expect(d.differing).toBeLessThan(MAX_DIFFERING);
  });

  test("the comparison notices a wrong picture (text 3 px off, or another flow)", async () => {
    const svg = renderSvg(madrid);
    const shifted = await compare(svg, await pngOf(svg.replace(/<text x="([\d.]+)"/g, (_, x: string) => `<text x="${Number(x) + 3}"`)));
    const other = renderSvg(
      flowOf({ preset: "o365info", scenario: { user: "alice", protocol: "activesync", client: "external", host: "mail.o365info.com" } }),
    );
    const wrong = await compare(
      svg,
      await pngOf(other.replace(/width="[\d.]+" height="[\d.]+"/, /width="[\d.]+" height="[\d.]+"/.exec(svg)![0])),
    );
    if (process.env.PNG_REPORT)
      console.log(`controls: text shifted ${(shifted.differing * 100).toFixed(2)} %, other flow ${(wrong.differing * 100).toFixed(2)} %`);
    expect(shifted.differing).toBeGreaterThan(MAX_DIFFERING);
    expect(wrong.differing).toBeGreaterThan(MAX_DIFFERING);
  });
});
