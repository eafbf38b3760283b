/**
 * The observed counts on the designed flow, for the pictures: for each step of the flow, how many
 * logged requests crossed that hop as designed and which went elsewhere instead. One designed flow
 * per (user, protocol, client location, host) among the report's judged paths.
 */
import type { Flow } from "../types.ts";
import type { ObservedPath } from "./report.ts";

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
