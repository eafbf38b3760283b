/**
 * Text helpers shared by every view: clean user strings into one safe line, measure them with the
 * committed Liberation Sans table (Arial metrics), and wrap them into lines of a maximum width.
 * In: any string. Out: cleaned strings, pixel widths, arrays of lines. Pure.
 */
import { ASCII_WIDTHS, DEFAULT_WIDTH, LATIN1_WIDTHS, WIDE_WIDTH } from "./font-metrics.ts";

/**
 * One printable line: control characters, line/paragraph separators, bidi overrides and
 * byte-order marks become spaces (they could reorder or split a label), lone surrogates become
 * U+FFFD (not valid XML), and runs of whitespace collapse (a no-break space too).
 *
 * Three character pairs no Mermaid escaping can show: a backslash before `n`/`N` (Mermaid's
 * flowchart reads it as a line break whatever the quoting), and `ﬂ°`, `¶ß` (Mermaid's own
 * entity placeholders, replaced in the finished SVG). A zero-width space goes between the two
 * characters, in every view, so Mermaid and exflow's SVG and Markdown show the same thing.
 */
/** Text size every view assumes (Mermaid's default sequence font size). */
export const FONT_SIZE = 16;

export function cleanText(s: string): string {
  return s
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f\ufeff\ufffe\uffff]/g, " ")
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/(\\)(?=[nN])|(\ufb02)(?=\u00b0)|(\u00b6)(?=\u00df)/g, "$&\u200b");
}

/** CJK, Hangul, fullwidth forms and astral characters (emoji) are about one em wide. */
function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    cp >= 0x1f000
  );
}

function charWidth(cp: number): number {
  if (cp >= 0x20 && cp <= 0x7e) return ASCII_WIDTHS[cp - 0x20] ?? DEFAULT_WIDTH;
  if (cp >= 0xa0 && cp <= 0xff) return LATIN1_WIDTHS[cp - 0xa0] ?? DEFAULT_WIDTH;
  if ((cp >= 0x300 && cp <= 0x36f) || cp === 0x200b || cp === 0x200d || (cp >= 0xfe00 && cp <= 0xfe0f)) return 0;
  return isWide(cp) ? WIDE_WIDTH : DEFAULT_WIDTH;
}

/** Advance width in pixels at `fontSize` (no kerning; within about 1 % of Chromium for Arial). */
export function textWidth(s: string, fontSize: number): number {
  let units = 0;
  for (let i = 0; i < s.length; i++) {
    const cp = s.codePointAt(i) ?? 0;
    if (cp > 0xffff) i++;
    units += charWidth(cp);
  }
  return (units * fontSize) / 1000;
}

/** Where a word may break: after `.`, `/`, `-`, `_`, `\\`, `@` or `:` (host names, paths, URLs), never inside a plain word. */
const SOFT = /[./\-_\\@:]/;

/**
 * Splits a word wider than `max` after its last soft break that fits (or, if none fits, its
 * first). A word with no soft break stays whole and its line is wider than `max` (the layouts
 * size boxes by their widest line): "AutoDiscoverServiceInternalU / ri" helps nobody. Only a
 * run more than twice `max` wide with no break at all (a hash, a pasted blob: nothing a reader
 * reads as a word) is cut at `max`, so no box grows without bound.
 */
function breakWord(word: string, max: number, fontSize: number): string[] {
  const parts: string[] = [];
  let rest = word;
  while (textWidth(rest, fontSize) > max) {
    const chars = Array.from(rest);
    let cut = -1;
    let first = -1;
    let acc = "";
    for (let i = 0; i < chars.length - 1; i++) {
      acc += chars[i];
      if (!SOFT.test(chars[i] ?? "")) continue;
      if (first < 0) first = acc.length;
      if (textWidth(acc, fontSize) <= max) cut = acc.length;
      else break;
    }
    if (cut < 0) cut = first;
    if (cut <= 0 && textWidth(rest, fontSize) > 2 * max) cut = hardCut(chars, max, fontSize);
    if (cut <= 0) break;
    parts.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  if (rest) parts.push(rest);
  return parts;
}

/** Length (UTF-16) of the longest prefix of `chars` no wider than `max`; at least one character. */
function hardCut(chars: string[], max: number, fontSize: number): number {
  let acc = "";
  for (const ch of chars) {
    if (acc && textWidth(acc + ch, fontSize) > max) break;
    acc += ch;
  }
  return acc.length;
}

/** Greedy word wrap to `max` pixels; a cleaned, non-empty string gives at least one line. */
export function wrapText(s: string, max: number, fontSize: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of s.split(" ")) {
    const candidate = line ? `${line} ${word}` : word;
    if (textWidth(candidate, fontSize) <= max) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    const pieces = breakWord(word, max, fontSize);
    line = pieces.pop() ?? "";
    lines.push(...pieces);
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}

/** A box of wrapped text as both layouts place it: top-left corner, size, the lines and each line's baseline. */
export interface TextBox {
  x: number;
  y: number;
  w: number;
  h: number;
  lines: string[];
  baselines: number[];
}
