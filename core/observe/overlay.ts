/**
 * The observed counts on the designed flow, for the pictures: for each step of the flow, how many
 * logged requests crossed that hop as designed and which went elsewhere instead. One designed flow
 * per (user, protocol, client location, host) among the report's judged paths.
 */
import { buildModel } from "../model/index.ts";
import type { Flow, Protocol, Topology } from "../types.ts";
import { PROTOCOLS } from "../types.ts";
import { designedFlow } from "./design.ts";
import type { ObservedPath } from "./index.ts";
import { namesOf } from "./names.ts";

export interface StepObservation {
  /** Requests the logs show on this hop. */
  count: number;
  /** What the logs show instead of this hop ("HQ-EX2013 x2"), when some requests went elsewhere. */
  instead?: string;
}

export interface FlowOverlay {
  /** Per step of the flow (same index), or null for steps the logs cannot see. */
  steps: (StepObservation | null)[];
  /** One line each: the totals and status codes, for a note on the picture. */
  lines: string[];
}

export interface ObservedFlow {
  flow: Flow;
  overlay: FlowOverlay;
  paths: ObservedPath[];
  differs: boolean;
}

const times = (n: number) => `x${n}`;

export function overlayFor(flow: Flow, paths: ObservedPath[]): FlowOverlay {
  const steps: (StepObservation | null)[] = flow.steps.map(() => null);
  const servers = new Set(flow.participants.filter((p) => p.kind === "server").map((p) => p.id));
  flow.steps.forEach((s, i) => {
    if (s.from === "client" && (s.kind === "connect" || s.kind === "autodiscover") && servers.has(s.to)) {
      const here = paths.filter((p) => p.expected?.frontEnd === s.to && p.hop !== "frontEnd");
      const away = paths.filter((p) => p.hop === "frontEnd");
      steps[i] = observation(here, away, (p) => p.frontEnd);
    } else if (s.kind === "proxy" && servers.has(s.from) && servers.has(s.to)) {
      const from = paths.filter((p) => p.expected?.frontEnd === s.from && p.expected.target === s.to && p.hop !== "frontEnd");
      const here = from.filter((p) => p.verdict === "matches" && p.target !== null);
      const away = from.filter((p) => p.hop === "target");
      steps[i] = observation(here, away, (p) => p.target ?? `${p.frontEnd} itself`);
    }
  });
  const total = paths.reduce((n, p) => n + p.count, 0);
  const differ = paths.filter((p) => p.verdict === "differs").reduce((n, p) => n + p.count, 0);
  const statuses = new Map<string, number>();
  for (const p of paths) for (const [k, n] of Object.entries(p.statuses)) statuses.set(k, (statuses.get(k) ?? 0) + n);
  const lines = [
    `Observed: ${total} request${total === 1 ? "" : "s"}, ${total - differ} as designed, ${differ} elsewhere`,
    `HTTP status: ${[...statuses]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, n]) => `${k} ${times(n)}`)
      .join(", ")}`,
  ];
  return { steps, lines };
}

function observation(here: ObservedPath[], away: ObservedPath[], where: (p: ObservedPath) => string): StepObservation {
  const count = here.reduce((n, p) => n + p.count, 0);
  if (away.length === 0) return { count };
  const by = new Map<string, number>();
  for (const p of away) by.set(where(p), (by.get(where(p)) ?? 0) + p.count);
  const instead = [...by].map(([s, n]) => `${s} ${times(n)}`).join(", ");
  return { count, instead };
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
    const flow = designedFlow(m, names, p.user, p.protocol as Protocol, p.client, p.host);
    out.push({ flow, overlay: overlayFor(flow, list), paths: list, differs: list.some((x) => x.verdict === "differs") });
  }
  return out.sort((a, b) => Number(b.differs) - Number(a.differs));
}
