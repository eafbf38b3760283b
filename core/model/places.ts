/**
 * Where hybrid requests land on-premises: the hybrid servers, the published names Exchange Online
 * calls (EWS, Autodiscover, the migration endpoint), and the front end behind a name. Choices
 * among equals are made by server name, never by input order, so a reordered topology draws the
 * same flow (P3); the flow says which server it drew.
 */
import { hostOf, isClientAccess, isMailbox, isModern, type Model } from "./index.ts";
import { poolOrder, resolveHost } from "./resolve.ts";
import type { ClientLocation, Namespace, Protocol, Server } from "../types.ts";

const byName = (a: Server, b: Server): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** The servers HCW configured, else every modern client-access server; by name. */
export function hybridServers(m: Model): Server[] {
  const named = m.topology.hybrid?.hybridServers;
  const list = named
    ? named.flatMap((n) => m.servers.get(n) ?? [])
    : m.topology.servers.filter((s) => isModern(s.version) && isClientAccess(s));
  return [...list].sort(byName);
}

/** The published host of `protocol` on the hybrid servers (ExternalUrl that is a namespace). */
export function publishedHost(m: Model, protocol: Protocol): string | undefined {
  for (const s of hybridServers(m)) {
    const h = hostOf(s.urls?.[protocol]?.external);
    if (h && m.namespaces.has(h)) return h;
  }
  return undefined;
}

/** The migration endpoint's on-premises name (classic); undefined when it is the Hybrid Agent's. */
export function migrationHost(m: Model): string | undefined {
  const h = m.topology.hybrid;
  if (!h) return undefined;
  const ep = h.migrationEndpoint?.toLowerCase();
  if (ep && ep === h.hybridAgent?.url.toLowerCase()) return undefined;
  return ep ?? publishedHost(m, "ews");
}

/** The host a client uses for `protocol` on-premises: its own side's URL on a hybrid server (or any modern front end). */
export function clientHost(m: Model, protocol: Protocol, client: ClientLocation, near?: Server): string | undefined {
  if (protocol === "autodiscover") {
    if (client === "internal") {
      const scp = hybridServers(m).find((s) => s.autodiscoverInternalUri);
      const h = hostOf(scp?.autodiscoverInternalUri);
      if (h && resolveHost(m, h, client).ok) return h;
    }
    const d = m.topology.domain;
    if (d && m.namespaces.has(`autodiscover.${d}`.toLowerCase())) return `autodiscover.${d}`.toLowerCase();
  }
  const fronts = [...m.topology.servers.filter((s) => isModern(s.version) && isClientAccess(s))].sort(byName);
  const ordered = near ? [...fronts.filter((s) => s.site === near.site), ...fronts.filter((s) => s.site !== near.site)] : fronts;
  for (const s of ordered) {
    const urls = s.urls?.[protocol];
    const h = hostOf(client === "external" ? urls?.external : (urls?.internal ?? urls?.external));
    if (h && resolveHost(m, h, client).ok) return h;
  }
  return undefined;
}

export interface Door {
  host: string;
  ns?: Namespace;
  nsIndex?: number;
  /** The front end drawn: the first of the pool in the engine's order-free order (newest version, then name). */
  fe: Server;
  /** Other servers behind the name (said in a note: any of them would answer alike). */
  others: Server[];
}

/** The front end a name lands on: the pool's first in poolOrder, as the on-premises engine draws it. */
export function door(m: Model, host: string, client: ClientLocation | "internet"): Door | undefined {
  const key = host.toLowerCase();
  const ns = m.namespaces.get(key);
  if (ns) {
    if (client !== "internal" && ns.external === false) return undefined;
    if (client === "internal" && ns.internal === false) return undefined;
    const servers = ns.servers
      .flatMap((n) => m.servers.get(n) ?? [])
      .filter(isClientAccess)
      .sort(poolOrder);
    const fe = servers[0];
    return fe ? { host: key, ns, nsIndex: m.namespaceIndex.get(key) ?? 0, fe, others: servers.slice(1) } : undefined;
  }
  const landing = resolveHost(m, host, client === "internet" ? "external" : client);
  return landing.ok ? { host: key, fe: landing.server, others: [] } : undefined;
}

/**
 * The Mailbox server that builds an answer for a user without an on-premises mailbox: Exchange
 * picks one (the reference draws EX1 -> EX2, an inference); the engine draws the first other
 * modern Mailbox server in the front end's site by name, else the front end itself.
 */
export function anyMailbox(m: Model, fe: Server): Server {
  const others = [...(m.bySite.get(fe.site) ?? [])].filter((s) => s !== fe && isMailbox(s) && isModern(s.version)).sort(byName);
  return others[0] ?? fe;
}
