/**
 * SVG-specific behaviour: themes and background validation, sizing, wrapping, and the error card.
 * (What all three views share is in contract.test.ts.)
 */
import { describe, expect, test } from "vitest";
import { isSafeColor } from "../../core/index.ts";
import { renderErrorCardSvg, renderSvg, THEMES, toDiagramModel } from "../../diagrams/index.ts";
import { textWidth, wrapText } from "../../diagrams/text.ts";
import { goldenCases } from "./cases.ts";
import { HOSTILE } from "./flows.ts";
import { assertSafeSvg } from "./safety.ts";

const flow = goldenCases()[0]!.flow;

describe("renderSvg options", () => {
  test.each(Object.keys(THEMES) as (keyof typeof THEMES)[])("theme %s uses its own colours and stays safe", (theme) => {
    const out = renderSvg(flow, { theme });
    assertSafeSvg(out);
    expect(out).toContain(`fill="${THEMES[theme].actorFill}"`);
    expect(out).toContain(`fill="${THEMES[theme].background}"`);
  });

  test("transparent background draws no background rect", () => {
    const opaque = renderSvg(flow);
    const clear = renderSvg(flow, { background: "transparent" });
    expect(opaque.split("<rect").length - clear.split("<rect").length).toBe(1);
  });

  test.each(["#abc", "#AABBCC", "#aabbcc80", "white", "Lavender"])("accepts background %s", (background) => {
    expect(isSafeColor(background)).toBe(true);
    expect(renderSvg(flow, { background })).toContain(`fill="${background.toLowerCase()}"`);
  });

  test.each([
    'red"/><script>alert(1)</script>',
    "url(javascript:alert(1))",
    "rgb(0,0,0)",
    "#abcd1",
    "#ggg",
    "",
    " white",
    "expression(x)",
    "currentColor",
  ])("rejects background %j", (background) => {
    expect(isSafeColor(background)).toBe(false);
    expect(() => renderSvg(flow, { background })).toThrow(RangeError);
  });

  test("rejects an unknown theme", () => {
    expect(() => renderSvg(flow, { theme: "forest" as "dark" })).toThrow(RangeError);
    expect(() => renderSvg(flow, { theme: "__proto__" as "dark" })).toThrow(RangeError);
  });
});

describe("renderSvg geometry", () => {
  test("pixel width and height equal the viewBox size", () => {
    const out = renderSvg(flow);
    const [, w, h, vw, vh] = /width="([\d.]+)" height="([\d.]+)" viewBox="-?[\d.]+ -?[\d.]+ ([\d.]+) ([\d.]+)"/.exec(out) ?? [];
    expect(w).toBe(vw);
    expect(h).toBe(vh);
  });

  test("long labels are wrapped to the model's width; only a single unbreakable word may be wider, up to twice", () => {
    const model = toDiagramModel(HOSTILE);
    const within = (l: string, max: number): void => {
      if (textWidth(l, 16) > max) expect(l, `${l} is wider than ${max} but not one word`).not.toContain(" ");
      expect(textWidth(l, 16)).toBeLessThanOrEqual(2 * max);
    };
    for (const p of model.participants) for (const l of p.lines) within(l, 240);
    for (const m of model.messages) for (const l of m.lines) within(l, 340);
    expect(wrapText("a".repeat(200), 100, 16).length).toBeGreaterThan(1);
    expect(wrapText("https://a.example/very/long/path/with/many/parts", 120, 16).every((l) => textWidth(l, 16) <= 120)).toBe(true);
  });

  test("wrapping breaks between words and after path separators, never inside a word", () => {
    const text =
      "DX-07: AutoDiscoverServiceInternalUri on S3-CAS2010 points at https://autodiscover.contoso.com/Autodiscover/Autodiscover.xml";
    const lines = wrapText(text, 220, 16);
    expect(lines).toContain("AutoDiscoverServiceInternalUri");
    // Walk the original text: each line ends at a space or right after a separator.
    let at = 0;
    for (const line of lines.slice(0, -1)) {
      expect(text.startsWith(line, at)).toBe(true);
      at += line.length;
      if (text[at] === " ") at++;
      else expect(line.at(-1)).toMatch(/[./\-_\\@:]/);
    }
    expect(text.slice(at)).toBe(lines.at(-1));
  });

  test("text widths come from the Liberation Sans table (Arial metrics)", () => {
    // Arial: "H" is 722/1000 em, "i" 222/1000 em.
    expect(textWidth("H", 1000)).toBe(722);
    expect(textWidth("i", 1000)).toBe(222);
    expect(textWidth("東", 1000)).toBe(1000);
  });
});

describe("renderErrorCardSvg", () => {
  test("escapes title and lines and follows the SVG safety rules", () => {
    const out = renderErrorCardSvg('Invalid input "><script>alert(1)</script>', [
      "topology.servers[0].version: expected 2007 | 2010",
      "<img src=x onerror=alert(1)>\n]]>",
    ]);
    assertSafeSvg(out);
    expect(out).toContain("&lt;script&gt;");
    expect(out).not.toMatch(/<script|<img/);
  });

  test("is deterministic and honours theme and background", () => {
    const a = renderErrorCardSvg("Bad", ["x"], { theme: "dark", background: "transparent" });
    expect(a).toBe(renderErrorCardSvg("Bad", ["x"], { theme: "dark", background: "transparent" }));
    expect(a).not.toContain("<rect width=");
    expect(() => renderErrorCardSvg("Bad", [], { background: "url(#x)" })).toThrow(RangeError);
  });

  test("cuts very long issue lists", () => {
    const out = renderErrorCardSvg(
      "Many",
      Array.from({ length: 100 }, (_, i) => `issue ${i}`),
    );
    expect(out.match(/<text /g)?.length).toBeLessThanOrEqual(31);
    expect(out).toContain("more lines");
  });
});
