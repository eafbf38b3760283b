/**
 * SVG primitives both views print with: the font stack, number formatting, per-diagram ids and
 * multi-line text. One file, so the sequence view, the map and the error card write the same bytes.
 */
import { escapeXml } from "./escape.ts";

/** Arial first: the layout measured text with Arial's metrics (Liberation Sans is the same). */
export const FONT_FAMILY = "Arial, Liberation Sans, Helvetica, sans-serif";

/** Numbers printed with at most two decimals, so output is stable across platforms. */
export const num = (v: number): string => String(Math.round(v * 100) / 100);

/** FNV-1a of the content: marker ids unique per diagram when several SVGs share one HTML page. */
export function contentId(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return `exf${(h >>> 0).toString(36)}`;
}

export function textLines(x: number, baselines: number[], lines: string[], attrs: string): string {
  return lines.map((l, j) => `<text x="${num(x)}" y="${num(baselines[j] ?? 0)}" ${attrs}>${escapeXml(l)}</text>`).join("");
}
