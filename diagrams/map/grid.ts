/**
 * MapModel -> MapGrid: where each node sits as grid indices, before any pixel is known.
 * Columns come in groups left to right: the client(s), then one group per site in flow order,
 * then servers without a site. Rows: 0 client and front ends (CAS), 1 Mailbox servers,
 * 2 Active Directory (below the sites, under the client).
 * In a site, front ends fill row 0 and Mailbox servers row 1, each in order of first appearance,
 * so a CAS usually stands above the Mailbox server it talks to. Pure.
 */
import type { MapModel } from "./model.ts";

export interface GridGroup {
  /** Index into model.sites, or null for a group drawn without a region. */
  site: number | null;
  /** First global column and number of columns. */
  first: number;
  count: number;
}

export interface MapGrid {
  groups: GridGroup[];
  /** Global column of each node, and its row (0, 1 or 2). */
  col: number[];
  row: number[];
  columns: number;
  /** Which rows hold at least one node. */
  rows: [boolean, boolean, boolean];
  /** The site region column c lies in (null: outside every region). */
  siteAt: (c: number) => number | null;
  /** The node at column c, row r (or undefined). */
  at: (c: number, r: number) => number | undefined;
}

export function placeGrid(model: MapModel): MapGrid {
  const col = model.nodes.map(() => 0);
  const row = model.nodes.map((n) => n.tier as number);
  const groups: GridGroup[] = [];
  let next = 0;
  const addGroup = (site: number | null, members: number[]): void => {
    if (members.length === 0) return;
    const perRow = [0, 0];
    for (const i of members) if (row[i] !== 1) row[i] = 0;
    if (site !== null) stack(members);
    for (const i of members) {
      const r = row[i] === 1 ? 1 : 0;
      row[i] = r;
      col[i] = next + (perRow[r] ?? 0);
      perRow[r] = (perRow[r] ?? 0) + 1;
    }
    const count = Math.max(perRow[0] ?? 0, perRow[1] ?? 0);
    groups.push({ site, first: next, count });
    next += count;
  };
  // A site's front row holds at most half its boxes (rounded up) when it would otherwise be wider
  // than two: a load balancer stays in front, the servers it fronts go below (cloud endpoints,
  // which have no tiers, stack the same way), so a site of four is two columns wide, not four.
  const stack = (members: number[]): void => {
    const front = members.filter((i) => row[i] === 0);
    const back = members.length - front.length;
    const keep = Math.max(2, Math.ceil(members.length / 2), back);
    if (front.length <= keep) return;
    const order = [...front].sort((a, b) => Number(model.nodes[a]?.kind !== "device") - Number(model.nodes[b]?.kind !== "device"));
    for (const i of order.slice(keep)) row[i] = 1;
  };
  const clients = model.nodes.flatMap((n, i) => (n.kind === "client" ? [i] : []));
  // Several clients stand side by side in row 0 of the first group.
  for (const i of clients) row[i] = 0;
  addGroup(null, clients);
  // Cloud sites first, next to the client (both are on the Internet), then the organisation's sites.
  const cloud = (k: number): boolean => (model.sites[k]?.nodes ?? []).every((i) => model.nodes[i]?.kind === "cloud");
  const siteOrder = [...model.sites.keys()].sort((a, b) => Number(!cloud(a)) - Number(!cloud(b)) || a - b);
  for (const k of siteOrder) addGroup(k, model.sites[k]?.nodes ?? []);
  addGroup(
    null,
    model.nodes.flatMap((n, i) => (n.kind !== "client" && n.kind !== "ad" && n.site === null ? [i] : [])),
  );

  const taken = new Set<number>();
  const ads = model.nodes.flatMap((n, i) => (n.kind === "ad" ? [i] : []));
  const extra: number[] = [];
  for (const i of ads) {
    // Below the client, at the left: the lookup line then runs down the gutter between the client
    // and the first site and crosses none of the request and answer paths.
    let c = 0;
    while (taken.has(c) && c < next) c++;
    if (c >= next) {
      // No free column under the sites: AD boxes past the last column get a group of their own.
      c = next + extra.length;
      extra.push(i);
    }
    taken.add(c);
    col[i] = c;
    row[i] = 2;
  }
  if (extra.length > 0) {
    groups.push({ site: null, first: next, count: extra.length });
    next += extra.length;
  }

  const cells = new Map<string, number>();
  for (const i of model.nodes.keys()) cells.set(`${col[i]},${row[i]}`, i);
  const rows: [boolean, boolean, boolean] = [row.includes(0), row.includes(1), row.includes(2)];
  const siteAt = (c: number): number | null => groups.find((g) => c >= g.first && c < g.first + g.count)?.site ?? null;
  return { groups, col, row, columns: next, rows, siteAt, at: (c, r) => cells.get(`${c},${r}`) };
}
