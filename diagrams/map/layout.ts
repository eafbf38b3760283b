/**
 * MapModel -> MapLayout: pixel positions for the map. Sites stand side by side as regions, the
 * client to their left, Active Directory below; every server box has the same size, so rows and
 * columns line up. Gutters between columns and channels between rows are sized from the number
 * of edge tracks routes.ts puts in them. Number badges sit along each route, a third of the way
 * from its start, so the two directions of a pair do not share a spot. Text is measured with the
 * committed Arial-compatible table. In: model. Out: numbers only (svg.ts prints them). Pure.
 */
import { type TextBox, textWidth } from "../text.ts";
import { placeGrid } from "./grid.ts";
import { MAP_FONT_SIZE, type MapEdgeStyle, type MapModel, type MapNode } from "./model.ts";
import { drawRoutes, planRoutes, TOP_CHANNEL } from "./routes.ts";

export const MAP_CONF = {
  margin: 20,
  pad: 16,
  line: 18,
  titleLine: 20,
  minW: 150,
  minH: 56,
  portGap: 16,
  track: 14,
  gutter: 64,
  channelTop: 24,
  channelMid: 48,
  channelLow: 40,
  badgeFont: 12,
  badgeStep: 24,
  /** Room around text: a box's or region title's width beyond its widest line, a box's height beyond its lines. */
  textPadX: 24,
  textPadY: 20,
  /** A box's height beyond the span of its outermost side ports. */
  portPad: 24,
  /** A text line's baseline below the line's top (Liberation Sans sits ~0.3 em below the line centre). */
  baseline: 13.5,
  /** Region titles: first baseline below the region's top, and the gap under the last title line. */
  titleBaseline: 21,
  titleGap: 12,
  /** The AD cylinder's top ellipse takes ~14 px: its text sits this much lower. */
  adTextDrop: 5,
  /** Number badges: smallest radius, and the least distance from either end of a route. */
  badgeMinR: 9,
  badgeEndGap: 14,
  /** Routes shorter than this put their badges at the start (see badges()). */
  shortRoute: 120,
  /** The diagnostics note: gap above it, and its padding beyond the text (down, across). */
  noteGap: 12,
  notePadY: 16,
  notePadX: 20,
} as const;

export interface MapBox extends TextBox {
  node: number;
  kind: MapNode["kind"];
}
export interface MapRegion extends TextBox {
  site: number;
}
export interface MapBadge {
  n: number;
  x: number;
  y: number;
  r: number;
}
export interface MapRoute {
  edge: number;
  style: MapEdgeStyle;
  points: [number, number][];
  badges: MapBadge[];
}
export type MapNoteBox = TextBox;

export interface MapLayout {
  view: { w: number; h: number };
  boxes: MapBox[];
  regions: MapRegion[];
  routes: MapRoute[];
  note: MapNoteBox | null;
}

const C = MAP_CONF;
const widest = (lines: string[], size = MAP_FONT_SIZE): number => Math.max(0, ...lines.map((l) => textWidth(l, size)));
/** Baselines of `n` lines centred on `mid`. */
const baselinesAround = (mid: number, n: number): number[] =>
  Array.from({ length: n }, (_, j) => mid - (n * C.line) / 2 + C.line * j + C.baseline);
const band = (tracks: number, min: number): number => (tracks === 0 ? min : Math.max(min, (tracks + 1) * C.track));

/** Point at arc length `d` along a polyline. */
function pointAt(points: [number, number][], d: number): [number, number] {
  let left = d;
  for (let i = 1; i < points.length; i++) {
    const [x0, y0] = points[i - 1] ?? [0, 0];
    const [x1, y1] = points[i] ?? [0, 0];
    const len = Math.abs(x1 - x0) + Math.abs(y1 - y0);
    if (left <= len && len > 0) return [x0 + ((x1 - x0) * left) / len, y0 + ((y1 - y0) * left) / len];
    left -= len;
  }
  return points[points.length - 1] ?? [0, 0];
}

/**
 * Badges of a route that runs along a channel sit on that channel's stretch, spread by the route's
 * track (track k of n at (k + 1) / (n + 1) of the stretch), so routes sharing a channel never put
 * their numbers on the same spot; other routes keep theirs a third of the way from the start.
 */
