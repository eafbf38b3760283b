/**
 * The routing context (who, what, where) and the named conditions that decision rows use
 * beyond their version/site/client keys. Each condition is a yes/no question about the topology.
 */
import { externalUrl, hostOf, internetFacing, isClientAccess, isModern, type Model } from "../model/index.ts";
import { compareLevel, parseBuild } from "../diagnose/builds.ts";
import { legacyCas, oabDistributor, resolveHost } from "../model/resolve.ts";
import type { ConditionId, RuleMatch } from "./rules.ts";
import type { ClientLocation, Profile, Protocol, Server, User } from "../types.ts";
import { rank } from "../versions.ts";

export interface Ctx {
  m: Model;
  protocol: Protocol;
  client: ClientLocation;
  profile: Profile;
  user: User;
  mbx: Server;
  /** The host the client used (given or defaulted); null when the protocol needs none (RPC/TCP). */
  host: string | null;
  hostGiven: boolean;
  /** The server the host lands on; absent for RPC/TCP. */
  fe?: Server;
}

/** The server that would take the request in the mailbox's site: a CAS of its version, or the mailbox server (2013+). */
export function siteTarget(c: Ctx): Server | undefined {
  if (isModern(c.mbx.version)) return c.mbx;
  // The OAB comes from where it is distributed, not necessarily the mailbox's site (OAB-1, OAB-2).
  if (c.protocol === "oab") return oabDistributor(c.m, c.mbx);
  return legacyCas(c.m, c.mbx.site, c.mbx.version);
}

/** The redirect target URL for OWA/ECP, or undefined when the request cannot be redirected. */
export function redirectUrl(c: Ctx): { url: string; server: Server } | undefined {
  const m = c.m;
  if (c.protocol !== "owa" && c.protocol !== "ecp") return undefined;
  // 2013+: any front end in the mailbox site; 2007/2010: the CAS of the mailbox's version there.
  const candidates: (Server | undefined)[] = isModern(c.mbx.version)
    ? (m.bySite.get(c.mbx.site) ?? []).filter((s) => isModern(s.version) && isClientAccess(s))
    : [siteTarget(c)];
  // 2007 OWA: any CAS 2007 that publishes OWA (the legacy name) will do when the mailbox site has none.
  if (c.mbx.version === 2007) candidates.push(...m.ordered.filter((s) => s.version === 2007 && s.roles.includes("cas")));
  // P4: a target whose name this client cannot reach is still the target; the flow then fails at
  // that hop with the reason, instead of failing earlier under another row's code.
  let unreachable: { url: string; server: Server } | undefined;
  for (const s of candidates) {
    if (!s || s === c.fe) continue;
    const urls = s.urls?.[c.protocol];
    const url = c.client === "internal" ? (urls?.internal ?? urls?.external) : externalUrl(m, s, c.protocol);
    const host = hostOf(url);
    if (!url || !host || host === c.host?.toLowerCase()) continue;
    const landing = resolveHost(m, host, c.client);
    if (landing.ok) return { url, server: s };
    // A host exflow does not know at all (DX-20) is not a reason to look elsewhere: fail there.
    if (landing.unknown) return { url, server: s };
    unreachable ??= { url, server: s };
  }
  return unreachable;
}

const CONDITIONS: Record<ConditionId, (c: Ctx) => boolean> = {
  "modern-versions-differ": (c) => !!c.fe && isModern(c.fe.version) && isModern(c.mbx.version) && c.fe.version !== c.mbx.version,
  // Only when the CAS exists: a site with no legacy CAS at all is DX-01, not DX-05.
  "legacy-oa-disabled": (c) => {
    const t = siteTarget(c);
    return !!t && t.outlookAnywhere?.enabled !== true;
  },
  "no-oab-and-oa-disabled": (c) => c.user.oabAssigned === false && siteTarget(c)?.outlookAnywhere?.enabled !== true,
  "ecp-external-in-both-sites": (c) =>
    !!c.fe?.urls?.ecp?.external && !!(c.m.bySite.get(c.mbx.site) ?? []).some((s) => rank(s.version) >= 2016 && !!s.urls?.ecp?.external),
  "target-redirectable": (c) => redirectUrl(c) !== undefined,
  "target-eas-external": (c) => {
    const t = siteTarget(c);
    return !!t && t !== c.fe && !!t.urls?.activesync?.external && hostOf(t.urls.activesync.external) !== c.host?.toLowerCase();
  },
  "mailbox-newer-than-fe": (c) => !!c.fe && rank(c.mbx.version) > rank(c.fe.version),
  "same-version": (c) => !!c.fe && c.fe.version === c.mbx.version,
  "host-is-modern-fe": (c) => c.hostGiven && !!c.fe && isModern(c.fe.version),
  // POP3/IMAP4 services are off by default from 2013: no URL on any server means not offered (P5).
  "protocol-not-offered": (c) => !c.m.ordered.some((s) => !!(s.urls?.[c.protocol]?.internal || s.urls?.[c.protocol]?.external)),
  "mapi-before-sp1": (c) => {
    const level = parseBuild(2013, c.mbx.build);
    return !!level && compareLevel(level, [4]) < 0;
  },
};

/** Does a decision row's match apply to this context (under `profile`)? */
export function matches(match: RuleMatch, c: Ctx, profile: Profile): boolean {
  const fe = c.fe;
  if (match.protocols && !match.protocols.includes(c.protocol)) return false;
  if (match.fe === "modern" && !(fe && isModern(fe.version))) return false;
  if (match.fe === "legacy" && !(fe && !isModern(fe.version))) return false;
  if (match.feVersions && !(fe && match.feVersions.includes(fe.version))) return false;
  if (match.mailbox && !match.mailbox.includes(c.mbx.version)) return false;
  if (match.client && match.client !== c.client) return false;
  if (match.site && !(fe && (fe.site === c.mbx.site) === (match.site === "same"))) return false;
  if (match.target && internetFacing(c.m, c.mbx.site, c.protocol) !== (match.target === "internet-facing")) return false;
  if (match.profile && match.profile !== profile) return false;
  if (match.when && !CONDITIONS[match.when](c)) return false;
  return true;
}
