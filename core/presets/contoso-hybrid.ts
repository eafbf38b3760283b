/**
 * Today's Exchange: Subscription Edition and 2019 in one load-balanced pool (HQ), an SE server in a
 * regional site (Europe), classic hybrid with Exchange Online and HMA, users on both sides. One
 * named scenario per hybrid flow of docs/hybrid.md (F-7, which needs the Hybrid
 * Agent, is in the `contoso-modern-hybrid` preset, the same organisation in modern hybrid).
 */
import type { Preset } from "./types.ts";
import type { Server, Topology } from "../types.ts";

const web = (host: string) => ({
  owa: { internal: `https://${host}/owa`, external: `https://${host}/owa` },
  ecp: { internal: `https://${host}/ecp`, external: `https://${host}/ecp` },
  activesync: { internal: `https://${host}/Microsoft-Server-ActiveSync`, external: `https://${host}/Microsoft-Server-ActiveSync` },
  ews: { internal: `https://${host}/EWS/Exchange.asmx`, external: `https://${host}/EWS/Exchange.asmx` },
  oab: { internal: `https://${host}/OAB`, external: `https://${host}/OAB` },
  "mapi-http": { internal: `https://${host}/mapi`, external: `https://${host}/mapi` },
});
const scp = "https://autodiscover.contoso.com/Autodiscover/Autodiscover.xml";
const forms = { owa: ["forms" as const], ecp: ["forms" as const] };

const servers: Server[] = [
  { name: "EX1", fqdn: "ex1.corp.contoso.com", version: "SE", build: "15.2.2562.17", roles: ["mailbox"], site: "HQ", autodiscoverInternalUri: scp, urls: web("mail.contoso.com"), auth: forms, mrsProxy: true },
  { name: "EX2", fqdn: "ex2.corp.contoso.com", version: 2019, build: "15.2.1748.10", roles: ["mailbox"], site: "HQ", autodiscoverInternalUri: scp, urls: web("mail.contoso.com"), auth: forms, mrsProxy: true },
  {
    name: "EX3", fqdn: "ex3.corp.contoso.com", version: "SE", build: "15.2.2562.37", roles: ["mailbox"], site: "Europe", autodiscoverInternalUri: scp, auth: forms,
    // Regional OWA/ActiveSync name; EWS, MAPI and OAB only inside (Exchange Online reaches Europe through HQ, HY-44).
    urls: { ...web("europe.contoso.com"), ews: { internal: "https://europe.contoso.com/EWS/Exchange.asmx" }, "mapi-http": { internal: "https://europe.contoso.com/mapi" }, oab: { internal: "https://europe.contoso.com/OAB" } },
  },
];

export const contosoHybridTopology: Topology = {
  name: "contoso-hybrid",
  domain: "contoso.com",
  sites: [{ name: "HQ" }, { name: "Europe" }],
  servers,
  namespaces: [
    { host: "mail.contoso.com", servers: ["EX1", "EX2"], lb: { tls: "bridging", sameCertificate: true } },
    { host: "autodiscover.contoso.com", servers: ["EX1", "EX2"], lb: { tls: "bridging", sameCertificate: true } },
    { host: "europe.contoso.com", servers: ["EX3"] },
  ],
  users: [
    { name: "alice", mailbox: "EX2" },
    { name: "carol", mailbox: "EX3" },
    { name: "bob", location: "cloud", targetAddress: "bob@contoso.mail.onmicrosoft.com" },
    { name: "dana", location: "cloud", targetAddress: "dana@contoso.mail.onmicrosoft.com" },
  ],
  hybrid: {
    type: "classic",
    tenant: "contoso.onmicrosoft.com",
    routingDomain: "contoso.mail.onmicrosoft.com",
    onPremDomains: ["contoso.com"],
    hybridServers: ["EX1", "EX2"],
    hma: true,
    dedicatedApp: true,
    mx: "eop",
    orgRelationship: {
      onPrem: { targetOwaUrl: "https://outlook.office.com/mail", freeBusy: true },
      exo: { targetAutodiscoverEpr: "https://autodiscover.contoso.com/autodiscover/autodiscover.svc/wssecurity" },
    },
    ioc: {
      onPrem: { enabled: true, discoveryEndpoint: "https://autodiscover-s.outlook.com/autodiscover/autodiscover.svc" },
      exo: { enabled: true, discoveryEndpoint: "https://autodiscover.contoso.com/autodiscover/autodiscover.svc" },
    },
    migrationEndpoint: "mail.contoso.com",
    sendConnector: { smartHost: "contoso-com.mail.protection.outlook.com", sourceServers: ["EX1", "EX2"] },
    inboundHost: "mail.contoso.com",
  },
};

