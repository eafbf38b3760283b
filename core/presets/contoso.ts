/**
 * A Microsoft-style coexistence (the S2 blog's shape): Exchange 2013 in front of 2010 and 2007 in
 * three AD sites. Site1 is Internet-facing (mail, autodiscover, legacy), Site2 is a regional
 * Internet-facing site (mail-region), Site3 is an intranet site.
 */
import type { Preset } from "./types.ts";
import type { Server } from "../types.ts";

const web = (host: string, internalHost = host) => ({
  owa: { internal: `https://${internalHost}/owa`, external: `https://${host}/owa` },
  ecp: { internal: `https://${internalHost}/ecp`, external: `https://${host}/ecp` },
  activesync: { internal: `https://${internalHost}/Microsoft-Server-ActiveSync`, external: `https://${host}/Microsoft-Server-ActiveSync` },
  ews: { internal: `https://${internalHost}/EWS/Exchange.asmx`, external: `https://${host}/EWS/Exchange.asmx` },
  oab: { internal: `https://${internalHost}/OAB`, external: `https://${host}/OAB` },
});

const intranet = (fqdn: string) => ({
  owa: { internal: `https://${fqdn}/owa` },
  ecp: { internal: `https://${fqdn}/ecp` },
  activesync: { internal: `https://${fqdn}/Microsoft-Server-ActiveSync` },
  ews: { internal: `https://${fqdn}/EWS/Exchange.asmx` },
  oab: { internal: `https://${fqdn}/OAB` },
});

const oa = (host: string) => ({ enabled: true, externalHostname: host, internalHostname: host, clientAuth: "ntlm" as const, iisAuth: ["ntlm" as const, "basic" as const], rpcProxyInstalled: true });
const forms = { owa: ["forms" as const], ecp: ["forms" as const] };
const scp = "https://autodiscover.contoso.com/Autodiscover/Autodiscover.xml";

const servers: Server[] = [
  { name: "S1-CAS2013", fqdn: "s1-cas2013.contoso.local", version: 2013, build: "CU12", roles: ["cas"], site: "Site1", autodiscoverInternalUri: scp, urls: { ...web("mail.contoso.com"), "mapi-http": { internal: "https://mail.contoso.com/mapi", external: "https://mail.contoso.com/mapi" }, pop3: { internal: "mail.contoso.com:995", external: "mail.contoso.com:995" }, imap4: { internal: "mail.contoso.com:993", external: "mail.contoso.com:993" } }, outlookAnywhere: oa("mail.contoso.com"), auth: forms },
  { name: "S1-MBX2013", fqdn: "s1-mbx2013.contoso.local", version: 2013, build: "CU12", roles: ["mailbox"], site: "Site1" },
  { name: "S1-CAS2010", fqdn: "s1-cas2010.contoso.local", version: 2010, build: "SP3 RU11", roles: ["cas"], site: "Site1", autodiscoverInternalUri: scp, urls: web("mail.contoso.com", "s1-cas2010.contoso.local"), outlookAnywhere: oa("mail.contoso.com"), auth: forms },
  { name: "S1-MBX2010", fqdn: "s1-mbx2010.contoso.local", version: 2010, build: "SP3 RU11", roles: ["mailbox"], site: "Site1", rpcClientAccessServer: "outlook-site1.contoso.local" },
  { name: "S1-CAS2007", fqdn: "s1-cas2007.contoso.local", version: 2007, build: "SP3 RU10", roles: ["cas"], site: "Site1", autodiscoverInternalUri: scp, urls: { ...web("legacy.contoso.com"), activesync: { internal: "https://s1-cas2007.contoso.local/Microsoft-Server-ActiveSync", external: "https://mail.contoso.com/Microsoft-Server-ActiveSync" } }, outlookAnywhere: oa("mail.contoso.com"), auth: forms },
  { name: "S1-MBX2007", fqdn: "s1-mbx2007.contoso.local", version: 2007, build: "SP3 RU10", roles: ["mailbox"], site: "Site1" },
  { name: "S2-CAS2013", fqdn: "s2-cas2013.contoso.local", version: 2013, build: "CU12", roles: ["cas"], site: "Site2", autodiscoverInternalUri: scp, urls: web("mail-region.contoso.com"), outlookAnywhere: oa("mail-region.contoso.com"), auth: forms },
  { name: "S2-MBX2013", fqdn: "s2-mbx2013.contoso.local", version: 2013, build: "CU12", roles: ["mailbox"], site: "Site2" },
  { name: "S2-CAS2010", fqdn: "s2-cas2010.contoso.local", version: 2010, build: "SP3 RU11", roles: ["cas"], site: "Site2", autodiscoverInternalUri: scp, urls: web("mail-region.contoso.com", "s2-cas2010.contoso.local"), outlookAnywhere: oa("mail-region.contoso.com"), auth: forms },
  { name: "S2-MBX2010", fqdn: "s2-mbx2010.contoso.local", version: 2010, build: "SP3 RU11", roles: ["mailbox"], site: "Site2", rpcClientAccessServer: "outlook-site2.contoso.local" },
  { name: "S3-CAS2010", fqdn: "s3-cas2010.contoso.local", version: 2010, build: "SP3 RU11", roles: ["cas"], site: "Site3", autodiscoverInternalUri: scp, urls: intranet("s3-cas2010.contoso.local"), outlookAnywhere: oa("mail.contoso.com"), auth: forms },
  { name: "S3-MBX2010", fqdn: "s3-mbx2010.contoso.local", version: 2010, build: "SP3 RU11", roles: ["mailbox"], site: "Site3", rpcClientAccessServer: "outlook-site3.contoso.local" },
];

