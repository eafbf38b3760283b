/**
 * The decision table as data (printed as docs/rules.md by `npm run docs:rules`; sources in core/route/sources.ts): one entry per row, with its id.
 * route.ts walks the `route` rows in order and applies the first that matches; `locate` rows say
 * how a client finds its first server, `note` rows add a remark, `config` rows are advice that
 * diagnostics check. Conditions and actions are names, implemented in conditions.ts / actions/.
 */
import type { Code } from "../diagnose/codes.ts";
import type { ClientLocation, Profile, Protocol, Version } from "../types.ts";

export type Confidence = "V" | "V*" | "R" | "I";

export type ActionId =
  | "proxy-to-mailbox"
  | "proxy-to-legacy-cas"
  | "proxy-via-mailbox-2013"
  | "autodiscover-2007"
  | "referral"
  | "redirect"
  | "fail"
  | "direct-to-mailbox"
  | "rpc-client-access"
  | "serve-locally"
  | "proxy-to-oab-generation"
  | "not-applicable";

export type ConditionId =
  | "modern-versions-differ"
  | "legacy-oa-disabled"
  | "no-oab-and-oa-disabled"
  | "ecp-external-in-both-sites"
  | "target-redirectable"
  | "target-eas-external"
  | "mailbox-newer-than-fe"
  | "same-version"
  | "host-is-modern-fe"
  | "protocol-not-offered"
  | "mapi-before-sp1";

export interface RuleMatch {
  protocols?: Protocol[];
  /** "modern" = 2013/2016/2019 client access; "legacy" = 2007/2010 CAS. */
  fe?: "modern" | "legacy";
  feVersions?: Version[];
  mailbox?: Version[];
  client?: ClientLocation;
  /** Mailbox site relative to the front end's site. */
  site?: "same" | "other";
  /** Mailbox site Internet-facing for this protocol. */
  target?: "internet-facing" | "intranet";
  profile?: Profile;
  when?: ConditionId;
}

export interface Rule {
  id: string;
  stage: "route" | "locate" | "note" | "config";
  match: RuleMatch;
  action?: ActionId;
  /** One line: what happens. */
  summary: string;
  confidence: Confidence;
  sources: string[];
  /** What the other profile does where this row is profile-specific (reported as a note). */
  otherProfile?: string;
  /** The front end reaches the next server by its ExternalUrl instead of its InternalUrl. */
  via?: "external-url";
  /** The legacy CAS answers by itself; no hop to the Mailbox server is drawn. */
  endsAtCas?: boolean;
  /** A remark every flow through this row carries (e.g. how the article numbers it). */
  note?: string;
  /** For `fail` rows: what the failure means, as data (actions/fail.ts reads it; no switch on ids). */
  fails?: Failure;
  /** For `not-applicable` rows: what the client uses instead, named in the n/a reason. */
  fallback?: string;
}

/**
 * Where a failing row points in the input: `<whose>.<field path>` with whose = `target` (the
 * server the row needs in the mailbox's site), `fe` (the server the client reached), `mailbox`,
 * `user` or `scenario`; e.g. "target.outlookAnywhere.enabled", "user.oabAssigned".
 */
export type FieldRef = `${"target" | "fe" | "mailbox" | "user" | "scenario"}.${string}`;

export interface Failure {
  code: Code;
  field: FieldRef;
  /** Where `target` is missing, point here instead. */
  orField?: FieldRef;
  /**
   * What the client sees, with placeholders: {fe} {feVersion} {feSite} {target} {mbx} {mbxVersion}
   * {site} {user} {protocol}.
   */
  why: string;
  /** Draw the failing hop from the front end to `target` (default: the front end's error answer to the client). */
  at?: "target";
}

