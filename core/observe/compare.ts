/**
 * One observed path against the design: `matches` when the logged front end is one the design
 * sends the client to (or a server behind the same name) and the logged back end is the server
 * the design proxies to from there; `differs` names the hop and what the design expected;
 * `unknown` when the log names a user, server or service the topology does not have.
 */
import type { Model } from "../model/index.ts";
import type { Server } from "../types.ts";
import type { Design } from "./design.ts";

export type Verdict = "matches" | "differs" | "unknown";

export interface Expected {
  frontEnd: string | null;
  target: string | null;
  /** Every server of the designed path, in order. */
  hops: string[];
  outcome: string;
}

export interface Judgement {
  verdict: Verdict;
  expected: Expected | null;
  /** Which hop differs from the design. */
  hop?: "frontEnd" | "target";
  reason: string;
}

/** Two servers the design treats alike: same site, version and roles (a back end in a pool of equals). */
function alike(a: Server | undefined, b: Server | undefined): boolean {
  return !!a && !!b && a.site === b.site && a.version === b.version && [...a.roles].sort().join() === [...b.roles].sort().join();
}

export function judge(m: Model, d: Design, frontEnd: string, target: string | null, statuses: Map<string, number>): Judgement {
  const entry = d.entries.find((e) => e === frontEnd) ?? d.entries.find((e) => d.pools.get(e)?.includes(frontEnd));
  const first = d.entries[0] ?? null;
  const want = (e: string | null) => (e ? (d.next.get(e) ?? e) : null);
  const expected: Expected = { frontEnd: entry ?? first, target: want(entry ?? first), hops: d.hops, outcome: d.outcome };
  if (d.outcome === "n/a") return { verdict: "differs", expected, hop: "frontEnd", reason: "the design offers no such flow for this user" };
  if (!first)
    return { verdict: "differs", expected, hop: "frontEnd", reason: `the design reaches no server: ${d.failure || "the flow fails"}` };
  if (!entry) {
    const where = d.hops.includes(frontEnd) ? "is on the designed path, but not where clients connect" : "is not on the designed path";
    return { verdict: "differs", expected, hop: "frontEnd", reason: `front end ${frontEnd} ${where}; the design connects to ${first}` };
  }
  const wanted = want(entry)!;
  const expectedHere: Expected = { ...expected, frontEnd: entry, target: wanted };
  const failing = d.failure ? ` (the design fails further on: ${d.failure})` : "";
  if (target === null) {
    const ok2xx = [...statuses.keys()].some((s) => s.startsWith("2"));
    if (d.redirects.has(entry) || wanted === frontEnd || !ok2xx)
      return { verdict: "matches", expected: expectedHere, reason: `answered by the front end without a back end${failing}` };
    return {
      verdict: "differs",
      expected: expectedHere,
      hop: "target",
      reason: `${frontEnd} answered itself; the design proxies to ${wanted}`,
    };
  }
  if (target === expectedHere.target) return { verdict: "matches", expected: expectedHere, reason: `as designed${failing}` };
  if (alike(m.servers.get(target), m.servers.get(expectedHere.target!)))
    return {
      verdict: "matches",
      expected: expectedHere,
      reason: `${target} stands in for ${expectedHere.target} (same site, version and roles)${failing}`,
    };
  return {
    verdict: "differs",
    expected: expectedHere,
    hop: "target",
    reason: `back end ${target}; the design proxies ${frontEnd} to ${expectedHere.target}`,
  };
}
