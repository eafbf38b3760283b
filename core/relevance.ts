/**
 * Which topology-wide diagnostics concern one flow: those that break its protocol (and client
 * location) and point at something the flow touches: its user, a server it passes, the mailbox
 * site, or a name it uses. diagnose() runs once per model, not once per flow.
 */
import type { Ctx } from "./conditions.ts";
import type { Model } from "./model.ts";
import type { Diagnostic, Participant } from "./types.ts";

const cache = new WeakMap<Model, Diagnostic[]>();

/** Set by core/index.ts so that routing does not import the diagnostics module's weight when unused. */
let diagnoseFn: ((m: Model) => Diagnostic[]) | undefined;
export function useDiagnose(fn: (m: Model) => Diagnostic[]): void {
  diagnoseFn = fn;
}

function all(m: Model): Diagnostic[] {
  let list = cache.get(m);
  if (!list) {
    list = diagnoseFn ? diagnoseFn(m) : [];
    cache.set(m, list);
  }
  return list;
}

function touches(m: Model, d: Diagnostic, c: Ctx, servers: Set<string>, sites: Set<string>, hosts: Set<string>): boolean {
  const [root, kind, index] = d.path;
  if (root !== "topology" || typeof index !== "number") return true;
  const list = m.topology[kind as "servers" | "users" | "sites" | "namespaces"];
  const item = Array.isArray(list) ? list[index] : undefined;
  if (!item) return true;
  if (kind === "servers") return servers.has((item as { name: string }).name) || sites.has((item as { site: string }).site);
  if (kind === "users") return (item as { name: string }).name === c.user.name;
  if (kind === "sites") return sites.has((item as { name: string }).name);
  if (kind === "namespaces") return hosts.has((item as { host: string }).host.toLowerCase());
  return true;
}

export function relevantDiagnostics(m: Model, c: Ctx, participants: Participant[]): Diagnostic[] {
  const servers = new Set(participants.flatMap((p) => (p.server ? [p.server] : [])));
  const sites = new Set([c.mbx.site, ...participants.flatMap((p) => (p.site ? [p.site] : []))]);
  const hosts = new Set(participants.flatMap((p) => p.names ?? []).map((h) => h.toLowerCase()));
  if (c.host) hosts.add(c.host.toLowerCase());
  const key = `${c.protocol}:${c.client}`;
  return all(m).filter((d) => (d.breaks.includes(c.protocol) || d.breaks.includes(key)) && touches(m, d, c, servers, sites, hosts));
}
