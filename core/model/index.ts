/**
 * An indexed, read-only view of a validated topology, built once and shared by routing,
 * diagnostics and the audit so that a 22,000-flow audit does not re-scan the input per flow.
 */
import type { Namespace, Protocol, Server, Site, Topology, User, Version } from "../types.ts";
import { rank } from "../versions.ts";

export interface Model {
  topology: Topology;
  servers: Map<string, Server>;
  /** Input position of each server, for issue paths. */
  serverIndex: Map<string, number>;
  sites: Map<string, Site>;
  siteIndex: Map<string, number>;
  /** Keyed by lower-cased host name. */
  namespaces: Map<string, Namespace>;
  namespaceIndex: Map<string, number>;
  /** Namespaces (in input order) whose server list names each server: diagrams label every server with them, per flow. */
  landingOn: Map<string, Namespace[]>;
  /** Namespaces (in input order) that land on at least one server of each site. */
  landingInSite: Map<string, Namespace[]>;
  users: Map<string, User>;
  userIndex: Map<string, number>;
  /** Servers per site, by name: routing never depends on the order of the input's lists (P3). */
  bySite: Map<string, Server[]>;
  /** Every server, by name (the order routing looks through them in). */
  ordered: Server[];
}

/** Name order, for choices that must not depend on the input's list order. */
export const byName = (a: { name: string }, b: { name: string }): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

export function buildModel(topology: Topology): Model {
  const m: Model = {
    topology,
    servers: new Map(),
    serverIndex: new Map(),
    sites: new Map(),
    siteIndex: new Map(),
    namespaces: new Map(),
    namespaceIndex: new Map(),
    landingOn: new Map(),
    landingInSite: new Map(),
    users: new Map(),
    userIndex: new Map(),
    bySite: new Map(),
    ordered: [...topology.servers].sort(byName),
  };
  topology.sites.forEach((s, i) => {
    m.sites.set(s.name, s);
    m.siteIndex.set(s.name, i);
    m.bySite.set(s.name, []);
  });
  topology.servers.forEach((s, i) => {
    m.servers.set(s.name, s);
    m.serverIndex.set(s.name, i);
    m.bySite.get(s.site)?.push(s);
  });
  for (const list of m.bySite.values()) list.sort(byName);
  topology.namespaces.forEach((n, i) => {
    m.namespaces.set(n.host.toLowerCase(), n);
    m.namespaceIndex.set(n.host.toLowerCase(), i);
    const sites = new Set<string>();
    for (const name of new Set(n.servers)) {
      const on = m.landingOn.get(name);
      if (on) on.push(n);
      else m.landingOn.set(name, [n]);
      const site = m.servers.get(name)?.site;
      if (site !== undefined && m.bySite.has(site)) sites.add(site);
    }
    for (const site of sites) {
      const on = m.landingInSite.get(site);
      if (on) on.push(n);
      else m.landingInSite.set(site, [n]);
    }
  });
  topology.users.forEach((u, i) => {
    m.users.set(u.name, u);
    m.userIndex.set(u.name, i);
  });
  return m;
}

const models = new WeakMap<Topology, Model>();

/**
 * The Model of a topology object, built once per object: a built-in preset's topology is the same
 * object on every request, so its model (and the diagnostics memoised on it) is built once per
 * isolate. Weakly held, so a request's own topology goes with it. Safe because validated
 * topologies are never mutated (zod hands out fresh copies; presets are constants).
 */
export function modelOf(topology: Topology): Model {
  let m = models.get(topology);
  if (!m) {
    m = buildModel(topology);
    models.set(topology, m);
  }
  return m;
}

/** 2013+ are one generation: client access in front, mailbox behind. 2007/2010 are "legacy". */
export const isModern = (v: Version): boolean => rank(v) >= 2013;

/** Runs client-access services: a CAS, or a 2016/2019 Mailbox server (its front-end service). */
export const isClientAccess = (s: Server): boolean => s.roles.includes("cas") || (rank(s.version) >= 2016 && s.roles.includes("mailbox"));

export const isMailbox = (s: Server): boolean => s.roles.includes("mailbox");

/** Host part of a URL or "host:port" string, lower-cased; undefined when there is none. */
export function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const m = /^(?:[a-z][a-z0-9+.-]*:\/\/)?([^/:?#\s]+)/i.exec(url.trim());
  return m?.[1]?.toLowerCase();
}

/**
 * A site is Internet-facing for a protocol when a client-access server in it has that
 * protocol's ExternalUrl (S2, S25 in core/route/sources.ts); `internetFacing` on the site overrides.
 */
export function internetFacing(m: Model, site: string, protocol: Protocol): boolean {
  const key = `${site}\u0000${protocol}`;
  let cache = facingCache.get(m);
  if (!cache) {
    cache = new Map();
    facingCache.set(m, cache);
  }
  let facing = cache.get(key);
  if (facing === undefined) {
    const override = m.sites.get(site)?.internetFacing;
    facing = override ?? (m.bySite.get(site) ?? []).some((s) => isClientAccess(s) && !!externalUrl(m, s, protocol));
    cache.set(key, facing);
  }
  return facing;
}

// Asked for every hop's wording; an audit asks it tens of thousands of times per model.
const facingCache = new WeakMap<Model, Map<string, boolean>>();

/**
 * A server's ExternalUrl for a protocol. Outlook Anywhere has no vdir URL: its external host
 * counts only when that name lands on a server in the same site (else it points elsewhere, OA-6).
 */
export function externalUrl(m: Model, s: Server, protocol: Protocol): string | undefined {
  if (protocol !== "outlook-anywhere") return s.urls?.[protocol]?.external;
  const oa = s.outlookAnywhere;
  if (!oa?.externalHostname || oa.enabled === false) return undefined;
  const lands = m.namespaces.get(oa.externalHostname.toLowerCase())?.servers ?? [];
  return lands.some((n) => m.servers.get(n)?.site === s.site) ? `https://${oa.externalHostname}/rpc/rpcproxy.dll` : undefined;
}
