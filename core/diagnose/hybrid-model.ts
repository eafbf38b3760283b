/**
 * What the hybrid input means for a cross-premises call, read once for diagnostics and flows alike:
 * which authentication family each direction uses (HY-40, HY-41, HY-42), where Exchange Online
 * discovers on-premises EWS, and Extended Protection per virtual directory (SE-21, SE-22).
 */
import { parseBuild } from "./builds.ts";
import { hostOf, type Model } from "../model/index.ts";
import type { EpMode, EpVdir, Hybrid, Server } from "../types.ts";
import { defaultExtendedProtection } from "../versions.ts";

/** oauth: IntraOrganizationConnector; dauth: organization relationship and a federation gateway token; none: neither. */
export type AuthFamily = "oauth" | "dauth" | "none";

export interface CrossAuth {
  family: AuthFamily;
  /** Words for the flow: which object decided it. */
  why: string;
}

/**
 * On-premises -> Exchange Online (F-5): OAuth only when an IntraOrganizationConnector exists and is
 * enabled; otherwise DAuth through the organization relationship; otherwise no free/busy (HY-40, HY-41).
 */
export function authToCloud(h: Hybrid): CrossAuth {
  const ioc = h.ioc?.onPrem;
  if (ioc && ioc.enabled !== false) return { family: "oauth", why: "the on-premises IntraOrganizationConnector covers that domain" };
  if (h.orgRelationship?.onPrem)
    return {
      family: "dauth",
      why:
        `${ioc ? "the IntraOrganizationConnector is disabled" : "there is no IntraOrganizationConnector"}, so the organization ` +
        `relationship is used`,
    };
  return { family: "none", why: "there is neither an IntraOrganizationConnector nor an organization relationship" };
}

/**
 * Exchange Online -> on-premises (F-6, F-7): the Exchange Online side's connector and relationship.
 * Where the input describes only the on-premises side, the Exchange Online side is taken to mirror it
 * (the Hybrid Configuration Wizard creates both); `mirrored` says so.
 */
export function authFromCloud(h: Hybrid): CrossAuth & { mirrored: boolean } {
  const ioc = h.ioc?.exo ?? h.ioc?.onPrem;
  const mirrored = !h.ioc?.exo && !!h.ioc?.onPrem;
  if (ioc && ioc.enabled !== false)
    return { family: "oauth", why: "Exchange Online's IntraOrganizationConnector covers the on-premises domain", mirrored };
  const rel = h.orgRelationship?.exo ?? h.orgRelationship?.onPrem;
  if (rel)
    return {
      family: "dauth",
      why: "Exchange Online has no enabled IntraOrganizationConnector, so it uses its organization relationship",
      mirrored: !h.orgRelationship?.exo,
    };
  return { family: "none", why: "Exchange Online has neither an IntraOrganizationConnector nor an organization relationship", mirrored };
}

export interface Discovery {
  /** The Autodiscover URL Exchange Online calls; undefined when TargetSharingEpr skips Autodiscover. */
  url?: string;
  host?: string;
  /** The input field the URL came from, or where to add the name when it is the default. */
  path: (string | number)[];
  /** The URL is exflow's default (autodiscover.<domain>), not given in the input. */
  defaulted: boolean;
  /** DAuth with TargetSharingEpr: Exchange Online calls this EWS URL directly. */
  sharing?: string;
}

/**
 * Where Exchange Online discovers on-premises EWS (classic hybrid): OAuth through its
 * IntraOrganizationConnector's DiscoveryEndpoint, DAuth through the organization relationship's
 * TargetAutodiscoverEpr, unless TargetSharingEpr names EWS directly (H20, H21).
 */
