/**
 * Orthogonal edge routing for the map, in two passes. `planRoutes` works on grid indices only:
 * neighbours in a row or a column with nothing between them get a straight line; every other
 * edge leaves its box sideways into the vertical gutter beside it, runs along the horizontal
 * channel between rows, and enters its target from the gutter beside that box. Gutters and
 * channels never hold a box, so no route crosses one. A route between two site regions runs in
 * the channel above all regions (TOP_CHANNEL), never through a third region. Each edge gets its own track in every
 * gutter and channel it uses and its own port on each box side, so parallel edges (a pair used
 * in both directions) run side by side instead of on top of each other. `drawRoutes` turns the
 * plan into points once layout.ts has sized the gutters from the track counts. Pure.
 */
import type { MapGrid } from "./grid.ts";
import type { MapModel } from "./model.ts";

export type Side = "left" | "right" | "top" | "bottom";

export interface PlannedEdge {
  edge: number;
  straight: boolean;
  fromSide: Side;
  toSide: Side;
  /** Gutter (vertical channel) beside the source and the target; gutter g lies left of column g. */
  gutters: [number, number] | null;
  /** Horizontal channel h lies above row h (3: below the AD row; -1: above the regions); null when one gutter suffices. */
  channel: number | null;
}

export interface RoutePlan {
  edges: PlannedEdge[];
  /** Edge indices per gutter and per channel, in track order. */
  gutterTracks: Map<number, number[]>;
  channelTracks: Map<number, number[]>;
  /** Port offsets (in slots, 0 = middle of the side) per `${edge}:from` / `${edge}:to`. */
  ports: Map<string, number>;
  /** Slots a left or right side must hold (odd: symmetric about the middle). */
  maxSidePorts: number;
}

