/**
 * P1, a flow that cannot work fails where it breaks: an error diagnostic whose `breaks` covers the
 * flow cuts it at the hop into what the diagnostic's input path names (a server, a namespace's
 * name, a site), marks that hop failing and drops what would have followed. An error whose server
 * or name the flow never reaches, or whose decision row did not fire for it, does not break this
 * flow: it stays in the audit's topology-wide list and is not attached here.
 */
import { hostOf, type Model } from "../model/index.ts";
import { RULES } from "./rules.ts";
import type { Hop, Trail } from "./trail.ts";
import type { Diagnostic } from "../types.ts";

/** Index of the hop where a diagnostic's input path enters the flow, or -1. */
function hopOf(m: Model, hops: Hop[], d: Diagnostic, user: string): number {
  const [root, list, i] = d.path;
  if (root !== "topology" || typeof i !== "number") return -1;
  if (list === "servers") {
    const name = m.topology.servers[i]?.name;
    // An ExternalUrl matters to clients only: servers proxy to each other by internal URLs.
    const clientsOnly = d.path.includes("urls") && d.path.includes("external");
    return hops.findIndex((h) => h.to === name && (!clientsOnly || h.from === "client"));
  }
  if (list === "namespaces") {
    const host = m.topology.namespaces[i]?.host.toLowerCase();
    return hops.findIndex((h) => h.from === "client" && hostOf(h.url) === host);
  }
  if (list === "sites") {
    const site = m.topology.sites[i]?.name;
    return hops.findIndex((h) => m.servers.get(h.to)?.site === site);
  }
  // A user's own setting breaks the answer that user gets.
  if (list === "users" && m.topology.users[i]?.name === user) return hops.findLastIndex((h) => h.to === "client");
  return -1;
}

/**
 * Codes a decision row decides (its `fails.code`): the row's condition is the precise test for this
 * flow, the topology-wide check only its summary. When the row did not fail the flow, the code does
 * not break it (e.g. DX-15's ECP loop needs a cross-site request; ECP-4 checks exactly that).
 */
const DECIDED_BY_ROWS = new Set<string>(RULES.flatMap((r) => (r.fails ? [r.fails.code] : [])));

const covers = (d: Diagnostic, tag: string, protocol: string) => d.breaks.includes(tag) || d.breaks.includes(protocol);

/** Cut the trail at the first hop an error diagnostic breaks; returns the diagnostics this flow keeps. */
export function applyBreaks(t: Trail, user: string, diagnostics: Diagnostic[]): Diagnostic[] {
  const tag = `${t.protocol}:${t.client}`;
  const errors = diagnostics.filter((d) => d.severity === "error" && covers(d, tag, t.protocol));
  if (errors.length === 0) return diagnostics;
  // Errors the flow already failed with (from its action) stay; the others must name a hop.
  const own = new Set(t.diagnostics.filter((d) => d.severity === "error").map((d) => d.code));
  const located = errors
    .filter((d) => !own.has(d.code))
    .map((d) => ({ d, at: DECIDED_BY_ROWS.has(d.code) ? -1 : hopOf(t.m, t.hops, d, user) }));
  const unreached = new Set(located.filter((x) => x.at < 0).map((x) => x.d));
  const kept = diagnostics.filter((d) => !unreached.has(d));
  if (t.outcome === "fail") return kept;
  const first = located.filter((x) => x.at >= 0).sort((a, b) => a.at - b.at)[0];
  if (!first) return kept;
  t.hops.length = first.at + 1;
  const hop = t.hops[first.at] as Hop;
  hop.fails = true;
  hop.numbered = true;
  hop.text = `${hop.text} This fails (${first.d.code}): ${first.d.message}`;
  t.outcome = "fail";
  return kept;
}
