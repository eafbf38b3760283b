/**
 * Where names land and which server takes the next hop: host name -> front end (through the
 * topology's namespaces, per client location), the legacy CAS of a mailbox site, the local
 * Exchange 2013 Mailbox server, and the host a client uses when the scenario gives none.
 */
import { byName, externalUrl, hostOf, isClientAccess, isMailbox, isModern, type Model } from "./index.ts";
import type { ClientLocation, Protocol, Server, Version } from "../types.ts";
import { rank } from "../versions.ts";

/**
 * Where a name lands. `pool` is every client-access server behind it, newest version first, then by
 * name; `server` is the first of them, the one a flow shows (route.ts routes from every member and
 * says when the others answer differently, RT-POOL).
 */
export type Landing =
  | { ok: true; server: Server; pool: Server[] }
  /** `unknown`: the host is neither a namespace nor a server name/FQDN of the topology (DX-20). */
  | { ok: false; why: string; path: (string | number)[]; unknown?: true };

/** The order-free order of a load-balanced pool: newest Exchange version first, then by name. */
export const poolOrder = (a: Server, b: Server): number => rank(b.version) - rank(a.version) || byName(a, b);

const fqdnCache = new WeakMap<Model, Map<string, Server>>();

function byFqdn(m: Model): Map<string, Server> {
  let map = fqdnCache.get(m);
  if (!map) {
    map = new Map();
    for (const s of m.ordered) {
      map.set(s.name.toLowerCase(), s);
      if (s.fqdn) map.set(s.fqdn.toLowerCase(), s);
    }
    fqdnCache.set(m, map);
  }
  return map;
}

/** The server a client reaches when it uses `host` from inside or outside the network. */
export function resolveHost(m: Model, host: string, client: ClientLocation): Landing {
  const key = host.toLowerCase();
  const ns = m.namespaces.get(key);
  if (ns) {
    const path = ["topology", "namespaces", m.namespaceIndex.get(key) ?? 0];
    if (client === "external" && ns.external === false)
      return { ok: false, why: `${host} is not published to the Internet (namespace external: false)`, path: [...path, "external"] };
    if (client === "internal" && ns.internal === false)
      return { ok: false, why: `${host} does not resolve in internal DNS (namespace internal: false)`, path: [...path, "internal"] };
    const pool = ns.servers
      .map((n) => m.servers.get(n))
      .filter((s): s is Server => !!s && isClientAccess(s))
      .sort(poolOrder);
    const server = pool[0];
    if (!server) return { ok: false, why: `${host} lands on no client-access server`, path: [...path, "servers"] };
    return { ok: true, server, pool };
  }
  const server = byFqdn(m).get(key);
  if (server && client === "internal") return { ok: true, server, pool: [server] };
  if (server)
    return { ok: false, why: `${host} is a server's internal name, not a namespace published to the Internet`, path: ["scenario", "host"] };
  return { ok: false, why: `${host} is neither a namespace of the topology nor a server FQDN`, path: ["scenario", "host"], unknown: true };
}

/** One individual CAS of the mailbox's version in the mailbox's site (2013 HttpProxy picks a CAS itself, S20). */
export function legacyCas(m: Model, site: string, version: Version): Server | undefined {
  return (m.bySite.get(site) ?? []).find((s) => s.version === version && isClientAccess(s));
}

/** The "local" Exchange 2013 Mailbox server for EAS-3: in the front end's site, else any. */
export function mailbox2013(m: Model, site: string): Server | undefined {
  const is2013 = (s: Server) => s.version === 2013 && isMailbox(s);
  return (m.bySite.get(site) ?? []).find(is2013) ?? m.ordered.find(is2013);
}

/** The URL a client at `client` uses for `protocol` on `server`: its own side first, then the other. */
export function urlFor(m: Model, server: Server, protocol: Protocol, client: ClientLocation): string | undefined {
  const urls = server.urls?.[protocol];
  if (client === "external") return externalUrl(m, server, protocol);
  return urls?.internal ?? externalUrl(m, server, protocol);
}

const PATHS: Partial<Record<Protocol, string>> = {
  autodiscover: "/Autodiscover/Autodiscover.xml",
  "outlook-anywhere": "/rpc/rpcproxy.dll",
  "mapi-http": "/mapi",
  owa: "/owa",
  ecp: "/ecp",
  activesync: "/Microsoft-Server-ActiveSync",
  ews: "/EWS/Exchange.asmx",
  oab: "/OAB",
};

/** The standard URL of a protocol on a host ("host:995" style for POP3/IMAP4 over TLS). */
export function standardUrl(host: string, protocol: Protocol): string {
  if (protocol === "pop3") return `${host}:995`;
  if (protocol === "imap4") return `${host}:993`;
  if (protocol === "rpc-tcp") return host;
  return `https://${host}${PATHS[protocol] ?? ""}`;
}

/** The URL a proxying server uses to reach `server` inside the network. */
export function internalUrlFor(server: Server, protocol: Protocol): string {
  return server.urls?.[protocol]?.internal ?? standardUrl(server.fqdn ?? server.name, protocol);
}

