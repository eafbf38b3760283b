/**
 * The designed flows behind a report's judged paths, each with its observed overlay, for the
 * CLI's pictures: one flow per (user, protocol, client location, host), routed by the core.
 */
import { buildModel } from "../model/index.ts";
import type { Flow, Protocol, Topology } from "../types.ts";
import { PROTOCOLS } from "../types.ts";
import { namesOf } from "./names.ts";
import { type FlowOverlay, overlayFor } from "./overlay.ts";
import type { ObservedPath } from "./report.ts";
import { designedFlow } from "./routed.ts";

export interface ObservedFlow {
  flow: Flow;
  overlay: FlowOverlay;
  paths: ObservedPath[];
  differs: boolean;
}

/** The designed flows behind the report's judged paths, each with its overlay; flows with differing paths first. */
export function observedFlows(topology: Topology, paths: ObservedPath[]): ObservedFlow[] {
  const m = buildModel(topology);
  const names = namesOf(m);
  const groups = new Map<string, ObservedPath[]>();
  for (const p of paths) {
    if (p.verdict === "unknown" || !(PROTOCOLS as readonly string[]).includes(p.protocol)) continue;
    const key = [p.user, p.protocol, p.client, p.host ?? ""].join("\u001f");
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  const out: ObservedFlow[] = [];
  for (const list of groups.values()) {
    const p = list[0]!;
    const flow = designedFlow(m, names, { user: p.user, protocol: p.protocol as Protocol, client: p.client, host: p.host });
    out.push({ flow, overlay: overlayFor(flow, list), paths: list, differs: list.some((x) => x.verdict === "differs") });
  }
  return out.sort((a, b) => Number(b.differs) - Number(a.differs));
}