function badges(points: [number, number][], numbers: number[], slot: [number, number] | null): MapBadge[] {
  if (slot && points.length === 6) {
    const [a, b]: [number, number][] = [points[2] ?? [0, 0], points[3] ?? [0, 0]];
    const [ax, ay] = a ?? [0, 0];
    const [bx] = b ?? [0, 0];
    const span = (numbers.length - 1) * C.badgeStep;
    const len = Math.abs(bx - ax);
    if (len > span + 2 * C.badgeEndGap) {
      const dir = Math.sign(bx - ax);
      const mid = Math.min(Math.max((len * (slot[0] + 1)) / (slot[1] + 1), C.badgeEndGap + span / 2), len - C.badgeEndGap - span / 2);
      return numbers.map((n, j) => ({
        n,
        x: ax + dir * (mid - span / 2 + j * C.badgeStep),
        y: ay,
        r: Math.max(C.badgeMinR, textWidth(String(n), C.badgeFont) / 2 + 4),
      }));
    }
  }
  let total = 0;
  for (let i = 1; i < points.length; i++)
    total += Math.abs((points[i]?.[0] ?? 0) - (points[i - 1]?.[0] ?? 0)) + Math.abs((points[i]?.[1] ?? 0) - (points[i - 1]?.[1] ?? 0));
  const span = (numbers.length - 1) * C.badgeStep;
  // On a short route (a pair of neighbours used both ways) the numbers sit right at the start, so
  // the two directions' badges, a port apart, stay at opposite ends.
  const third = total < C.shortRoute ? 0 : total / 3 - span / 2;
  const start = Math.max(Math.min(third, total - C.badgeEndGap - span), Math.min(C.badgeEndGap, total / 2));
  return numbers.map((n, j) => {
    const [x, y] = pointAt(points, start + j * C.badgeStep);
    return { n, x, y, r: Math.max(C.badgeMinR, textWidth(String(n), C.badgeFont) / 2 + 4) };
  });
}

const clash = (a: MapBadge, b: MapBadge): boolean => Math.hypot(a.x - b.x, a.y - b.y) < a.r + b.r + 1;

/**
 * Routes along a channel whose badges would touch badges placed before them slide along their
 * stretch, a badge step at a time, to the first free spot (they stay put when there is none).
 */
function separateBadges(routes: MapRoute[]): void {
  const placed: MapBadge[] = [];
  for (const r of routes) {
    const [a, b] = [r.points[2], r.points[3]];
    const along = r.points.length === 6 && a && b && a[1] === b[1] ? ([Math.min(a[0], b[0]), Math.max(a[0], b[0])] as const) : null;
    if (along && r.badges.some((x) => placed.some((y) => clash(x, y)))) {
      const tries = [1, -1, 2, -2, 3, -3, 4, -4, 5, -5, 6, -6].map((k) => k * C.badgeStep);
      const fits = tries.find((d) =>
        r.badges.every(
          (x) =>
            x.x + d >= along[0] + C.badgeEndGap &&
            x.x + d <= along[1] - C.badgeEndGap &&
            !placed.some((y) => clash({ ...x, x: x.x + d }, y)),
        ),
      );
      if (fits !== undefined) for (const x of r.badges) x.x += fits;
    }
    placed.push(...r.badges);
  }
}