export function discoveryFromCloud(domain: string | undefined, h: Hybrid): Discovery {
  const auth = authFromCloud(h).family;
  const hb = ["topology", "hybrid"];
  const fallback = domain ? `https://autodiscover.${domain.toLowerCase()}/autodiscover/autodiscover.svc` : undefined;
  if (auth === "oauth") {
    // The on-premises connector's DiscoveryEndpoint points at Exchange Online; only the Exchange Online one names on-premises.
    const given = h.ioc?.exo?.discoveryEndpoint;
    const url = given ?? fallback;
    return {
      url,
      host: hostOf(url),
      path: given ? [...hb, "ioc", "exo", "discoveryEndpoint"] : ["topology", "namespaces"],
      defaulted: !given,
    };
  }
  const rel = h.orgRelationship?.exo;
  if (rel?.targetSharingEpr)
    return { path: [...hb, "orgRelationship", "exo", "targetSharingEpr"], defaulted: false, sharing: rel.targetSharingEpr };
  const given = rel?.targetAutodiscoverEpr;
  const url = given ?? (fallback ? `${fallback}/WSSecurity` : undefined);
  return {
    url,
    host: hostOf(url),
    path: given ? [...hb, "orgRelationship", "exo", "targetAutodiscoverEpr"] : ["topology", "namespaces"],
    defaulted: !given,
  };
}

/** Extended Protection as the server runs it: its own setting, else its build's default (SE-21). */
export function extendedProtectionOn(s: Server): boolean {
  if (s.extendedProtection !== undefined) return s.extendedProtection;
  return defaultExtendedProtection(s.version, parseBuild(s.version, s.build)?.[0]);
}

/**
 * Microsoft's recommended setting per virtual directory when Extended Protection is turned on
 * (the configuration script's table): Autodiscover off; EWS and ActiveSync allow on the front end
 * and require on the back end; the rest require.
 */
const RECOMMENDED: Record<EpVdir, { frontEnd: EpMode; backEnd: EpMode }> = {
  autodiscover: { frontEnd: "off", backEnd: "off" },
  ews: { frontEnd: "allow", backEnd: "require" },
  activesync: { frontEnd: "allow", backEnd: "require" },
  "mapi-http": { frontEnd: "require", backEnd: "require" },
  "outlook-anywhere": { frontEnd: "require", backEnd: "require" },
  oab: { frontEnd: "require", backEnd: "require" },
  owa: { frontEnd: "require", backEnd: "require" },
  ecp: { frontEnd: "require", backEnd: "require" },
};

/** The Extended Protection setting of one virtual directory: given per vdir, else the recommended one when EP is on, else off. */
export function epMode(s: Server, vdir: EpVdir, end: "frontEnd" | "backEnd" = "frontEnd"): EpMode {
  const own = s.extendedProtectionVdirs?.[vdir]?.[end];
  if (own) return own;
  return extendedProtectionOn(s) ? RECOMMENDED[vdir][end] : "off";
}

/**
 * Requests that authenticate with Windows authentication (NTLM, Kerberos, Negotiate) at the front
 * end: the only ones Extended Protection's channel binding concerns. Forms (OWA, ECP), Basic
 * (ActiveSync), OAuth Bearer (HMA), WS-Security (Exchange Online's DAuth calls) and SMTP are not
 * (SE-22; Microsoft: "HMA is not impacted"). Each entry: the flow tag, the vdir it enters.
 */
export function windowsAuthCalls(m: Model): { tag: string; vdir: EpVdir }[] {
  const hma = !!m.topology.hybrid?.hma && m.topology.hybrid.type !== "none";
  const outlook: { tag: string; vdir: EpVdir }[] = hma
    ? []
    : [
        { tag: "mapi-http", vdir: "mapi-http" },
        { tag: "ews", vdir: "ews" },
        { tag: "oab", vdir: "oab" },
        { tag: "autodiscover", vdir: "autodiscover" },
        // F-5: Outlook's GetUserAvailability to on-premises EWS; F-2: a cloud user's Outlook asks on-premises Autodiscover.
        { tag: "F-5", vdir: "ews" },
        { tag: "F-2", vdir: "autodiscover" },
      ];
  return [
    ...outlook,
    { tag: "outlook-anywhere", vdir: "outlook-anywhere" },
    // Exchange Online's MRS signs in to /EWS/mrsproxy.svc with NTLM (HY-50).
    { tag: "F-8", vdir: "ews" },
  ];
}

/** Flow tags a TLS-breaking load balancer in front of `servers` breaks: Windows-auth calls into a vdir whose front end has EP on. */
export function epBreaks(m: Model, servers: Server[]): string[] {
  return windowsAuthCalls(m)
    .filter((c) => servers.some((s) => epMode(s, c.vdir) !== "off"))
    .map((c) => c.tag);
}