export const contoso: Preset = {
  id: "contoso",
  title: "Contoso: Exchange 2013 in front of 2010 and 2007, three AD sites with a regional namespace",
  description:
    "The shape of Microsoft's 'Client Connectivity in an Exchange 2013 Coexistence Environment': Site1 is Internet-facing (mail.contoso.com, autodiscover.contoso.com, legacy.contoso.com for 2007), Site2 is a regional Internet-facing site (mail-region.contoso.com), Site3 is an intranet site. 2010 mailboxes in all three sites, 2007 mailboxes in Site1.",
  topology: {
    name: "contoso",
    domain: "contoso.com",
    sites: [{ name: "Site1" }, { name: "Site2" }, { name: "Site3" }],
    servers,
    namespaces: [
      { host: "mail.contoso.com", servers: ["S1-CAS2013"] },
      { host: "autodiscover.contoso.com", servers: ["S1-CAS2013"] },
      { host: "legacy.contoso.com", servers: ["S1-CAS2007"] },
      { host: "mail-region.contoso.com", servers: ["S2-CAS2013"] },
      { host: "outlook-site1.contoso.local", servers: ["S1-CAS2010"], external: false },
      { host: "outlook-site2.contoso.local", servers: ["S2-CAS2010"], external: false },
      { host: "outlook-site3.contoso.local", servers: ["S3-CAS2010"], external: false },
    ],
    users: [
      { name: "ann", mailbox: "S1-MBX2013" },
      { name: "ben", mailbox: "S1-MBX2010" },
      { name: "cat", mailbox: "S2-MBX2010" },
      { name: "dan", mailbox: "S3-MBX2010" },
      { name: "eve", mailbox: "S1-MBX2007" },
      { name: "fay", mailbox: "S2-MBX2013" },
    ],
  },
  scenarios: {
    "owa-regional-2010": { title: "OWA: Site2 2010 user at mail.contoso.com is silently redirected to mail-region", scenario: { user: "cat", protocol: "owa", client: "external", host: "mail.contoso.com" } },
    "owa-intranet-2010": { title: "OWA: Site3 (intranet) 2010 user is proxied", scenario: { user: "dan", protocol: "owa", client: "external", host: "mail.contoso.com" } },
    "owa-2007": { title: "OWA: 2007 user is redirected to legacy.contoso.com", scenario: { user: "eve", protocol: "owa", client: "external", host: "mail.contoso.com" } },
    "outlook-anywhere-2010": { title: "Outlook Anywhere: 2010 user proxied to CAS 2010 /rpc", scenario: { user: "ben", protocol: "outlook-anywhere", client: "external" } },
    "rpc-2010": { title: "Internal Outlook over RPC/TCP to the 2010 CAS array", scenario: { user: "ben", protocol: "rpc-tcp", client: "internal" } },
    "autodiscover-regional-2010": { title: "Autodiscover for a Site2 2010 user, built by CAS 2010 in Site2", scenario: { user: "cat", protocol: "autodiscover", client: "external" } },
    "activesync-intranet-2010": { title: "ActiveSync: Site3 2010 user proxied, no 451", scenario: { user: "dan", protocol: "activesync", client: "external", host: "mail.contoso.com" } },
  },
};
