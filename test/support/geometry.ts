/**
 * The layout rules every picture keeps, read back from exflow's own SVG (both views): the page is
 * at most MAX_WIDTH px wide; no two step badges overlap; no label overlaps another label or a
 * badge; no map arrow crosses a site region it neither starts nor ends in. Regex-based on purpose:
 * the producer is ours and regular, so no DOM is needed. Text boxes are measured with the same
 * committed font table the layout uses, so "overlap" means what a reader would see.
 */
import { textWidth } from "../../diagrams/text.ts";

/** A 1,000 px wiki column then still shows 16 px labels at 9 px or more. */
export const MAX_WIDTH = 1750;

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  what: string;
}
export interface Circle {
  x: number;
  y: number;
  r: number;
}

const attr = (attrs: string, name: string): string | undefined => new RegExp(`\\s${name}="([^"]*)"`).exec(` ${attrs}`)?.[1];
const n = (attrs: string, name: string): number => Number(attr(attrs, name) ?? Number.NaN);
const unescapeXml = (s: string): string =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");

export interface Picture {
  width: number;
  badges: Circle[];
  labels: Box[];
  sites: Box[];
  edges: [number, number][][];
}

export function readPicture(svg: string): Picture {
  const width = Number(/<svg [^>]*?width="([\d.]+)"/.exec(svg)?.[1] ?? 0);
  const badges = [...svg.matchAll(/<circle ([^>]*)\/>/g)]
    .map((m) => ({ x: n(m[1] ?? "", "cx"), y: n(m[1] ?? "", "cy"), r: n(m[1] ?? "", "r") }))
    .filter((c) => c.r >= 5 && c.r <= 16);
  const labels: Box[] = [];
  for (const m of svg.matchAll(/<text ([^>]*)>([^<]*)<\/text>/g)) {
    const a = m[1] ?? "";
    const cls = attr(a, "class") ?? "";
    // Badge numbers sit inside their circle by design; the circle stands for them.
    if (cls === "sequence-number" || cls === "edge-number") continue;
    const size = Number(attr(a, "font-size") ?? 16);
    const text = unescapeXml(m[2] ?? "");
    const w = textWidth(text, size);
    const x = n(a, "x");
    const y = n(a, "y");
    const anchor = attr(a, "text-anchor") ?? "start";
    const x0 = anchor === "middle" ? x - w / 2 : anchor === "end" ? x - w : x;
    // Glyphs from cap height to just below the baseline (descenders are allowed to touch).
    labels.push({ x0, y0: y - 0.72 * size, x1: x0 + w, y1: y + 0.12 * size, what: `${cls} "${text.slice(0, 40)}"` });
  }
  const sites = [...svg.matchAll(/<rect ([^>]*class="map-site"[^>]*)\/>/g)].map((m) => {
    const a = m[1] ?? "";
    const [x, y] = [n(a, "x"), n(a, "y")];
    return { x0: x, y0: y, x1: x + n(a, "width"), y1: y + n(a, "height"), what: "site" };
  });
  const edges = [...svg.matchAll(/<path d="([^"]*)"[^>]*class="map-edge/g)].map((m) =>
    [...(m[1] ?? "").matchAll(/(-?[\d.]+)[ ,](-?[\d.]+)/g)].map((p) => [Number(p[1]), Number(p[2])] as [number, number]),
  );
  return { width, badges, labels, sites, edges };
}

const overlaps = (a: Box, b: Box, slack = 0.5): boolean =>
  a.x0 < b.x1 - slack && b.x0 < a.x1 - slack && a.y0 < b.y1 - slack && b.y0 < a.y1 - slack;
const circleHitsBox = (c: Circle, b: Box): boolean => {
  const dx = Math.max(b.x0 - c.x, 0, c.x - b.x1);
  const dy = Math.max(b.y0 - c.y, 0, c.y - b.y1);
  return dx * dx + dy * dy < (c.r - 1) * (c.r - 1);
};
const inside = ([x, y]: [number, number], b: Box): boolean => b.x0 < x && x < b.x1 && b.y0 < y && y < b.y1;

/** Every broken rule, one line each (empty: the picture keeps them all). */
export function layoutProblems(svg: string): string[] {
  const p = readPicture(svg);
  const out: string[] = [];
  if (p.width > MAX_WIDTH) out.push(`${Math.round(p.width)} px wide (at most ${MAX_WIDTH})`);
  p.badges.forEach((a, i) => {
    for (const b of p.badges.slice(i + 1))
      if (Math.hypot(a.x - b.x, a.y - b.y) < a.r + b.r - 1) out.push(`step badges overlap at (${Math.round(a.x)},${Math.round(a.y)})`);
    for (const l of p.labels) if (circleHitsBox(a, l)) out.push(`a step badge at (${Math.round(a.x)},${Math.round(a.y)}) covers ${l.what}`);
  });
  p.labels.forEach((a, i) => {
    for (const b of p.labels.slice(i + 1)) if (overlaps(a, b)) out.push(`${a.what} overlaps ${b.what}`);
  });
  for (const pts of p.edges) {
    const first = pts[0];
    const last = pts[pts.length - 1];
    if (!first || !last) continue;
    const own = p.sites.filter((s) => inside(first, s) || inside(last, s));
    for (const s of p.sites) {
      if (own.includes(s)) continue;
      const [x0, y0, x1, y1] = [s.x0 + 2, s.y0 + 2, s.x1 - 2, s.y1 - 2];
      const crosses = pts.slice(1).some(([bx, by], k) => {
        const [ax, ay] = pts[k] ?? [0, 0];
        return (
          (ay === by && y0 < ay && ay < y1 && Math.min(ax, bx) < x1 && Math.max(ax, bx) > x0) ||
          (ax === bx && x0 < ax && ax < x1 && Math.min(ay, by) < y1 && Math.max(ay, by) > y0)
        );
      });
      if (crosses) out.push(`an arrow crosses a site it neither starts nor ends in`);
    }
  }
  return out;
}