export const contosoHybrid: Preset = {
  id: "contoso-hybrid",
  title: "Contoso hybrid: Exchange SE and 2019 in one pool, a regional SE site, classic hybrid with Exchange Online and HMA",
  description:
    "HQ runs Exchange SE (EX1) and 2019 CU15 (EX2) behind one load balancer (TLS bridging with the Exchange certificate, so Extended Protection works) for mail.contoso.com and autodiscover.contoso.com; Europe runs SE (EX3) with a regional OWA/ActiveSync name. Classic hybrid with Hybrid Modern Authentication: alice (EX2) and carol (EX3) are on-premises, bob and dana were moved to Exchange Online. The scenarios are the reference's hybrid flows F-1 to F-11 (F-7 is in contoso-modern-hybrid).",
  topology: contosoHybridTopology,
  scenarios: {
    "owa-cloud-user": { title: "F-1: a cloud user opens on-premises OWA and is sent to Exchange Online", scenario: { user: "bob", protocol: "owa", client: "external", host: "mail.contoso.com" } },
    "autodiscover-cloud-user": { title: "F-2: Outlook Autodiscover for a cloud user, through on-premises (redirectAddr)", scenario: { user: "bob", protocol: "autodiscover", client: "external", app: "outlook" } },
    "autodiscover-direct-connect": { title: "F-2: Click-to-Run Outlook with Direct Connect asks Microsoft 365 first", scenario: { user: "bob", protocol: "autodiscover", client: "external", app: "outlook-direct-connect" } },
    "activesync-after-move": { title: "F-3: an ActiveSync phone after the move gets HTTP 451 to Exchange Online", scenario: { user: "bob", protocol: "activesync", client: "external", host: "mail.contoso.com", app: "eas" } },
    "activesync-no-451": { title: "F-3: a device that cannot follow the 451 stops syncing", scenario: { user: "dana", protocol: "activesync", client: "external", host: "mail.contoso.com", app: "eas-no-451" } },
    "outlook-mobile-hma": { title: "F-4: Outlook for iOS/Android with HMA, on-premises mailbox", scenario: { user: "alice", protocol: "activesync", client: "external", app: "outlook-mobile" } },
    "free-busy-to-cloud": { title: "F-5: on-premises user looks up a cloud user's free/busy (OAuth)", scenario: { user: "alice", protocol: "ews", client: "internal", kind: "free-busy", target: "bob", host: "mail.contoso.com" } },
    "free-busy-from-cloud": { title: "F-6: cloud user looks up an on-premises user's free/busy (classic, cross-site to Europe)", scenario: { user: "bob", protocol: "ews", client: "external", kind: "free-busy", target: "carol" } },
    "move-onboarding": { title: "F-8: Exchange Online moves alice's mailbox through MRSProxy (onboarding)", scenario: { user: "alice", protocol: "ews", client: "external", kind: "mailbox-move" } },
    "move-offboarding": { title: "F-8: Exchange Online moves bob's mailbox back on-premises (offboarding)", scenario: { user: "bob", protocol: "ews", client: "external", kind: "mailbox-move" } },
    "smtp-to-cloud": { title: "F-9: mail from an on-premises mailbox to a cloud mailbox", scenario: { user: "alice", protocol: "ews", client: "internal", kind: "smtp", target: "bob" } },
    "smtp-from-cloud": { title: "F-10: mail from a cloud mailbox to an on-premises mailbox", scenario: { user: "bob", protocol: "ews", client: "external", kind: "smtp", target: "alice" } },
    "outlook-hma": { title: "F-11: Outlook for Windows with HMA, on-premises mailbox (401 Bearer, token, request again)", scenario: { user: "alice", protocol: "mapi-http", client: "external", host: "mail.contoso.com" } },
    "owa-onprem-user": { title: "On-premises OWA through the mixed SE/2019 pool (for comparison)", scenario: { user: "alice", protocol: "owa", client: "external", host: "mail.contoso.com" } },
  },
};

/** The same organisation in modern hybrid: the Hybrid Agent publishes EWS and MRSProxy; no HMA (HX-20). */
export const contosoModernHybrid: Preset = {
  id: "contoso-modern-hybrid",
  title: "Contoso modern hybrid: the Hybrid Agent instead of published EWS (free/busy F-7, moves through the agent)",
  description:
    "The contoso-hybrid organisation in modern hybrid: the Microsoft Hybrid Agent registered to EX1 (SE, with Extended Protection left off, as the agent needs) carries Exchange Online's free/busy calls and mailbox moves; no HMA (not supported with the agent).",
  topology: {
    ...contosoHybridTopology,
    name: "contoso-modern-hybrid",
    servers: servers.map((s) => (s.name === "EX1" ? { ...s, extendedProtection: false } : s)),
    hybrid: {
      type: "modern",
      tenant: "contoso.onmicrosoft.com",
      routingDomain: "contoso.mail.onmicrosoft.com",
      onPremDomains: ["contoso.com"],
      hybridServers: ["EX1", "EX2"],
      dedicatedApp: true,
      orgRelationship: {
        onPrem: { targetOwaUrl: "https://outlook.office.com/mail" },
        exo: { targetSharingEpr: "https://7c3a0f4e-0000-4c1b-9d2a-contoso.resource.mailboxmigration.his.msappproxy.net/EWS/Exchange.asmx" },
      },
      migrationEndpoint: "7c3a0f4e-0000-4c1b-9d2a-contoso.resource.mailboxmigration.his.msappproxy.net",
      hybridAgent: { url: "7c3a0f4e-0000-4c1b-9d2a-contoso.resource.mailboxmigration.his.msappproxy.net", targetServer: "EX1" },
      sendConnector: { smartHost: "contoso-com.mail.protection.outlook.com", sourceServers: ["EX1", "EX2"] },
      inboundHost: "mail.contoso.com",
    },
  },
  scenarios: {
    "free-busy-from-cloud": { title: "F-7: cloud user looks up an on-premises user's free/busy through the Hybrid Agent", scenario: { user: "bob", protocol: "ews", client: "external", kind: "free-busy", target: "alice" } },
    "move-onboarding": { title: "F-8: Exchange Online moves alice's mailbox through the Hybrid Agent", scenario: { user: "alice", protocol: "ews", client: "external", kind: "mailbox-move" } },
    "owa-cloud-user": { title: "F-1: a cloud user opens on-premises OWA", scenario: { user: "bob", protocol: "owa", client: "external", host: "mail.contoso.com" } },
  },
};
