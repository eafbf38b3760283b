/**
 * Exchange 2016 in front of 2013 and 2010 (no 2007: 2016 cannot join an organisation that has it).
 * HQ is Internet-facing (mail.fabrikam.com); Branch is an intranet site with its own 2016 server.
 */
import type { Preset } from "./types.ts";

const http = (host: string) => ({
  owa: { internal: `https://${host}/owa`, external: `https://${host}/owa` },
  ecp: { internal: `https://${host}/ecp`, external: `https://${host}/ecp` },
  activesync: { internal: `https://${host}/Microsoft-Server-ActiveSync`, external: `https://${host}/Microsoft-Server-ActiveSync` },
  ews: { internal: `https://${host}/EWS/Exchange.asmx`, external: `https://${host}/EWS/Exchange.asmx` },
  oab: { internal: `https://${host}/OAB`, external: `https://${host}/OAB` },
  "mapi-http": { internal: `https://${host}/mapi`, external: `https://${host}/mapi` },
  autodiscover: { internal: `https://autodiscover.fabrikam.com/Autodiscover/Autodiscover.xml` },
});
const oa = (host: string) => ({ enabled: true, externalHostname: host, internalHostname: host, clientAuth: "ntlm" as const, iisAuth: ["ntlm" as const, "basic" as const], rpcProxyInstalled: true });
const scp = "https://autodiscover.fabrikam.com/Autodiscover/Autodiscover.xml";
const internal = (fqdn: string) => ({ owa: { internal: `https://${fqdn}/owa` }, ecp: { internal: `https://${fqdn}/ecp` }, activesync: { internal: `https://${fqdn}/Microsoft-Server-ActiveSync` }, ews: { internal: `https://${fqdn}/EWS/Exchange.asmx` }, oab: { internal: `https://${fqdn}/OAB` } });

export const fabrikam: Preset = {
  id: "fabrikam",
  title: "Fabrikam: Exchange 2016 in front of 2013 and 2010, HQ and an intranet branch",
  description:
    "Exchange 2016 (multi-role Mailbox servers with the client-access front end) publishes mail.fabrikam.com in HQ and proxies to 2013 and 2010 back ends; no legacy namespace is needed for 2010 (S16). The Branch site is an intranet site.",
  topology: {
    name: "fabrikam",
    domain: "fabrikam.com",
    sites: [{ name: "HQ" }, { name: "Branch" }],
    servers: [
      { name: "HQ-EX2016", fqdn: "hq-ex2016.fabrikam.local", version: 2016, build: "CU23", roles: ["mailbox"], site: "HQ", autodiscoverInternalUri: scp, urls: http("mail.fabrikam.com"), outlookAnywhere: oa("mail.fabrikam.com"), auth: { owa: ["forms"], ecp: ["forms"] } },
      { name: "HQ-EX2013", fqdn: "hq-ex2013.fabrikam.local", version: 2013, build: "CU23", roles: ["cas", "mailbox"], site: "HQ", autodiscoverInternalUri: scp, urls: internal("hq-ex2013.fabrikam.local"), outlookAnywhere: oa("mail.fabrikam.com") },
      { name: "HQ-CAS2010", fqdn: "hq-cas2010.fabrikam.local", version: 2010, build: "SP3 RU30", roles: ["cas"], site: "HQ", autodiscoverInternalUri: scp, urls: internal("hq-cas2010.fabrikam.local"), outlookAnywhere: oa("mail.fabrikam.com"), auth: { owa: ["forms"] } },
      { name: "HQ-MBX2010", fqdn: "hq-mbx2010.fabrikam.local", version: 2010, build: "SP3 RU30", roles: ["mailbox"], site: "HQ", rpcClientAccessServer: "outlook.fabrikam.local" },
      { name: "BR-EX2016", fqdn: "br-ex2016.fabrikam.local", version: 2016, build: "CU23", roles: ["mailbox"], site: "Branch", autodiscoverInternalUri: scp, urls: internal("br-ex2016.fabrikam.local"), outlookAnywhere: oa("mail.fabrikam.com") },
      { name: "BR-CAS2010", fqdn: "br-cas2010.fabrikam.local", version: 2010, build: "SP3 RU30", roles: ["cas"], site: "Branch", autodiscoverInternalUri: scp, urls: internal("br-cas2010.fabrikam.local"), outlookAnywhere: oa("mail.fabrikam.com") },
      { name: "BR-MBX2010", fqdn: "br-mbx2010.fabrikam.local", version: 2010, build: "SP3 RU30", roles: ["mailbox"], site: "Branch", rpcClientAccessServer: "outlook-branch.fabrikam.local" },
    ],
    namespaces: [
      { host: "mail.fabrikam.com", servers: ["HQ-EX2016"] },
      { host: "autodiscover.fabrikam.com", servers: ["HQ-EX2016"] },
      { host: "outlook.fabrikam.local", servers: ["HQ-CAS2010"], external: false },
      { host: "outlook-branch.fabrikam.local", servers: ["BR-CAS2010"], external: false },
    ],
    users: [
      { name: "gus", mailbox: "HQ-EX2016" },
      { name: "hal", mailbox: "HQ-EX2013" },
      { name: "ida", mailbox: "HQ-MBX2010" },
      { name: "jon", mailbox: "BR-MBX2010" },
      { name: "kim", mailbox: "BR-EX2016" },
    ],
  },
  scenarios: {
    "owa-2016": { title: "OWA for a 2016 mailbox on the front-end server itself", scenario: { user: "gus", protocol: "owa", client: "external" } },
    "activesync-2013": { title: "ActiveSync: 2016 front end proxies to a 2013 back end", scenario: { user: "hal", protocol: "activesync", client: "external" } },
    "ecp-2010": { title: "ECP for a 2010 mailbox through Exchange 2016", scenario: { user: "ida", protocol: "ecp", client: "external" } },
    "mapi-branch-2016": { title: "MAPI over HTTP for a Branch 2016 mailbox", scenario: { user: "kim", protocol: "mapi-http", client: "external" } },
    "ews-branch-2010": { title: "EWS for a Branch 2010 mailbox, proxied", scenario: { user: "jon", protocol: "ews", client: "external" } },
  },
};
