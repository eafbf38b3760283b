/**
 * What changed between two versions of a topology, flow by flow: every user x protocol x client
 * location routed in both (one Model each), keyed by user, protocol and client. A flow is
 * `outcome` changed when its outcome differs, `path` changed when the outcome is the same but the
 * numbered hops differ (who talks to whom, how, at which URL or host); users only in one version
 * are `added` / `removed`. Unchanged flows are only counted. In: two validated Topologies.
 * Out: plain JSON, in the order of the newer topology's users (removed users last). Both versions
 * are routed under one profile (the one asked for, else the newer version's own, else the
 * default: profileFor in core/defaults.ts), so only the topology's changes show.
 *
 * @example diffTopologies(v3, v4).summary.changed
 */
import { notApplicable } from "./index.ts";
import { profileFor } from "../defaults.ts";
import { buildModel, type Model } from "../model/index.ts";
import { route } from "../route/index.ts";
import { CLIENTS, PROTOCOLS, type ClientLocation, type Profile, type Protocol, type Topology } from "../types.ts";

export interface FlowState {
  outcome: string;
  /** Host name the client used; null for RPC/TCP and n/a. */
  host: string | null;
  /** Numbered hops as `from → to: kind url`. */
  hops: string[];
}

export type ChangeKind = "outcome" | "path" | "added" | "removed";

export interface FlowChange {
  user: string;
  protocol: Protocol;
  client: ClientLocation;
  change: ChangeKind;
  before: FlowState | null;
  after: FlowState | null;
}

export interface TopologyDiff {
  profile: Profile;
  changes: FlowChange[];
  summary: { flows: number; changed: number; unchanged: number; byChange: Record<ChangeKind, number> };
}

function flowState(model: Model, user: string, protocol: Protocol, client: ClientLocation, profile: Profile): FlowState {
  const u = model.users.get(user);
  const mbx = u?.mailbox !== undefined ? model.servers.get(u.mailbox) : undefined;
  if (mbx && notApplicable(mbx, protocol, client)) return { outcome: "n/a", host: null, hops: [] };
  const flow = route(model, { user, protocol, client, profile });
  const hops = flow.steps.filter((s) => s.n !== null).map((s) => `${s.from} → ${s.to}: ${s.kind}${s.url ? ` ${s.url}` : ""}`);
  return { outcome: flow.outcome, host: flow.scenario.host, hops };
}

const sameHops = (a: FlowState, b: FlowState): boolean => a.hops.length === b.hops.length && a.hops.every((h, i) => h === b.hops[i]);

export function diffTopologies(before: Topology, after: Topology, asked?: Profile): TopologyDiff {
  const profile = profileFor(after, asked);
  const mb = buildModel(before);
  const ma = buildModel(after);
  const changes: FlowChange[] = [];
  const byChange: Record<ChangeKind, number> = { outcome: 0, path: 0, added: 0, removed: 0 };
  let flows = 0;
  const users = [...after.users.map((u) => u.name), ...before.users.map((u) => u.name).filter((n) => !ma.users.has(n))];
  for (const user of users) {
    for (const protocol of PROTOCOLS) {
      for (const client of CLIENTS) {
        flows++;
        const b = mb.users.has(user) ? flowState(mb, user, protocol, client, profile) : null;
        const a = ma.users.has(user) ? flowState(ma, user, protocol, client, profile) : null;
        const change: ChangeKind | null = !b
          ? "added"
          : !a
            ? "removed"
            : a.outcome !== b.outcome
              ? "outcome"
              : sameHops(a, b) && a.host === b.host
                ? null
                : "path";
        if (!change) continue;
        byChange[change]++;
        changes.push({ user, protocol, client, change, before: b, after: a });
      }
    }
  }
  return { profile, changes, summary: { flows, changed: changes.length, unchanged: flows - changes.length, byChange } };
}