const AUTODISCOVERED = new Set<Protocol>(["activesync", "ews", "oab", "outlook-anywhere", "mapi-http"]);

export interface DefaultHost {
  host: string;
  why: string;
}

/** Modern client-access servers, those in `site` first, by name. */
function modernFrontEnds(m: Model, site: string): Server[] {
  const all = m.ordered.filter((s) => isModern(s.version) && isClientAccess(s));
  return [...all.filter((s) => s.site === site), ...all.filter((s) => s.site !== site)];
}

/**
 * The host a client uses when the scenario names none: for Autodiscover, the SCP (internal, AD-4)
 * or autodiscover.<domain> (external, AD-5); otherwise the URL the Autodiscover answer hands this
 * user (the mailbox site's legacy CAS for 2007/2010 mailboxes, else a modern front end).
 */
export function defaultHost(m: Model, protocol: Protocol, client: ClientLocation, mbx: Server): DefaultHost | undefined {
  const fronts = modernFrontEnds(m, mbx.site);
  if (protocol === "autodiscover") {
    if (client === "internal") {
      const scp = [...fronts, ...m.ordered].find((s) => s.autodiscoverInternalUri);
      const host = hostOf(scp?.autodiscoverInternalUri);
      if (scp && host) return { host, why: `the Autodiscover SCP of ${scp.name} (AD-4)` };
    } else if (m.topology.domain) {
      for (const host of [`autodiscover.${m.topology.domain}`, m.topology.domain])
        if (m.namespaces.has(host.toLowerCase())) return { host, why: `the name an external client derives from the e-mail domain (AD-5)` };
    }
  }
  if (protocol === "outlook-anywhere") {
    const legacy = isModern(mbx.version) ? undefined : legacyCas(m, mbx.site, mbx.version);
    const oa = [legacy, ...fronts].find((s) => s?.outlookAnywhere?.externalHostname);
    const host =
      client === "internal" && oa?.outlookAnywhere?.internalHostname
        ? oa.outlookAnywhere.internalHostname
        : oa?.outlookAnywhere?.externalHostname;
    if (oa && host) return { host, why: `the Outlook Anywhere host of ${oa.name} that Autodiscover hands out` };
  }
  // Autodiscover hands out EAS, EWS, OAB and MAPI URLs; OWA, ECP, POP3 and IMAP4 names are typed by people.
  const handedOut = AUTODISCOVERED.has(protocol);
  // The OAB URL comes from the OAB's distribution points, not the mailbox site's CAS (OAB-1, OAB-2).
  const legacy = isModern(mbx.version) ? undefined : protocol === "oab" ? oabDistributor(m, mbx) : legacyCas(m, mbx.site, mbx.version);
  for (const s of handedOut ? [legacy, ...fronts] : [...fronts, legacy]) {
    if (!s) continue;
    const host = hostOf(urlFor(m, s, protocol, client));
    if (host && resolveHost(m, host, client).ok)
      return {
        host,
        why: handedOut
          ? `the ${protocol} URL of ${s.name} that Autodiscover hands this user`
          : `the published ${protocol} name of ${s.name}`,
      };
  }
  for (const s of fronts) {
    const host = hostOf(s.urls?.[protocol]?.external ?? s.urls?.[protocol]?.internal);
    if (host && resolveHost(m, host, client).ok) return { host, why: `the ${protocol} URL of ${s.name}` };
  }
  return undefined;
}

/**
 * The Mailbox server OAB downloads of 2013+ mailboxes are proxied to: the one holding the OAB
 * generation (organization) mailbox. Unset, exflow assumes the oldest-version 2013+ Mailbox
 * server (then by name): the arbitration mailbox starts on the first 2013+ server installed.
 */
export function oabGenerationServer(m: Model): { server: Server; assumed: boolean } | undefined {
  const named = m.topology.offlineAddressBook?.generationServer;
  const given = named ? m.servers.get(named) : undefined;
  if (given && isModern(given.version) && isMailbox(given)) return { server: given, assumed: false };
  const first = m.ordered
    .filter((s) => isModern(s.version) && isMailbox(s))
    .sort((a, b) => rank(a.version) - rank(b.version) || byName(a, b))[0];
  return first ? { server: first, assumed: true } : undefined;
}

/**
 * The CAS whose OAB virtual directory serves a 2007/2010 mailbox's OAB: one of
 * `offlineAddressBook.distribution` of the mailbox's version (the mailbox's site first, then by
 * name), else the CAS of that version in the mailbox's site.
 */
export function oabDistributor(m: Model, mbx: Server): Server | undefined {
  const listed = (m.topology.offlineAddressBook?.distribution ?? [])
    .map((n) => m.servers.get(n))
    .filter((s): s is Server => !!s && s.version === mbx.version && isClientAccess(s))
    .sort((a, b) => Number(b.site === mbx.site) - Number(a.site === mbx.site) || byName(a, b));
  return listed[0] ?? legacyCas(m, mbx.site, mbx.version);
}
