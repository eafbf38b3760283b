/**
 * Flow -> MapModel: the map view's one model (the article's figures: client outside, each AD site
 * a region holding its servers, numbered arrows). Decides the nodes (client, servers by site and
 * tier, Active Directory), the site regions with their published names, and the edges: steps
 * between the same two nodes in the same direction and style share one edge that carries all their
 * numbers (the core's numbers, never recounted). Labels are cleaned and wrapped once here, so the
 * Mermaid text and the SVG break them at the same places. In: a Flow. Out: plain data. Pure.
 */
import type { Flow, Participant, Step } from "../../core/index.ts";
import { mermaidAlias } from "../escape.ts";
import { boxText, drawnSites, flowTitle, type LabelMode, noteParagraphs } from "../labels.ts";
import type { RenderOptions } from "../options.ts";
import { cleanText, wrapText } from "../text.ts";

/**
 * Request/answer arrows solid, redirects and Autodiscover referrals dashed, AD lookups a plain line, the failing hop crossed;
 * `differs`: an observed-flows overlay marks a designed hop the logs show requests avoiding.
 */
export type MapEdgeStyle = "solid" | "dashed" | "lookup" | "fail" | "differs";

/** Row of a node: 0 client and front ends (CAS), 1 Mailbox servers, 2 Active Directory. */
export type MapTier = 0 | 1 | 2;

export interface MapNode {
  id: string;
  /** Safe Mermaid id (`p_...`); the real name only ever appears in labels. */
  alias: string;
  kind: Participant["kind"];
  lines: string[];
  /** Index into `sites`, or null for the client, AD and servers without a site. */
  site: number | null;
  tier: MapTier;
}

export interface MapSite {
  name: string;
  alias: string;
  /** Host names that land on this site's servers (the flow's participants carry them). */
  names: string[];
  internetFacing: boolean;
  /** "New York (Internet-facing: mail.o365info.com)", wrapped. */
  lines: string[];
  /** Node indices, in order of first appearance. */
  nodes: number[];
}

export interface MapEdge {
  from: number;
  to: number;
  style: MapEdgeStyle;
  /** Step numbers of every step drawn by this edge, in flow order. */
  numbers: number[];
  /** "2, 7": the numbers as the edge label; "" for an unnumbered hop (the AD lookup). */
  label: string;
}

export interface MapModel {
  title: string;
  outcome: Flow["outcome"];
  nodes: MapNode[];
  sites: MapSite[];
  edges: MapEdge[];
  /** Error and warning diagnostics, wrapped, for a note under the map. */
  notes: string[];
}

export const MAP_FONT_SIZE = 16;
/** Id of the diagnostics note in both views; node ids all start with `p_`, so it cannot collide. */
export const NOTE_ID = "note_diagnostics";
/** As wide as a sequence-diagram actor, so a box breaks its text at the same places in both views. */
export const MAX_NODE_TEXT = 240;
const MAX_SITE_TEXT = 340;
const MAX_NOTE_TEXT = 520;

const wrap = (s: string, max: number): string[] => wrapText(cleanText(s) || "?", max, MAP_FONT_SIZE);

/** The same box text as the sequence view (labels.ts), wrapped to the map's node width. */
const nodeLines = (p: Participant, mode: LabelMode | undefined, max: number): string[] => wrap(boxText(p, mode), max);

/** The core's tier when given (a 2016 server is a front end); hand-written flows: by roles. */
function tierOf(p: Participant): MapTier {
  if (p.kind === "ad") return 2;
  if (p.kind === "client") return 0;
  if (p.tier) return p.tier === "back-end" ? 1 : 0;
  const roles = p.roles ?? [];
  return roles.length > 0 && !roles.includes("cas") && p.version !== "SE" && (p.version ?? 0) < 2016 ? 1 : 0;
}

