/**
 * An SVG "error card": what the worker returns (with a 4xx) when an <img> asked for a diagram
 * and the input was invalid, so the page shows the reason instead of a broken image.
 * In: a title, message lines, render options. Out: SVG text with the same rules as sequence/svg.ts
 * (escaped text, colours from THEMES or isSafeColor, no script, no external reference).
 */
import { escapeXml } from "./escape.ts";
import { FONT_SIZE } from "./sequence/model.ts";
import { type RenderOptions, resolveOptions } from "./options.ts";
import { FONT_FAMILY, num, textLines } from "./svg-primitives.ts";
import { cleanText, textWidth, wrapText } from "./text.ts";

const MAX_TEXT = 560;
const PAD = 16;
const LINE = 20;
/** Long issue lists are cut so that a card stays a card. */
const MAX_LINES = 30;
/**
 * Characters of one message that are wrapped: several card lines of the narrowest glyphs. Messages
 * can echo user text of any length (up to the body limit), and wrapping costs more than linear time
 * in a word's length, so a 250 KB name would otherwise cost seconds of CPU.
 */
const MAX_MESSAGE = 1_000;
const clip = (s: string): string => (s.length > MAX_MESSAGE ? `${s.slice(0, MAX_MESSAGE)}…` : s);

export function renderErrorCardSvg(title: string, lines: string[], options?: RenderOptions): string {
  const { theme, background } = resolveOptions(options);
  const head = wrapText(cleanText(clip(title)) || "Error", MAX_TEXT, FONT_SIZE);
  let body = lines.flatMap((l) => wrapText(cleanText(clip(l)), MAX_TEXT, 14));
  if (body.length > MAX_LINES) body = [...body.slice(0, MAX_LINES - 1), `… and ${body.length - MAX_LINES + 1} more lines`];
  const textW = Math.max(200, ...head.map((l) => textWidth(l, FONT_SIZE)), ...body.map((l) => textWidth(l, 14)));
  const w = Math.ceil(textW + 2 * PAD);
  const headH = head.length * LINE + PAD;
  const h = Math.ceil(headH + body.length * LINE + PAD + (body.length ? 8 : 0));
  const headBase = head.map((_, j) => PAD + 14 + LINE * j);
  const bodyBase = body.map((_, j) => headH + 8 + 14 + LINE * j);
  const out = [
    [
      `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}"`,
      `role="img" font-family="${FONT_FAMILY}" font-size="${FONT_SIZE}">`,
    ].join(" "),
    `<title>${escapeXml(head.join(" "))}</title>`,
    background === "transparent" ? "" : `<rect width="${w}" height="${h}" fill="${background}"/>`,
    `<rect x="0.5" y="0.5" width="${num(w - 1)}" height="${num(h - 1)}" rx="4" ry="4" fill="none" stroke="${theme.fail}"/>`,
    `<rect x="0.5" y="0.5" width="6" height="${num(h - 1)}" fill="${theme.fail}"/>`,
    textLines(PAD, headBase, head, `font-weight="bold" fill="${theme.fail}"`),
    textLines(PAD, bodyBase, body, `font-size="14" fill="${theme.text}"`),
    `</svg>`,
  ];
  return `${out.filter(Boolean).join("\n")}\n`;
}
