/**
 * DNS and certificate names a topology needs (S4, S14, S16 in core/route/sources.ts). In: Model.
 * Out: one entry per host name (where it lands, internal/external DNS, which certificate must
 * carry it, which protocols use it and why, and how the input falls short), the certificates
 * grouped by the servers that present them, and names that are missing altogether.
 * DX-02, DX-03 and DX-13 read the same `gaps` and `kind`, so names and diagnostics agree.
 */
import { isClientAccess, isModern } from "../model/index.ts";
import type { Model } from "../model/index.ts";
import { PROTOCOLS } from "../types.ts";
import type { ClientLocation, Protocol, Server } from "../types.ts";
import { factsOf, landing, list, servedMailboxes, serverPath, urlHost } from "./facts.ts";
import type { Path } from "./facts.ts";

/** primary/regional: lands on a 2013+ front end; legacy: on a 2007/2010 CAS next to one; regional also for legacy-only sites. */
export type NameKind = "primary" | "regional" | "legacy" | "autodiscover" | "internal" | "server";
/** public: external clients use it (public CA); internal: internal clients only (internal CA is enough); none: RPC/TCP only. */
export type CertificateNeed = "public" | "internal" | "none";
export type NameGap = "undeclared" | "not-internal" | "not-external" | "not-on-certificate";

export interface NameUse {
  protocol: Protocol;
  client: ClientLocation;
  /** Input path of the setting that names the host. */
  path: Path;
}

export interface RequiredName {
  host: string;
  kind: NameKind;
  /** Servers the name lands on (namespace servers, else the server with that FQDN or the one whose setting names it). */
  servers: string[];
  /** Index in topology.namespaces, null when the name is not declared. */
  namespace: number | null;
  internalDns: boolean;
  externalDns: boolean;
  certificate: CertificateNeed;
  /** "owa:external" style, in PROTOCOLS order. */
  uses: string[];
  reasons: string[];
  gaps: NameGap[];
  /** Where each use comes from (first use first); DX paths point here. */
  sources: NameUse[];
}

export interface CertificatePlan {
  servers: string[];
  /** Names external clients use: need a publicly trusted certificate. */
  names: string[];
  /** Names only internal clients use (an internal CA will do). */
  internalNames: string[];
}

export interface RequiredNames {
  names: RequiredName[];
  certificates: CertificatePlan[];
  /** Plain-English names the topology needs but does not have at all (DX-02 reports the same). */
  missing: string[];
}

/** Every host a setting names, with its uses, in input order (namespaces first). */
export function nameUsage(m: Model): Map<string, NameUse[]> {
  const uses = new Map<string, NameUse[]>();
  for (const ns of m.topology.namespaces) uses.set(ns.host.toLowerCase(), []);
  const add = (value: string | undefined, protocol: Protocol, client: ClientLocation, path: Path) => {
    const host = urlHost(value);
    if (host) uses.set(host, [...(uses.get(host) ?? []), { protocol, client, path }]);
  };
  for (const s of m.topology.servers) {
    for (const p of PROTOCOLS) {
      add(s.urls?.[p]?.internal, p, "internal", serverPath(m, s, "urls", p, "internal"));
      add(s.urls?.[p]?.external, p, "external", serverPath(m, s, "urls", p, "external"));
    }
    const oa = s.outlookAnywhere;
    if (oa && oa.enabled !== false) {
      add(oa.externalHostname, "outlook-anywhere", "external", serverPath(m, s, "outlookAnywhere", "externalHostname"));
      add(oa.internalHostname, "outlook-anywhere", "internal", serverPath(m, s, "outlookAnywhere", "internalHostname"));
    }
    add(s.autodiscoverInternalUri, "autodiscover", "internal", serverPath(m, s, "autodiscoverInternalUri"));
    add(s.rpcClientAccessServer, "rpc-tcp", "internal", serverPath(m, s, "rpcClientAccessServer"));
  }
  // AD-5: external and non-domain-joined clients derive autodiscover.<domain>.
  if (m.topology.domain) add(`autodiscover.${m.topology.domain}`, "autodiscover", "external", ["topology", "domain"]);
  return uses;
}

const useKey = (u: NameUse) => `${u.protocol}:${u.client}`;
const order = (k: string) => PROTOCOLS.indexOf(k.split(":")[0] as Protocol) * 2 + (k.endsWith(":external") ? 1 : 0);

/** Where a host lands; for an undeclared name that is no server FQDN, the servers whose settings name it. */
function serversFor(m: Model, host: string, sources: NameUse[]): Server[] {
  const l = landing(m, host);
  if (l.length > 0) return l;
  const owners = new Set(sources.map((u) => u.path[2]));
  return m.topology.servers.filter((_, i) => owners.has(i));
}

function classify(m: Model, host: string, servers: Server[], uses: string[]): NameKind {
  const domain = m.topology.domain?.toLowerCase();
  if (host === `autodiscover.${domain}` || (uses.length > 0 && uses.every((u) => u.startsWith("autodiscover:")))) return "autodiscover";
  if (!m.namespaces.has(host) && servers.some((s) => s.fqdn?.toLowerCase() === host)) return "server";
  if (!uses.some((u) => u.endsWith(":external"))) return "internal";
  const modern = servers.filter((s) => isModern(s.version) && isClientAccess(s));
  if (modern.length > 0) return modern.some((s) => s.site === primarySite(m)) ? "primary" : "regional";
  const modernSites = new Set(m.topology.servers.filter((s) => isModern(s.version) && isClientAccess(s)).map((s) => s.site));
  return servers.some((s) => modernSites.has(s.site)) ? "legacy" : "regional";
}

