/**
 * What the hybrid input means for a cross-premises call, read once for diagnostics and flows alike:
 * which authentication family each direction uses (HY-40, HY-41, HY-42), where Exchange Online
 * discovers on-premises EWS, and Extended Protection per virtual directory (SE-21, SE-22).
 */
import { parseBuild } from "./builds.ts";
import { hostOf, type Model } from "../model/index.ts";
import type { EpMode, EpVdir, Hybrid, Server } from "../types.ts";
import { EP_VDIRS } from "../types-hybrid.ts";
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

/** Microsoft's recommended front-end and back-end setting of a virtual directory. */
export const recommended = (vdir: EpVdir): { frontEnd: EpMode; backEnd: EpMode } => RECOMMENDED[vdir];

/** The Extended Protection setting of one virtual directory: given per vdir, else the recommended one when EP is on, else off. */
export function epMode(s: Server, vdir: EpVdir, end: "frontEnd" | "backEnd" = "frontEnd"): EpMode {
  const own = s.extendedProtectionVdirs?.[vdir]?.[end];
  if (own) return own;
  return extendedProtectionOn(s) ? RECOMMENDED[vdir][end] : "off";
}

const WINDOWS = new Set(["ntlm", "negotiate", "windows"]);

/**
 * Does a client's request for `protocol` authenticate with Windows authentication (NTLM, Kerberos,
 * Negotiate) at `s`? Only those requests are concerned by Extended Protection's channel binding.
 * The vdir's `auth` decides when given (Outlook Anywhere: its clientAuth too); else Exchange's
 * defaults: Outlook's MAPI, EWS, OAB and Autodiscover use Windows authentication unless HMA gives
 * them Bearer tokens ("HMA is not impacted"); OWA and ECP use forms, ActiveSync Basic.
 */
export function windowsAuth(s: Server, protocol: EpVdir, hma: boolean): boolean {
  const given = s.auth?.[protocol];
  if (protocol === "outlook-anywhere") {
    if (given) return given.some((a) => WINDOWS.has(a));
    return s.outlookAnywhere?.clientAuth !== "basic";
  }
  if (given) return given.some((a) => WINDOWS.has(a)) && !(hma && OUTLOOK.has(protocol));
  return OUTLOOK.has(protocol) && !hma;
}
const OUTLOOK = new Set<EpVdir>(["mapi-http", "ews", "oab", "autodiscover"]);

/**
 * The calls an SSL-offloading (or other-certificate bridging) load balancer in front of `servers`
 * breaks: a Windows-authenticated call into a virtual directory whose front end has Extended
 * Protection on. Forms (OWA, ECP), Basic (ActiveSync), Bearer (HMA), WS-Security and OAuth
 * (Exchange Online's free/busy calls) and SMTP pass (SE-22). Returns flow tags: protocols, and the
 * hybrid families F-5 (Outlook's EWS call), F-2 (a cloud user's Autodiscover) and F-8 (MRS, NTLM).
 */
export function epBreaks(m: Model, servers: Server[]): string[] {
  const hma = !!m.topology.hybrid?.hma && m.topology.hybrid.type !== "none";
  const hit = (vdir: EpVdir, windows: (s: Server) => boolean) => servers.some((s) => epMode(s, vdir) !== "off" && windows(s));
  const tags: string[] = [];
  for (const vdir of EP_VDIRS) if (hit(vdir, (s) => windowsAuth(s, vdir, hma))) tags.push(vdir);
  if (tags.includes("ews")) tags.push("F-5");
  if (tags.includes("autodiscover")) tags.push("F-2");
  // Exchange Online's MRS signs in to /EWS/mrsproxy.svc with NTLM whatever the clients use (HY-50).
  if (hit("ews", () => true)) tags.push("F-8");
  return tags;
}
