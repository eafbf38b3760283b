/**
 * Facts the DX checks share, computed once per model: which versions and client-access servers
 * exist, where mailboxes live, where a host name lands. In: Model. Out: plain lookups.
 * Also the Diagnostic-with-scope shape every check returns, and input-path helpers.
 */
import { hostOf, isClientAccess, isMailbox, isModern } from "../model/index.ts";
import type { Model } from "../model/index.ts";
import {
  type Diagnostic,
  type DiagnosticCode,
  type Path,
  type Server,
  type Severity,
  type User,
  VERSIONS,
  type Version,
} from "../types.ts";

/**
 * Which users a diagnostic concerns. A flow matches when its user is listed or its user's mailbox
 * server is listed; no scope means every user. Kept next to `breaks` so route() can attach a
 * diagnostic only to the flows it really affects (proposed as an optional field on Diagnostic).
 */
export interface DiagnosticScope {
  mailboxes?: string[];
  users?: string[];
}

export type ScopedDiagnostic = Diagnostic & { scope?: DiagnosticScope };

export type { Path };

export interface Facts {
  model: Model;
  /** Client-access servers of 2013 and later (the front ends that proxy to legacy). */
  modernFE: Server[];
  /** 2007/2010 servers with the CAS role, in input order. */
  legacyCas: Server[];
  /** Mailbox servers, in input order. */
  mailboxServers: Server[];
  versions: Set<Version>;
  hasModern: boolean;
  hasLegacy: boolean;
  /**
   * How messages name the 2013-or-later front ends that proxy to legacy servers: the topology's
   * own versions ("Exchange 2016", "Exchange 2013/2016"), so a 2016 organisation never reads
   * "Exchange 2013"; "Exchange 2013 or later" when it has none.
   */
  modern: string;
}

/** "Exchange 2016", "Exchange 2013/2016", "Exchange 2019/SE" for the versions given, in release order. */
export function exchangeVersions(versions: Iterable<Version>): string {
  const present = new Set(versions);
  return `Exchange ${VERSIONS.filter((v) => present.has(v)).join("/")}`;
}

export function factsOf(model: Model): Facts {
  const servers = model.topology.servers;
  const modernFE = servers.filter((s) => isModern(s.version) && isClientAccess(s));
  return {
    model,
    modernFE,
    legacyCas: servers.filter((s) => !isModern(s.version) && s.roles.includes("cas")),
    mailboxServers: servers.filter(isMailbox),
    versions: new Set(servers.map((s) => s.version)),
    hasModern: modernFE.length > 0,
    hasLegacy: servers.some((s) => !isModern(s.version)),
    modern: modernFE.length > 0 ? exchangeVersions(modernFE.map((s) => s.version)) : "Exchange 2013 or later",
  };
}

export const serverPath = (m: Model, s: Server, ...rest: Path): Path => ["topology", "servers", m.serverIndex.get(s.name) ?? -1, ...rest];
export const sitePath = (m: Model, site: string): Path => ["topology", "sites", m.siteIndex.get(site) ?? -1];
export const userPath = (m: Model, u: User, ...rest: Path): Path => ["topology", "users", m.userIndex.get(u.name) ?? -1, ...rest];
export const namespacePath = (m: Model, host: string, ...rest: Path): Path => [
  "topology",
  "namespaces",
  m.namespaceIndex.get(host.toLowerCase()) ?? -1,
  ...rest,
];

/** Servers a host name lands on: a declared namespace's servers, else the server with that FQDN. */
export function landing(m: Model, host: string | undefined): Server[] {
  if (!host) return [];
  const ns = m.namespaces.get(host.toLowerCase());
  if (ns) return ns.servers.flatMap((n) => m.servers.get(n) ?? []);
  return m.topology.servers.filter((s) => s.fqdn?.toLowerCase() === host.toLowerCase());
}

export const landsOnModern = (m: Model, host: string | undefined): boolean =>
  landing(m, host).some((s) => isModern(s.version) && isClientAccess(s));

/** The host a URL names (lower-cased). */
export const urlHost = hostOf;

/** Mailbox servers of a version, optionally restricted to one site. */
export const mailboxesOf = (f: Facts, version: Version, site?: string): Server[] =>
  f.mailboxServers.filter((s) => s.version === version && (site === undefined || s.site === site));

export const names = (servers: Server[]): string[] => servers.map((s) => s.name);

/** "a, b and c" for messages. */
export function list(items: string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

export function dx(
  code: DiagnosticCode,
  severity: Severity,
  path: Path,
  breaks: string[],
  message: string,
  scope?: DiagnosticScope,
): ScopedDiagnostic {
  const d: ScopedDiagnostic = { code, severity, message, path, breaks };
  if (scope && (scope.mailboxes?.length || scope.users?.length)) d.scope = scope;
  return d;
}

/**
 * Legacy mailboxes a legacy CAS serves for clients coming through the Internet: those in its own
 * site, plus those in sites with no CAS of that version publishing an ExternalUrl. Those are sent
 * to the legacy namespace, i.e. a publishing CAS next to a 2013+ front end when there is one (S5).
 */
export function servedMailboxes(f: Facts, cas: Server): string[] {
  const publishing = f.legacyCas.filter((c) => c.version === cas.version && Object.values(c.urls ?? {}).some((u) => !!u?.external));
  const modernSites = new Set(f.modernFE.map((s) => s.site));
  const legacyNamespace = publishing.filter((c) => modernSites.has(c.site));
  const catchAll = (legacyNamespace.length > 0 ? legacyNamespace : publishing).includes(cas);
  const published = new Set(publishing.map((c) => c.site));
  return names(mailboxesOf(f, cas.version).filter((mb) => mb.site === cas.site || (catchAll && !published.has(mb.site))));
}

/** The OA settings a legacy CAS actually runs with: OA is off unless the object is present and not disabled. */
export const oaEnabled = (s: Server): boolean => !!s.outlookAnywhere && s.outlookAnywhere.enabled !== false;
