/**
 * Geometry of the native map layout, on the golden cases and on generated flows: edges are
 * orthogonal and never pass through a box, no two edges run on top of each other, number badges
 * sit on their edge, boxes do not overlap and stay inside their site region and the picture.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { Flow } from "../../core/types.ts";
import { layoutMap, toMapModel } from "../../diagrams/map/index.ts";
import { goldenCases } from "../diagrams/cases.ts";
import { arbitraryFlow } from "../diagrams/flows.ts";

type Pt = [number, number];
interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}
const E = 0.01;

const segments = (points: Pt[]): [Pt, Pt][] => points.slice(1).map((p, i) => [points[i] ?? p, p]);

/** Does the axis-aligned segment a-b enter the open interior of box r? */
function crosses([a, b]: [Pt, Pt], r: Box): boolean {
  const [x0, x1] = [Math.min(a[0], b[0]), Math.max(a[0], b[0])];
  const [y0, y1] = [Math.min(a[1], b[1]), Math.max(a[1], b[1])];
  return x1 > r.x + E && x0 < r.x + r.w - E && y1 > r.y + E && y0 < r.y + r.h - E;
}

/** Length shared by two collinear axis-aligned segments (0 when they only cross or touch). */
function overlap([a, b]: [Pt, Pt], [c, d]: [Pt, Pt]): number {
  const horizontal = (p: Pt, q: Pt): boolean => Math.abs(p[1] - q[1]) < E;
  if (horizontal(a, b) && horizontal(c, d) && Math.abs(a[1] - c[1]) < E) {
    return Math.min(Math.max(a[0], b[0]), Math.max(c[0], d[0])) - Math.max(Math.min(a[0], b[0]), Math.min(c[0], d[0]));
  }
  if (!horizontal(a, b) && !horizontal(c, d) && Math.abs(a[0] - c[0]) < E) {
    return Math.min(Math.max(a[1], b[1]), Math.max(c[1], d[1])) - Math.max(Math.min(a[1], b[1]), Math.min(c[1], d[1]));
  }
  return 0;
}

const onSegment = (p: Pt, [a, b]: [Pt, Pt]): boolean =>
  p[0] >= Math.min(a[0], b[0]) - E &&
  p[0] <= Math.max(a[0], b[0]) + E &&
  p[1] >= Math.min(a[1], b[1]) - E &&
  p[1] <= Math.max(a[1], b[1]) + E;

function checkLayout(flow: Flow): void {
  const model = toMapModel(flow);
  const l = layoutMap(model);
  for (const r of l.routes) {
    const segs = segments(r.points);
    for (const [a, b] of segs) expect(Math.abs(a[0] - b[0]) < E || Math.abs(a[1] - b[1]) < E).toBe(true);
    for (const s of segs) for (const box of l.boxes) expect(crosses(s, box), `edge ${r.edge} through box ${box.node}`).toBe(false);
    for (const badge of r.badges) expect(segs.some((s) => onSegment([badge.x, badge.y], s))).toBe(true);
  }
  l.routes.forEach((r, i) => {
    for (const q of l.routes.slice(i + 1)) {
      for (const s of segments(r.points))
        for (const t of segments(q.points)) {
          expect(overlap(s, t), `edges ${r.edge} and ${q.edge} overlap`).toBeLessThanOrEqual(E);
        }
    }
  });
  l.boxes.forEach((b, i) => {
    expect(b.x >= 0 && b.y >= 0 && b.x + b.w <= l.view.w && b.y + b.h <= l.view.h).toBe(true);
    for (const c of l.boxes.slice(i + 1))
      expect(
        crosses(
          [
            [c.x, c.y],
            [c.x + c.w, c.y],
          ],
          b,
        ) ||
          crosses(
            [
              [c.x, c.y + c.h],
              [c.x + c.w, c.y + c.h],
            ],
            b,
          ) ||
          (c.x === b.x && c.y === b.y),
      ).toBe(false);
    const site = model.nodes[b.node]?.site;
    const region = l.regions.find((r) => r.site === site);
    if (site !== null && site !== undefined)
      expect(region && b.x > region.x && b.x + b.w < region.x + region.w && b.y > region.y && b.y + b.h < region.y + region.h).toBe(true);
  });
}

describe("map layout", () => {
  test.each(goldenCases())("$name: orthogonal, clear of boxes, no shared tracks", ({ flow }) => checkLayout(flow));

  test("generated flows", () => {
    fc.assert(
      fc.property(arbitraryFlow, (flow) => checkLayout(flow)),
      { numRuns: 150, seed: 7 },
    );
  });
});