const primarySites = new WeakMap<Model, { site: string | undefined }>();

/**
 * The site of the first declared namespace that lands on a 2013+ front end; once per model
 * (it scans every namespace, and every name asks).
 */
function primarySite(m: Model): string | undefined {
  let memo = primarySites.get(m);
  if (!memo) {
    memo = { site: undefined };
    for (const ns of m.topology.namespaces) {
      const s = landing(m, ns.host).find((x) => isModern(x.version) && isClientAccess(x));
      if (s) {
        memo.site = s.site;
        break;
      }
    }
    primarySites.set(m, memo);
  }
  return memo.site;
}

const REASON: Record<NameKind, string> = {
  primary: "primary name: clients of every version reach the front end of Exchange 2013 or later through it",
  regional: "regional name: clients of that site's mailboxes are sent straight to its own Internet-facing servers",
  legacy:
    "legacy name: Exchange 2013 or later cannot proxy OWA (redirect) or serve EWS/OAB for Exchange " +
    "2007 mailboxes, so clients go to the 2007 CAS directly",
  autodiscover: "Autodiscover: Outlook and devices find their settings here (SCP internally, autodiscover.<domain> externally)",
  internal: "internal only: used by internal clients or server-to-server proxying",
  server: "server FQDN: internal URLs and CAS-to-CAS proxying; need not be on a public certificate (S14)",
};

function describe(m: Model, host: string, sources: NameUse[]): RequiredName {
  const uses = [...new Set(sources.map(useKey))].sort((a, b) => order(a) - order(b));
  const servers = serversFor(m, host, sources);
  const kind = classify(m, host, servers, uses);
  const tls = uses.filter((u) => !u.startsWith("rpc-tcp:"));
  const externalDns = uses.some((u) => u.endsWith(":external"));
  const internalDns = uses.some((u) => u.endsWith(":internal"));
  const certificate: CertificateNeed = tls.length === 0 ? "none" : tls.some((u) => u.endsWith(":external")) ? "public" : "internal";
  const ns = m.namespaces.get(host);
  const reasons = [REASON[kind]];
  if (uses.length === 0) reasons.push("declared, but no URL, Outlook Anywhere host or SCP names it");
  if ((kind === "legacy" || kind === "regional") && servers.every((s) => !isModern(s.version))) {
    const f = factsOf(m);
    const mbx = [...new Set(servers.flatMap((s) => servedMailboxes(f, s)))];
    if (mbx.length > 0) reasons.push(`needed by mailboxes on ${list(mbx)}`);
  }
  if (kind === "legacy" && servers.every((s) => s.version === 2010)) {
    reasons.push(
      "Exchange 2010 with 2013/2016 needs no legacy name (S16): point the CAS2010 ExternalUrls at the primary name and this name can go",
    );
  }
  if (certificate === "none" && uses.length > 0) reasons.push("RPC/TCP only: no certificate involved");
  const gaps: NameGap[] = [];
  if (!ns && (externalDns || kind !== "server")) gaps.push("undeclared");
  if (ns && internalDns && ns.internal === false) gaps.push("not-internal");
  if (ns && externalDns && ns.external === false) gaps.push("not-external");
  if (ns && certificate !== "none" && ns.certificate === false) gaps.push("not-on-certificate");
  return {
    host,
    kind,
    servers: servers.map((s) => s.name),
    namespace: m.namespaceIndex.get(host) ?? null,
    internalDns,
    externalDns,
    certificate,
    uses,
    reasons,
    gaps,
    sources,
  };
}

/** Names that should exist but do not: today only the 2007 legacy name (S5, S13). */
export function missingNames(m: Model): string[] {
  const servers = m.topology.servers;
  const has2007Mailbox = servers.some((s) => s.version === 2007 && s.roles.includes("mailbox"));
  if (!has2007Mailbox || !servers.some((s) => isModern(s.version) && isClientAccess(s))) return [];
  const published = m.topology.namespaces.some(
    (ns) => ns.external !== false && landing(m, ns.host).some((s) => s.version === 2007 && s.roles.includes("cas")),
  );
  if (published) return [];
  const suggestion = m.topology.domain ? `legacy.${m.topology.domain}` : "legacy.<domain>";
  return [
    [
      `a legacy name (e.g. ${suggestion}) published externally and landing on an Exchange 2007 CAS: OWA`,
      "redirects, EWS and OAB for 2007 mailboxes need it",
    ].join(" "),
  ];
}

export function requiredNames(m: Model): RequiredNames {
  const names = [...nameUsage(m)].map(([host, sources]) => describe(m, host, sources));
  const perServer = new Map<string, { names: string[]; internalNames: string[] }>();
  for (const n of names) {
    if (n.certificate === "none" || n.uses.length === 0) continue;
    for (const s of n.servers) {
      const plan = perServer.get(s) ?? { names: [], internalNames: [] };
      (n.certificate === "public" ? plan.names : plan.internalNames).push(n.host);
      perServer.set(s, plan);
    }
  }
  // One certificate per distinct set of names, presented by every server that needs exactly that set.
  // Keyed by the two name lists (a Map, not a scan of the certificates so far: one per server when every server has its own names).
  const certificates: CertificatePlan[] = [];
  const bySet = new Map<string, CertificatePlan>();
  for (const s of m.topology.servers) {
    const plan = perServer.get(s.name);
    if (!plan) continue;
    const key = JSON.stringify([plan.names.join(), plan.internalNames.join()]);
    const same = bySet.get(key);
    if (same) same.servers.push(s.name);
    else {
      const c = { servers: [s.name], ...plan };
      certificates.push(c);
      bySet.set(key, c);
    }
  }
  return { names, certificates, missing: missingNames(m) };
}