function styleOf(step: Step, isLast: boolean): MapEdgeStyle {
  if (step.fails) return "fail";
  if (step.kind === "lookup") return "lookup";
  if (step.kind === "redirect") return "dashed";
  // The core marks an Autodiscover answer that sends the client on (a referral), unless the flow ends there.
  if (step.kind === "respond" && step.referral && !isLast) return "dashed";
  return "solid";
}

/** Participants in the order the flow reaches them, then the rest in input order. */
function ordered(flow: Flow): Participant[] {
  const byId = new Map<string, Participant>();
  for (const p of flow.participants) if (!byId.has(p.id)) byId.set(p.id, p);
  const seen = new Set<Participant>();
  for (const s of flow.steps)
    for (const id of [s.from, s.to]) {
      const p = byId.get(id);
      if (p) seen.add(p);
    }
  for (const p of byId.values()) seen.add(p);
  return [...seen];
}

/** The map's model with box text wrapped at `nodeText` px (fit.ts narrows it for wide maps). */
export function buildMapModel(flow: Flow, options: RenderOptions = {}, nodeText: number = MAX_NODE_TEXT): MapModel {
  const parts = ordered(flow);
  const drawnSite = drawnSites(flow);
  const aliases = new Set<string>();
  const sites: MapSite[] = [];
  const siteIndex = new Map<string, number>();
  const nodes: MapNode[] = parts.map((p, i) => {
    let alias = mermaidAlias(p.id);
    for (let k = 2; aliases.has(alias); k++) alias = `${mermaidAlias(p.id)}_${k}`;
    aliases.add(alias);
    const siteName = drawnSite.get(p.id) ?? "";
    let site: number | null = null;
    if (siteName) {
      site = siteIndex.get(siteName) ?? sites.length;
      if (site === sites.length) {
        siteIndex.set(siteName, site);
        sites.push({ name: siteName, alias: `s_${site}`, names: [], internetFacing: false, lines: [], nodes: [] });
      }
      const s = sites[site];
      if (s) {
        s.nodes.push(i);
        for (const n of p.names ?? []) if (cleanText(n) && !s.names.includes(cleanText(n))) s.names.push(cleanText(n));
      }
    }
    return { id: p.id, alias, kind: p.kind, lines: nodeLines(p, options.label, nodeText), site, tier: tierOf(p) };
  });
  for (const s of sites) {
    // The core says which sites are Internet-facing for this protocol and what they publish;
    // hand-written flows without `sites` fall back to "a name lands here".
    const known = flow.sites?.find((k) => cleanText(k.name) === s.name);
    if (known) s.names = known.names.map(cleanText).filter((n) => n);
    s.internetFacing = known ? known.internetFacing : s.names.length > 0;
    s.lines = [
      ...wrap(s.name, MAX_SITE_TEXT),
      ...(s.internetFacing ? wrap(`(Internet-facing: ${s.names.join(", ")})`, MAX_SITE_TEXT) : []),
    ];
  }
  const index = new Map<string, number>();
  for (const [i, n] of nodes.entries()) if (!index.has(n.id)) index.set(n.id, i);
  const edges: MapEdge[] = [];
  const byKey = new Map<string, MapEdge>();
  for (const [i, step] of flow.steps.entries()) {
    const from = index.get(step.from);
    const to = index.get(step.to);
    if (from === undefined || to === undefined) continue;
    const style = styleOf(step, i === flow.steps.length - 1);
    const key = `${from}>${to}>${style}`;
    let edge = byKey.get(key);
    if (!edge) {
      edge = { from, to, style, numbers: [], label: "" };
      byKey.set(key, edge);
      edges.push(edge);
    }
    if (step.n !== null) edge.numbers.push(step.n);
  }
  // Numbers only: the line to the Active Directory cylinder says "lookup" by itself.
  for (const e of edges) e.label = e.numbers.join(", ");
  const notes = noteParagraphs(flow.diagnostics, options.notes).flatMap((d) => wrap(d, MAX_NOTE_TEXT));
  const s = flow.scenario;
  const title = `Map: ${flowTitle(s)}`;
  return { title, outcome: flow.outcome, nodes, sites, edges, notes };
}