const LEGACY: Version[] = [2007, 2010];
const MODERN: Version[] = [2013, 2016, 2019, "SE"];
export const RULES: Rule[] = [
  // --- how the client finds its first server
  { id: "AD-4", stage: "locate", match: { protocols: ["autodiscover"], client: "internal" }, summary: "Domain-joined internal client reads the Autodiscover SCP (AutoDiscoverServiceInternalUri) from Active Directory", confidence: "V", sources: ["S8", "S15", "S39"] },
  { id: "NS-1", stage: "locate", match: {}, summary: "The client resolves the host name in DNS (internal or external) to the servers the namespace lands on, through a load balancer when there are several", confidence: "V", sources: ["S14", "S15"] },
  { id: "AD-5", stage: "locate", match: { protocols: ["autodiscover"], client: "external" }, summary: "External client tries https://<domain>/autodiscover/autodiscover.xml, then https://autodiscover.<domain>/...", confidence: "V", sources: ["S15", "S33"] },

  // --- names that do not resolve, protocols that do not exist for a mailbox
  // --- what the organisation does not offer: n/a with the reason, never a failure (P5)
  { id: "MH-1", stage: "route", match: { protocols: ["mapi-http"], mailbox: LEGACY }, action: "not-applicable", fallback: "Outlook Anywhere (RPC/TCP inside the network)", summary: "Autodiscover never offers MAPI over HTTP for Exchange 2007/2010 mailboxes: Outlook that is not offered MAPI/HTTP uses Outlook Anywhere", confidence: "V", sources: ["S15", "learn.microsoft.com/exchange/clients/mapi-over-http/mapi-over-http"] },
  { id: "MH-2", stage: "route", match: { protocols: ["mapi-http"], mailbox: [2013], when: "mapi-before-sp1" }, action: "not-applicable", fallback: "Outlook Anywhere", summary: "MAPI over HTTP needs Exchange 2013 SP1 (CU4) or later on the mailbox server", confidence: "V", sources: ["S15"] },
  { id: "ECP-1", stage: "route", match: { protocols: ["ecp"], mailbox: [2007] }, action: "not-applicable", fallback: "the Exchange 2007 management tools (OWA options for the user's own settings)", summary: "Exchange 2007 has no ECP", confidence: "V", sources: ["S5", "S7"] },
  { id: "OL-3b", stage: "route", match: { protocols: ["rpc-tcp"], mailbox: MODERN }, action: "not-applicable", fallback: "Outlook Anywhere or MAPI over HTTP", summary: "Exchange 2013 or later offers Outlook only over HTTP (Outlook Anywhere or MAPI/HTTP), never RPC/TCP", confidence: "V", sources: ["S11", "S9", "S15"] },
  { id: "OL-4", stage: "route", match: { protocols: ["rpc-tcp"], client: "external" }, action: "not-applicable", fallback: "Outlook Anywhere", summary: "RPC/TCP is not published to the Internet: external Outlook connects over Outlook Anywhere (or MAPI over HTTP)", confidence: "V", sources: ["S8", "S10"] },
  { id: "PI-5", stage: "route", match: { protocols: ["pop3", "imap4"], when: "protocol-not-offered" }, action: "not-applicable", summary: "No server in the topology has a POP3/IMAP4 URL: the organisation does not offer the protocol (the services are off by default from Exchange 2013)", confidence: "I", sources: ["S12"] },
  { id: "OL-1", stage: "route", match: { protocols: ["rpc-tcp"], mailbox: [2007] }, action: "direct-to-mailbox", summary: "Internal Outlook opens RPC straight to the 2007 Mailbox server; CAS 2013 is not in the path", confidence: "V", sources: ["S8", "S2"] },
  { id: "OL-2", stage: "route", match: { protocols: ["rpc-tcp"], mailbox: [2010] }, action: "rpc-client-access", summary: "Internal Outlook opens RPC to the 2010 RPC Client Access array (RpcClientAccessServer) of the mailbox site", confidence: "V", sources: ["S8", "S32", "S31"] },

  // --- modern front end, modern mailbox
  { id: "X-OAB-1", stage: "route", match: { fe: "modern", protocols: ["oab"], mailbox: MODERN }, action: "proxy-to-oab-generation", summary: "OAB download for a mailbox on 2013 or later: the front end proxies to the Mailbox server holding the active copy of the OAB generation (organization) mailbox (topology.offlineAddressBook.generationServer)", confidence: "V", sources: ["learn.microsoft.com/exchange/address-books/offline-address-books/offline-address-books"] },
  // Corrected: does not cover the cross-site OWA/ECP redirect (a front end "might redirect ... on a more recent version").
  { id: "E16-2", stage: "route", match: { fe: "modern", mailbox: MODERN, when: "modern-versions-differ", protocols: ["autodiscover", "outlook-anywhere", "mapi-http", "activesync", "ews", "pop3", "imap4"] }, action: "proxy-to-mailbox", summary: "2013 and 2016/2019 share the front-end/back-end design: the front end proxies to the back end of the other version (2013 must be CU10+)", confidence: "R", sources: ["S36", "S15"] },
  { id: "AD-1", stage: "route", match: { fe: "modern", protocols: ["autodiscover"], mailbox: MODERN }, action: "proxy-to-mailbox", summary: "Proxy to the Mailbox server holding the active copy; it builds the Autodiscover XML", confidence: "V", sources: ["S11", "S15"] },
  { id: "OL-3", stage: "route", match: { fe: "modern", protocols: ["outlook-anywhere", "mapi-http"], mailbox: MODERN }, action: "proxy-to-mailbox", summary: "Outlook over HTTP (Outlook Anywhere or MAPI/HTTP): the front end proxies to the active-copy Mailbox server", confidence: "V", sources: ["S11", "S9", "S15"] },
  { id: "ECP-4b", stage: "route", match: { fe: "modern", protocols: ["ecp"], feVersions: [2019, "SE"], mailbox: [2016, 2019, "SE"], site: "other", profile: "o365info", when: "ecp-external-in-both-sites" }, action: "fail", fails: { code: "DX-15", field: "fe.urls.ecp.external", why: "ECP ExternalUrl is set in both {feSite} and {site}: the cross-site 302 loops into HTTP 400 \"query string too long\". Clear the ECP ExternalUrl of the mailbox site so the request is proxied." }, otherProfile: "microsoft: KB 4056664 documents the loop for Exchange 2016 only; a 2019 front end follows the OWA rows", summary: "The Exchange 2016 ECP loop applied to 2019 front ends too (documented for 2016 only)", confidence: "I", sources: ["S19"] },
  { id: "ECP-4", stage: "route", match: { fe: "modern", protocols: ["ecp"], feVersions: [2016], mailbox: [2016, 2019, "SE"], site: "other", when: "ecp-external-in-both-sites" }, action: "fail", fails: { code: "DX-15", field: "fe.urls.ecp.external", why: "ECP ExternalUrl is set in both {feSite} and {site}: the cross-site 302 loops into HTTP 400 \"query string too long\". Clear the ECP ExternalUrl of the mailbox site so the request is proxied." }, summary: "Exchange 2016 ECP with ExternalUrl set in several sites: 302 cross-site redirect loops into HTTP 400 'query string too long'; clear the ECP ExternalUrl so the request is proxied", confidence: "V", sources: ["S19"] },
  { id: "OWA-7", stage: "route", match: { fe: "modern", protocols: ["owa", "ecp"], mailbox: MODERN, site: "other", client: "external", when: "target-redirectable" }, action: "redirect", summary: "Mailbox in another site whose OWA ExternalUrl differs: redirect there (silent with forms-based auth at both ends)", confidence: "I", sources: ["S19"] },
  { id: "OWA-7b", stage: "route", match: { fe: "modern", protocols: ["owa", "ecp"], mailbox: MODERN }, action: "proxy-to-mailbox", summary: "Proxy to the Mailbox server holding the active copy", confidence: "I", sources: ["S19", "S11"] },
  { id: "EAS-1", stage: "route", match: { fe: "modern", protocols: ["activesync"], mailbox: MODERN }, action: "proxy-to-mailbox", summary: "Proxy to the active-copy Mailbox server", confidence: "V", sources: ["S11"] },
  { id: "EWS-1", stage: "route", match: { fe: "modern", protocols: ["ews"], mailbox: MODERN }, action: "proxy-to-mailbox", summary: "Proxy to the active-copy Mailbox server", confidence: "V", sources: ["S11"] },
  { id: "PI-1", stage: "route", match: { fe: "modern", protocols: ["pop3", "imap4"], mailbox: MODERN }, action: "proxy-to-mailbox", summary: "Proxy, including cross-site, by default", confidence: "V", sources: ["S12", "S15"] },

  // --- modern front end, Exchange 2010 mailbox
  { id: "AD-2", stage: "route", match: { fe: "modern", protocols: ["autodiscover"], mailbox: [2010] }, action: "proxy-to-legacy-cas", endsAtCas: true, summary: "Proxy to a CAS 2010 in the mailbox's site; it builds the answer, so the URLs returned are that site's", confidence: "V", sources: ["S5", "S7", "S33", "S2"] },
  { id: "OA-5", stage: "route", match: { fe: "modern", protocols: ["outlook-anywhere"], mailbox: LEGACY, when: "legacy-oa-disabled" }, action: "fail", fails: { code: "DX-05", field: "target.outlookAnywhere.enabled", orField: "mailbox.site", at: "target", why: "Outlook Anywhere is not enabled on {target}, so CAS {feVersion} cannot proxy RPC over HTTP for this {mbxVersion} mailbox." }, summary: "Outlook Anywhere is not enabled on the legacy CAS in the mailbox site: the front end has nothing to proxy to", confidence: "V", sources: ["S10", "S17"] },
  { id: "OA-1", stage: "route", match: { fe: "modern", protocols: ["outlook-anywhere"], mailbox: [2010], site: "same" }, action: "proxy-to-legacy-cas", summary: "Proxy RPC over HTTP to the CAS 2010 /rpc in the mailbox site (NTLM); CAS 2010 talks RPC to the Mailbox server", confidence: "V", sources: ["S10", "S30", "S8", "S5", "S7"] },
  { id: "OA-2", stage: "route", match: { fe: "modern", protocols: ["outlook-anywhere"], mailbox: [2010], site: "other", target: "intranet" }, action: "proxy-to-legacy-cas", summary: "Proxy to the CAS 2010 /rpc in the remote mailbox site; Outlook Anywhere must be enabled there too", confidence: "V", sources: ["S10", "S5", "S2"] },
  { id: "OA-3", stage: "route", match: { fe: "modern", protocols: ["outlook-anywhere"], mailbox: [2010], site: "other", target: "internet-facing" }, action: "proxy-to-legacy-cas", summary: "Normally not reached (Autodiscover hands out the regional OA host); if it is, the request is proxied: OA has no redirect", confidence: "R", sources: ["S5", "S2"] },
  { id: "OWA-4", stage: "route", match: { fe: "modern", protocols: ["owa"], mailbox: [2010], site: "same" }, action: "proxy-to-legacy-cas", summary: "Proxy to the CAS 2010 in the site", confidence: "V", sources: ["S5", "S38", "S7"] },
  { id: "OWA-5", stage: "route", match: { fe: "modern", protocols: ["owa"], mailbox: [2010], site: "other", client: "external", when: "target-redirectable" }, action: "redirect", summary: "Redirect to the target CAS 2010 OWA ExternalUrl: silent with forms-based auth at both ends, otherwise a manual link page", confidence: "V*", sources: ["S5", "S7", "S25", "S2"] },
  { id: "OWA-6", stage: "route", match: { fe: "modern", protocols: ["owa"], mailbox: [2010], site: "other" }, action: "proxy-to-legacy-cas", summary: "Mailbox site is not Internet-facing for OWA (no ExternalUrl): proxy to the CAS 2010 there", confidence: "V", sources: ["S5", "S26"] },
  { id: "ECP-3", stage: "route", match: { fe: "modern", feVersions: [2016, 2019], protocols: ["ecp"], mailbox: [2010], profile: "o365info" }, action: "proxy-to-legacy-cas", summary: "A 2010 mailbox gets the 2010 ECP (mechanism assumed: proxy to CAS 2010); ?ExchClientVer=15 forces the new EAC", confidence: "I", sources: ["S15"], otherProfile: "microsoft: a 2016/2019 front end decides as 2013 does (ECP-2: redirect when the mailbox site has its own ECP ExternalUrl, else proxy); KB 4056664's workaround implies a redirect while the ExternalUrl is set" },
  { id: "ECP-2", stage: "route", match: { fe: "modern", protocols: ["ecp"], mailbox: [2010], site: "other", client: "external", when: "target-redirectable" }, action: "redirect", summary: "Same decisions as OWA for 2010: redirect when the mailbox site has its own ECP ExternalUrl", confidence: "V", sources: ["S5", "S7"] },
  { id: "ECP-2b", stage: "route", match: { fe: "modern", protocols: ["ecp"], mailbox: [2010] }, action: "proxy-to-legacy-cas", summary: "Same decisions as OWA for 2010: proxy to the CAS 2010 in the mailbox site", confidence: "V", sources: ["S5", "S7"] },
  { id: "EAS-2", stage: "route", match: { fe: "modern", protocols: ["activesync"], mailbox: [2010] }, action: "proxy-to-legacy-cas", summary: "Proxy to the CAS 2010 in the mailbox site regardless of its ExternalUrl; no 451 redirect", confidence: "V*", sources: ["S5", "S7", "S38", "S1"] },
  { id: "EWS-3", stage: "route", match: { fe: "modern", protocols: ["ews"], mailbox: [2010], site: "other", client: "external", target: "internet-facing" }, action: "proxy-to-legacy-cas", summary: "Autodiscover normally hands out the regional EWS URL; a request that reaches the front end anyway is proxied", confidence: "R", sources: ["S2", "S5"] },
  { id: "EWS-2", stage: "route", match: { fe: "modern", protocols: ["ews"], mailbox: [2010] }, action: "proxy-to-legacy-cas", summary: "Proxy to the CAS 2010 in the mailbox site", confidence: "V", sources: ["S5", "S7", "S38"] },
  { id: "OAB-3", stage: "route", match: { fe: "modern", protocols: ["oab"], mailbox: [2010], when: "no-oab-and-oa-disabled" }, action: "fail", fails: { code: "DX-10", field: "user.oabAssigned", why: "The mailbox database has no OAB assigned and Outlook Anywhere is disabled on {target}: the Autodiscover answer carries no OAB URL, so Outlook cannot download the offline address book." }, summary: "No OAB assigned to the 2010 database and OA disabled on 2010: the Autodiscover answer has no OAB URL, so Outlook cannot download the OAB", confidence: "V", sources: ["S17"] },
  { id: "OAB-1", stage: "route", match: { fe: "modern", protocols: ["oab"], mailbox: [2010] }, action: "proxy-to-legacy-cas", endsAtCas: true, summary: "OAB downloads that reach the front end are proxied to a CAS 2010 that distributes the user's OAB (topology.offlineAddressBook.distribution; else the mailbox site's CAS 2010)", confidence: "V", sources: ["S7", "learn.microsoft.com/exchange/address-books/offline-address-books/offline-address-books"] },
  { id: "PI-2", stage: "route", match: { fe: "modern", protocols: ["pop3", "imap4"], mailbox: [2010] }, action: "proxy-to-legacy-cas", summary: "Proxy to the CAS 2010 POP3/IMAP4 service in the mailbox site", confidence: "V", sources: ["S5", "S7"] },

  // --- modern front end, Exchange 2007 mailbox
  { id: "AD-3", stage: "route", match: { fe: "modern", protocols: ["autodiscover"], mailbox: [2007] }, action: "autodiscover-2007", summary: "Autodiscover for a 2007 mailbox: answered with the 2007 settings (EWS/OAB on the legacy name, EAS = the 2007 EAS ExternalUrl)", confidence: "V*", sources: ["S5", "S33", "S7", "S1"], otherProfile: "o365info: CAS 2013 answers the Autodiscover request itself (S1); microsoft: CAS 2013 proxies it to a CAS 2007, which builds the answer (S5: Autodiscover is proxied to the earlier version)" },
  { id: "OA-4", stage: "route", match: { fe: "modern", protocols: ["outlook-anywhere"], mailbox: [2007] }, action: "proxy-to-legacy-cas", summary: "Proxy to a CAS 2007 /rpc in the mailbox site using NTLM; CAS 2007 talks RPC to the 2007 Mailbox server", confidence: "V", sources: ["S6", "S7", "S8", "S10"] },
  { id: "OWA-1", stage: "route", match: { fe: "modern", protocols: ["owa"], mailbox: [2007], client: "external", when: "target-redirectable" }, action: "redirect", summary: "Redirect to the 2007 OWA ExternalUrl (legacy name); not silent, the user signs in again at CAS 2007. CAS 2013 never proxies OWA to 2007", confidence: "V", sources: ["S6", "S5", "S7", "S9", "S33"] },
  { id: "OWA-2", stage: "route", match: { fe: "modern", protocols: ["owa"], mailbox: [2007], client: "internal", when: "target-redirectable" }, action: "redirect", summary: "Internal client: redirect to the 2007 OWA InternalUrl if set, else its ExternalUrl (sources describe only the ExternalUrl redirect)", confidence: "I", sources: ["S6"] },
  { id: "OWA-3", stage: "route", match: { fe: "modern", protocols: ["owa"], mailbox: [2007] }, action: "fail", fails: { code: "DX-04", field: "target.urls.owa", orField: "mailbox.site", why: "No CAS 2007 publishes an OWA URL that this client can reach, and CAS {feVersion} never proxies OWA to 2007: OWA fails for this mailbox." }, summary: "No CAS 2007 with a reachable OWA URL: CAS 2013 has no redirect target and never proxies OWA to 2007", confidence: "V", sources: ["S5"] },
  { id: "EAS-3a", stage: "route", match: { fe: "modern", protocols: ["activesync"], mailbox: [2007], site: "other", target: "internet-facing", profile: "o365info" }, action: "proxy-to-legacy-cas", via: "external-url", summary: "Mailbox in another public-facing site: CAS 2013 proxies straight to that site's CAS by its external EAS URL (no 451 redirect, no Mailbox 2013 hop), as the article's scenario 3 draws it", confidence: "V*", sources: ["S1"], otherProfile: "microsoft: CAS 2013 → Exchange 2013 Mailbox → CAS 2007 in the mailbox site by its EAS InternalUrl, as for every 2007 mailbox (S7; the article's own note)" },
  { id: "EAS-3", stage: "route", match: { fe: "modern", protocols: ["activesync"], mailbox: [2007] }, action: "proxy-via-mailbox-2013", note: "Numbered as the article's figures number ActiveSync scenarios 1 and 2: its prose runs 1-10 in scenario 1 (a stray list item) and 1-9 in scenario 2, and never prints Number 2, which exflow gives to the hop from CAS 2013 to the Exchange 2013 Mailbox server, as in the article's scenario 3", summary: "CAS 2013 → Exchange 2013 Mailbox server → CAS 2007 in the mailbox site (by its EAS InternalUrl) → 2007 Mailbox server", confidence: "V*", sources: ["S7", "S1", "S5"], otherProfile: "o365info: when the mailbox site is public-facing, the article's scenario 3 proxies straight from CAS 2013 to that site's CAS by its external URL" },
  { id: "EWS-4a", stage: "route", match: { fe: "modern", protocols: ["ews"], mailbox: [2007], profile: "o365info", when: "host-is-modern-fe" }, action: "proxy-to-legacy-cas", endsAtCas: true, summary: "The article's EWS scenario 2: CAS 2013 proxies the EWS request to the CAS 2007 in the mailbox site, which answers", confidence: "V*", sources: ["S1"], otherProfile: "microsoft: CAS 2013 does not serve or proxy EWS for 2007 mailboxes; Autodiscover refers the client to the 2007 EWS URL on the legacy name (S5, S7, S33 7#23)" },
  { id: "EWS-4", stage: "route", match: { fe: "modern", protocols: ["ews"], mailbox: [2007] }, action: "referral", summary: "Autodiscover referral: the answer carries the 2007 EWS URL on the legacy name and the client calls CAS 2007 directly", confidence: "V*", sources: ["S5", "S7", "S33"], otherProfile: "o365info: when the client sends its EWS request to CAS 2013, the article's scenario 2 has CAS 2013 proxy it to the CAS 2007" },
  { id: "OAB-2", stage: "route", match: { fe: "modern", protocols: ["oab"], mailbox: [2007] }, action: "referral", summary: "Autodiscover returns the OAB URL of a CAS 2007 that distributes the user's OAB (legacy name); Outlook downloads straight from that CAS 2007", confidence: "V", sources: ["S7", "S13"] },
  { id: "PI-3", stage: "route", match: { fe: "modern", protocols: ["pop3", "imap4"], mailbox: [2007] }, action: "proxy-to-legacy-cas", summary: "Proxy to the CAS 2007 POP3/IMAP4 service (S7's 'redirect' most likely means: configure clients with the legacy name)", confidence: "V*", sources: ["S5", "S7"] },

  // --- legacy front end (the host lands on a 2007/2010 CAS)
  { id: "AD-7", stage: "route", match: { fe: "legacy", feVersions: [2007], protocols: ["autodiscover"], mailbox: [2010] }, action: "redirect", summary: "CAS 2007 SP2+ answers Autodiscover for a 2010 mailbox with an HTTP 302 to a 2010 CAS", confidence: "V", sources: ["S34"] },
  { id: "X-LEG-3", stage: "route", match: { fe: "legacy", protocols: ["activesync"], when: "mailbox-newer-than-fe" }, action: "redirect", summary: "A legacy CAS given a newer mailbox answers ActiveSync with HTTP 451 (X-MS-Location) pointing the device at the newer version's ActiveSync URL", confidence: "R", sources: ["Exchange Team blog: Upgrading Exchange ActiveSync to Exchange 2010", "S27"] },
  { id: "X-LEG-3b", stage: "route", match: { fe: "legacy", when: "mailbox-newer-than-fe" }, action: "fail", fails: { code: "RT-VERSION", field: "scenario.host", why: "A CAS {feVersion} cannot serve a mailbox on Exchange {mbxVersion}: the client must use a name that lands on Exchange {mbxVersion} or newer." }, summary: "A legacy CAS cannot serve a mailbox on a newer Exchange version", confidence: "I", sources: ["S24", "S26"] },
  { id: "EAS-6", stage: "route", match: { fe: "legacy", feVersions: [2010], protocols: ["activesync"], mailbox: [2007], site: "same", when: "target-eas-external" }, action: "redirect", summary: "CAS 2010 tells an Autodiscover-capable device (451) to use the CAS 2007; older devices are proxied", confidence: "V", sources: ["S27", "S28"] },
  { id: "EAS-5", stage: "route", match: { fe: "legacy", protocols: ["activesync"], site: "other", when: "target-eas-external" }, action: "redirect", summary: "Legacy CAS answers HTTP 451 with X-MS-Location naming the mailbox site's EAS URL; devices on EAS 12.1 or older cannot follow it", confidence: "V", sources: ["S22", "S21", "S23", "S28"] },
  { id: "EWS-5", stage: "route", match: { fe: "legacy", feVersions: [2010], protocols: ["ews"], mailbox: [2010], site: "other", client: "external" }, action: "proxy-to-legacy-cas", summary: "CAS 2010 EWS proxies cross-site for Internet clients whose mailbox site has no Internet-facing CAS", confidence: "V", sources: ["S35"] },
  { id: "PI-4", stage: "route", match: { fe: "legacy", protocols: ["pop3", "imap4"], site: "other" }, action: "proxy-to-legacy-cas", summary: "POP3/IMAP4 cannot be redirected: the legacy CAS proxies to a CAS in the mailbox site", note: "Doubtful row: in Exchange 2007/2010 cross-site POP3/IMAP4 proxying needed a manual configuration step (technet jj657728); this flow assumes it was done", confidence: "V", sources: ["S26", "technet jj657728"] },
  { id: "X-LEG-1", stage: "route", match: { fe: "legacy", when: "same-version", protocols: ["autodiscover", "outlook-anywhere", "oab"] }, action: "serve-locally", summary: "A legacy CAS answers Autodiscover, OAB and Outlook Anywhere for mailboxes of its own version itself; for Outlook Anywhere its RPC proxy reaches the Mailbox server (2007) or RPC Client Access on a CAS in the mailbox's site (2010)", confidence: "I", sources: ["S24", "S26", "technet ee332346"] },
  { id: "X-LEG-2", stage: "route", match: { fe: "legacy", when: "same-version", site: "same" }, action: "serve-locally", summary: "A legacy CAS serves a mailbox of its own version in its own site by talking RPC to the Mailbox server", confidence: "I", sources: ["S24", "S26"] },
  { id: "X-LEG-4", stage: "route", match: { fe: "legacy", protocols: ["owa", "ecp"], client: "external", when: "target-redirectable" }, action: "redirect", summary: "Legacy CAS redirects OWA to the mailbox site's (or the older version's) OWA ExternalUrl; from Exchange 2010 it is a manual link page unless CrossSiteRedirectType is Silent on its OWA virtual directory", confidence: "V", sources: ["S26", "S25", "Set-OwaVirtualDirectory CrossSiteRedirectType"] },
  { id: "X-LEG-5", stage: "route", match: { fe: "legacy" }, action: "proxy-to-legacy-cas", summary: "Legacy CAS proxies to a CAS of the mailbox's version in the mailbox site (general 2007/2010 rule: proxy when no ExternalUrl redirect applies)", confidence: "I", sources: ["S26", "S27"] },

  // --- notes and configuration advice
  { id: "E16-1", stage: "note", match: { fe: "modern", feVersions: [2016, 2019], mailbox: [2010] }, summary: "2016/2019 in front of 2010 behaves like 2013 in front of 2010; no legacy namespace is needed", confidence: "V", sources: ["S16", "S29", "S15"] },
  { id: "E16-3", stage: "note", match: { fe: "modern", feVersions: [2016, 2019, "SE"], protocols: ["mapi-http"] }, summary: "2016/2019 enable MAPI over HTTP by default unless Exchange 2013 servers are present", confidence: "V", sources: ["S15"] },
  // Subscription Edition in a pool with 2016/2019 (docs/hybrid.md); H-ids are its sources (core/route/sources.ts).
  { id: "SE-14", stage: "note", match: { fe: "modern", feVersions: [2016], mailbox: [2019, "SE"] }, summary: "A 2016 front end proxies up-level to the 2019/SE Mailbox server holding the active copy (one namespace, no legacy name; the 2016/2019 coexistence text was not re-read)", confidence: "R", sources: ["H8"] },
  { id: "SE-14b", stage: "note", match: { fe: "modern", feVersions: [2019, "SE"], mailbox: [2016] }, summary: "A 2019/SE front end proxies down-level to the 2016 Mailbox server holding the active copy (one namespace, no legacy name; the 2016/2019 coexistence text was not re-read)", confidence: "R", sources: ["H8"] },
  { id: "SE-15", stage: "note", match: { fe: "modern", feVersions: [2019, "SE"], mailbox: [2019, "SE"], when: "modern-versions-differ" }, summary: "Exchange 2019 and SE are one generation (SE RTM is 2019 CU15 code): the front end proxies to the other as to its own version", confidence: "I", sources: ["H5"] },
  { id: "AD-6", stage: "config", match: { protocols: ["autodiscover"] }, summary: "In coexistence with Exchange 2013 or later, every SCP, also on 2007/2010 CAS, should point at the name that lands on the 2013-or-later front end", confidence: "V", sources: ["S8", "S36", "S9"] },
  { id: "OA-6", stage: "config", match: { protocols: ["outlook-anywhere"], mailbox: LEGACY }, summary: "Legacy OA ExternalHostname should name the Outlook Anywhere host of Exchange 2013 or later so Autodiscover steers legacy users to the newer front end", confidence: "V", sources: ["S10"] },
  { id: "EAS-4", stage: "config", match: { protocols: ["activesync"], mailbox: [2007] }, summary: "Set the 2007 EAS ExternalUrl to the primary name (not the legacy one) so Autodiscover keeps 2007 devices on CAS 2013", confidence: "V", sources: ["S9"] },
];

/** Each row by its id (ids are unique; a test checks it), for the summary and confidence behind a step's `rule`. */
export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.id, r]));