export function layoutMap(model: MapModel): MapLayout {
  const grid = placeGrid(model);
  const plan = planRoutes(model, grid);
  const tracks = (m: Map<number, number[]>, k: number): number => m.get(k)?.length ?? 0;
  // Every box has one size (W x H), so rows and columns line up; H also holds a side's ports.
  const W = Math.max(C.minW, widest(model.nodes.flatMap((n) => n.lines)) + C.textPadX);
  const H = Math.max(
    C.minH,
    ...model.nodes.map((n) => n.lines.length * C.line + C.textPadY),
    (plan.maxSidePorts - 1) * C.portGap + C.portPad,
  );

  // Across: [gutter 0] group (region padding, columns with inner gutters) gutter group ... [last gutter].
  const gutters = new Map<number, [number, number]>();
  const colX: number[] = [];
  const regionX = new Map<number, [number, number]>();
  let x = C.margin + (tracks(plan.gutterTracks, 0) > 0 ? band(tracks(plan.gutterTracks, 0), 0) : 0);
  gutters.set(0, [C.margin, x]);
  // Gutter c (left of column c) starts at the running x and pushes it right by its width.
  const addGutter = (c: number): void => {
    const size = band(tracks(plan.gutterTracks, c), C.gutter);
    gutters.set(c, [x, x + size]);
    x += size;
  };
  grid.groups.forEach((g, gi) => {
    if (gi > 0) addGutter(g.first);
    const site = g.site === null ? undefined : model.sites[g.site];
    let span = g.count * W;
    for (let c = g.first + 1; c < g.first + g.count; c++) span += band(tracks(plan.gutterTracks, c), C.gutter);
    const pad = site ? C.pad + Math.max(0, widest(site.lines) + C.textPadX - span - 2 * C.pad) / 2 : 0;
    const left = x;
    x += pad;
    for (let c = g.first; c < g.first + g.count; c++) {
      if (c > g.first) addGutter(c);
      colX[c] = x;
      x += W;
    }
    x += pad;
    if (g.site !== null) regionX.set(g.site, [left, x]);
  });
  const lastTracks = tracks(plan.gutterTracks, grid.columns);
  gutters.set(grid.columns, [x, x + (lastTracks > 0 ? band(lastTracks, 0) : 0)]);
  const right = (gutters.get(grid.columns)?.[1] ?? x) + C.margin;

  // Down: region titles, channel 0, row 0, channel 1, row 1, region bottom, channel 2, row 2 (AD), channel 3, note.
  const titleH = model.sites.length > 0 ? Math.max(...model.sites.map((s) => s.lines.length)) * C.titleLine + C.titleGap : 0;
  const channels = new Map<number, [number, number]>();
  let y: number = C.margin;
  const rowY: number[] = [];
  const addChannel = (h: number, min: number): void => {
    const size = band(tracks(plan.channelTracks, h), min);
    channels.set(h, [y, y + size]);
    y += size;
  };
  addChannel(TOP_CHANNEL, 0);
  const regionTop = y;
  y += titleH;
  addChannel(0, model.sites.length > 0 ? C.channelTop : 0);
  rowY[0] = y;
  y += grid.rows[0] ? H : 0;
  addChannel(1, grid.rows[0] && grid.rows[1] ? C.channelMid : 0);
  rowY[1] = y;
  y += grid.rows[1] ? H : 0;
  const regionBottom = y + C.pad;
  y = regionBottom;
  addChannel(2, grid.rows[2] ? C.channelLow : 0);
  rowY[2] = y;
  y += grid.rows[2] ? H : 0;
  addChannel(3, 0);

  const boxes: MapBox[] = model.nodes.map((n, i) => {
    const bx = colX[grid.col[i] ?? 0] ?? 0;
    const by = rowY[grid.row[i] ?? 0] ?? 0;
    const mid = by + H / 2 + (n.kind === "ad" ? C.adTextDrop : 0);
    return { node: i, kind: n.kind, x: bx, y: by, w: W, h: H, lines: n.lines, baselines: baselinesAround(mid, n.lines.length) };
  });
  const regions: MapRegion[] = [];
  for (const [site, [x0, x1]] of regionX) {
    const s = model.sites[site];
    if (!s) continue;
    const baselines = s.lines.map((_, j) => regionTop + C.titleBaseline + C.titleLine * j);
    regions.push({ site, x: x0, y: regionTop, w: x1 - x0, h: regionBottom - regionTop, lines: s.lines, baselines });
  }
  const points = drawRoutes(model, plan, {
    boxes,
    gutter: (g) => gutters.get(g) ?? [0, 0],
    channel: (h) => channels.get(h) ?? [0, 0],
    portGap: C.portGap,
  });
  const routes: MapRoute[] = model.edges.map((e, i) => {
    const p = points[i] ?? [];
    const channel = plan.edges[i]?.channel;
    const list = channel === null || channel === undefined ? [] : (plan.channelTracks.get(channel) ?? []);
    const slot: [number, number] | null = list.includes(i) ? [list.indexOf(i), list.length] : null;
    return { edge: i, style: e.style, points: p, badges: p.length > 1 ? badges(p, e.numbers, slot) : [] };
  });
  separateBadges(routes);
  let note: MapNoteBox | null = null;
  if (model.notes.length > 0) {
    const ny = y + C.noteGap;
    const h = model.notes.length * C.line + C.notePadY;
    note = {
      x: C.margin,
      y: ny,
      w: widest(model.notes) + C.notePadX,
      h,
      lines: model.notes,
      baselines: baselinesAround(ny + h / 2, model.notes.length),
    };
    y = ny + h;
  }
  const w = Math.max(right, note ? note.x + note.w + C.margin : 0, 2 * C.margin);
  return { view: { w, h: Math.max(y + C.margin, 2 * C.margin) }, boxes, regions, routes, note };
}