export interface RouteGeometry {
  boxes: { x: number; y: number; w: number; h: number }[];
  /** [x0, x1] band of each gutter and [y0, y1] band of each channel where tracks may run. */
  gutter: (g: number) => [number, number];
  channel: (h: number) => [number, number];
  /** Distance between neighbouring ports on a side. */
  portGap: number;
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

function clearBetween(grid: MapGrid, a: number, b: number, fixed: number, alongRow: boolean): boolean {
  for (let k = Math.min(a, b) + 1; k < Math.max(a, b); k++) {
    if ((alongRow ? grid.at(k, fixed) : grid.at(fixed, k)) !== undefined) return false;
    // A straight line along a row must not cross a site region neither end is in.
    const site = alongRow ? grid.siteAt(k) : null;
    if (site !== null && site !== grid.siteAt(a) && site !== grid.siteAt(b)) return false;
  }
  return true;
}

/** The channel above every site region: where routes between two regions (or the client and one) run. */
export const TOP_CHANNEL = -1;

export function planRoutes(model: MapModel, grid: MapGrid): RoutePlan {
  const gutterTracks = new Map<number, number[]>();
  const channelTracks = new Map<number, number[]>();
  // Per box side (`${box}:${side}`), the edge ends that leave or enter through it. `pair` names the
  // two boxes of a straight edge regardless of direction ("3-7"), so both directions share ports.
  const sides = new Map<string, { key: string; edge: number; pair: string | null; dir: number }[]>();
  const edges: PlannedEdge[] = model.edges.map((e, i) => {
    const [ca, ra, cb, rb] = [grid.col[e.from] ?? 0, grid.row[e.from] ?? 0, grid.col[e.to] ?? 0, grid.row[e.to] ?? 0];
    const straightH = e.from !== e.to && ra === rb && Math.abs(ca - cb) >= 1 && clearBetween(grid, ca, cb, ra, true);
    const straightV = e.from !== e.to && ca === cb && ra !== rb && clearBetween(grid, ra, rb, ca, false);
    let plan: PlannedEdge;
    if (straightH)
      plan = {
        edge: i,
        straight: true,
        fromSide: ca < cb ? "right" : "left",
        toSide: ca < cb ? "left" : "right",
        gutters: null,
        channel: null,
      };
    else if (straightV)
      plan = {
        edge: i,
        straight: true,
        fromSide: ra < rb ? "bottom" : "top",
        toSide: ra < rb ? "top" : "bottom",
        gutters: null,
        channel: null,
      };
    else {
      const fromSide: Side = cb < ca ? "left" : "right";
      const toSide: Side = ca < cb ? "left" : "right";
      const ga = fromSide === "left" ? ca : ca + 1;
      const gb = toSide === "left" ? cb : cb + 1;
      const inner = ra === rb ? ([0, 2, 3][ra] ?? 3) : Math.max(ra, rb);
      // Channels 0 and 1 run inside the site regions: a route whose stretch there would pass a
      // region neither end is in runs above all regions instead.
      const own = [grid.siteAt(ca), grid.siteAt(cb)];
      let foreign = false;
      for (let k = Math.min(ga, gb); k < Math.max(ga, gb); k++) foreign ||= grid.siteAt(k) !== null && !own.includes(grid.siteAt(k));
      const channel = ga === gb ? null : inner <= 1 && foreign ? TOP_CHANNEL : inner;
      plan = { edge: i, straight: false, fromSide, toSide, gutters: [ga, gb], channel };
      push(gutterTracks, ga, i);
      if (gb !== ga) push(gutterTracks, gb, i);
      if (channel !== null) push(channelTracks, channel, i);
    }
    const pair = plan.straight ? `${Math.min(e.from, e.to)}-${Math.max(e.from, e.to)}` : null;
    // Where a routed edge heads from this box: up (-1), level (0) or down (1); ports are ordered by it.
    const dir = (self: number, other: number): number => {
      const r = grid.row[self] ?? 0;
      const target = plan.channel === null ? (grid.row[other] ?? 0) : plan.channel - 0.5;
      return Math.sign(target - r);
    };
    push(sides, `${e.from}:${plan.fromSide}`, { key: `${i}:from`, edge: i, pair, dir: dir(e.from, e.to) });
    push(sides, `${e.to}:${plan.toSide}`, { key: `${i}:to`, edge: i, pair, dir: dir(e.to, e.from) });
    return plan;
  });

  const ports = new Map<string, number>();
  let maxSidePorts = 1;
  for (const [side, list] of sides) {
    const taken: number[] = [];
    // Straight edges between the same pair sit symmetric about the middle, the same on both boxes.
    const pairs = new Map<string, typeof list>();
    for (const p of list) if (p.pair !== null) push(pairs, p.pair, p);
    for (const ends of pairs.values()) {
      const sorted = [...ends].sort((a, b) => a.edge - b.edge);
      for (const [j, p] of sorted.entries()) {
        const slot = j - (sorted.length - 1) / 2;
        ports.set(p.key, slot);
        taken.push(slot);
      }
    }
    const routed = list.filter((p) => p.pair === null).sort((a, b) => a.dir - b.dir || a.edge - b.edge);
    if (taken.length === 0) {
      for (const [j, p] of routed.entries()) ports.set(p.key, j - (routed.length - 1) / 2);
    } else {
      // Around straight edges: upward-bound routes take ports above them, the rest ports below.
      const ups = routed.filter((p) => p.dir < 0).reverse();
      const downs = routed.filter((p) => p.dir >= 0);
      const [lo, hi] = [Math.min(...taken), Math.max(...taken)];
      for (const [j, p] of ups.entries()) ports.set(p.key, lo - 1 - j);
      for (const [j, p] of downs.entries()) ports.set(p.key, hi + 1 + j);
    }
    if (side.endsWith(":left") || side.endsWith(":right")) {
      const used = list.map((p) => Math.abs(ports.get(p.key) ?? 0));
      maxSidePorts = Math.max(maxSidePorts, 2 * Math.max(0, ...used) + 1);
    }
  }
  return { edges, gutterTracks, channelTracks, ports, maxSidePorts };
}

function port(b: { x: number; y: number; w: number; h: number }, side: Side, slot: number, gap: number): [number, number] {
  const cx = b.x + b.w / 2 + slot * gap;
  const cy = b.y + b.h / 2 + slot * gap;
  if (side === "left") return [b.x, cy];
  if (side === "right") return [b.x + b.w, cy];
  return [cx, side === "top" ? b.y : b.y + b.h];
}

/** Position of track `i` of `n` in a band, evenly spread. */
const track = ([a, b]: [number, number], i: number, n: number): number => a + ((b - a) * (i + 1)) / (n + 1);

export function drawRoutes(model: MapModel, plan: RoutePlan, geo: RouteGeometry): [number, number][][] {
  return plan.edges.map((p) => {
    const e = model.edges[p.edge];
    const a = e && geo.boxes[e.from];
    const b = e && geo.boxes[e.to];
    if (!a || !b) return [];
    // Routed ports sit a fifth of a slot off the grid, up on left sides and down on right sides:
    // two boxes facing each other across a gutter then never have routed ports at the same height,
    // so their stubs into the gutter cannot overlap, and no stub runs along a straight edge.
    const shift = (side: Side): number => (p.straight ? 0 : side === "right" ? 0.2 : side === "left" ? -0.2 : 0);
    const pa = port(a, p.fromSide, (plan.ports.get(`${p.edge}:from`) ?? 0) + shift(p.fromSide), geo.portGap);
    const pb = port(b, p.toSide, (plan.ports.get(`${p.edge}:to`) ?? 0) + shift(p.toSide), geo.portGap);
    if (p.straight || !p.gutters) return [pa, pb];
    const [ga, gb] = p.gutters;
    const tx = (g: number): number => {
      const list = plan.gutterTracks.get(g) ?? [];
      return track(geo.gutter(g), list.indexOf(p.edge), list.length);
    };
    const xa = tx(ga);
    if (p.channel === null) return [pa, [xa, pa[1]], [xa, pb[1]], pb];
    const list = plan.channelTracks.get(p.channel) ?? [];
    const y = track(geo.channel(p.channel), list.indexOf(p.edge), list.length);
    const xb = tx(gb);
    return [pa, [xa, pa[1]], [xa, y], [xb, y], [xb, pb[1]], pb];
  });
}
