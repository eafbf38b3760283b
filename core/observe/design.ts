/**
 * What the design says a request crosses, read from the routed flow: the servers a client
 * connects to (front ends, each with the servers behind the same name, which a load balancer may
 * pick instead), and for each the server it proxies to, or itself when it answers.
 */
import type { Model } from "../model/index.ts";
import { resolveHost } from "../model/resolve.ts";
import { hostOf } from "../model/index.ts";
import type { Flow, Outcome } from "../types.ts";

export interface Design {
  outcome: Outcome;
  /** Servers the client connects to, in step order. */
  entries: string[];
  /** Entry -> servers a load balancer may send the same name to (the entry included). */
  pools: Map<string, string[]>;
  /** Server -> the server it proxies to (first proxy hop from it). */
  next: Map<string, string>;
  /** Entries that answer with a redirect (302, 451) to the client. */
  redirects: Set<string>;
  /** Every server on the path, in order of appearance. */
  hops: string[];
  /** Why the design has no working path (failing flows), else "". */
  failure: string;
}

export function designOf(m: Model, flow: Flow): Design {
  const servers = new Set(flow.participants.filter((p) => p.kind === "server").map((p) => p.id));
  const d: Design = {
    outcome: flow.outcome,
    entries: [],
    pools: new Map(),
    next: new Map(),
    redirects: new Set(),
    hops: [],
    failure: flow.outcome === "fail" ? (flow.diagnostics.find((x) => x.severity === "error")?.message ?? "the flow fails") : "",
  };
  const hop = (s: string) => {
    if (!d.hops.includes(s)) d.hops.push(s);
  };
  for (const s of flow.steps) {
    const fromServer = servers.has(s.from);
    const toServer = servers.has(s.to);
    if (s.from === "client" && toServer && (s.kind === "connect" || s.kind === "autodiscover")) {
      hop(s.to);
      if (!d.entries.includes(s.to)) d.entries.push(s.to);
      const host = hostOf(s.url);
      const landing = host ? resolveHost(m, host, flow.scenario.client) : undefined;
      const pool = landing?.ok ? landing.pool.map((x) => x.name) : [];
      d.pools.set(s.to, [...new Set([s.to, ...pool])]);
    } else if (fromServer && toServer && s.kind === "proxy") {
      hop(s.from);
      hop(s.to);
      if (!d.next.has(s.from)) d.next.set(s.from, s.to);
    } else if (fromServer && s.to === "client" && (s.kind === "redirect" || s.referral)) d.redirects.add(s.from);
  }
  return d;
}
