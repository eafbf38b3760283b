/**
 * The o365info article's organisation (S1): New York (public-facing, Exchange 2013 in front of
 * 2007), Los Angeles (intranet site, 2007 only) and Madrid (public-facing regional site, 2007).
 * The article never states the Madrid CAS version; a 2007 mailbox needs a 2007 CAS (5.7 item 6).
 */
import type { Preset } from "./types.ts";

const eas = "/Microsoft-Server-ActiveSync";
const ews = "/EWS/Exchange.asmx";
const oab = "/OAB";

export const o365info: Preset = {
  id: "o365info",
  title: "o365info: Exchange 2013/2007 coexistence in three AD sites",
  description:
    "The topology of o365info's article 'ActiveSync and Exchange web service client protocol connectivity flow in Exchange 2013/2007 coexistence' (19#23): New York is public-facing with CAS 2013 (mail.o365info.com) in front of 2007, Los Angeles is an intranet site, Madrid is a public-facing regional site (europe.mail.o365info.com).",
  topology: {
    name: "o365info",
    // The article's own numbering and answers (its figures); a user's own topology defaults to microsoft.
    profile: "o365info",
    domain: "o365info.com",
    sites: [{ name: "New York" }, { name: "Los Angeles" }, { name: "Madrid" }],
    servers: [
      {
        name: "NY-CAS2013",
        fqdn: "ny-cas2013.o365info.local",
        version: 2013,
        build: "CU12",
        roles: ["cas"],
        site: "New York",
        autodiscoverInternalUri: "https://autodiscover.o365info.com/Autodiscover/Autodiscover.xml",
        urls: {
          autodiscover: { internal: "https://autodiscover.o365info.com/Autodiscover/Autodiscover.xml", external: "https://autodiscover.o365info.com/Autodiscover/Autodiscover.xml" },
          owa: { internal: "https://mail.o365info.com/owa", external: "https://mail.o365info.com/owa" },
          ecp: { internal: "https://mail.o365info.com/ecp", external: "https://mail.o365info.com/ecp" },
          activesync: { internal: `https://mail.o365info.com${eas}`, external: `https://mail.o365info.com${eas}` },
          ews: { internal: `https://mail.o365info.com${ews}`, external: `https://mail.o365info.com${ews}` },
          oab: { internal: `https://mail.o365info.com${oab}`, external: `https://mail.o365info.com${oab}` },
          "mapi-http": { internal: "https://mail.o365info.com/mapi", external: "https://mail.o365info.com/mapi" },
          pop3: { internal: "mail.o365info.com:995", external: "mail.o365info.com:995" },
          imap4: { internal: "mail.o365info.com:993", external: "mail.o365info.com:993" },
        },
        outlookAnywhere: { enabled: true, externalHostname: "mail.o365info.com", internalHostname: "mail.o365info.com", clientAuth: "ntlm", iisAuth: ["ntlm", "basic"] },
        auth: { owa: ["forms"], ecp: ["forms"] },
      },
      { name: "NY-MBX2013", fqdn: "ny-mbx2013.o365info.local", version: 2013, build: "CU12", roles: ["mailbox"], site: "New York" },
      {
        name: "NY-CAS2007",
        fqdn: "ny-cas2007.o365info.local",
        version: 2007,
        build: "SP3 RU10",
        roles: ["cas"],
        site: "New York",
        autodiscoverInternalUri: "https://autodiscover.o365info.com/Autodiscover/Autodiscover.xml",
        urls: {
          owa: { internal: "https://legacy.mail.o365info.com/owa", external: "https://legacy.mail.o365info.com/owa" },
          // Microsoft's 2013 guidance (EAS-4): the 2007 EAS ExternalUrl names the primary name, so devices stay on CAS 2013.
          activesync: { internal: `https://ny-cas2007.o365info.local${eas}`, external: `https://mail.o365info.com${eas}` },
          ews: { internal: `https://legacy.mail.o365info.com${ews}`, external: `https://legacy.mail.o365info.com${ews}` },
          oab: { internal: `https://legacy.mail.o365info.com${oab}`, external: `https://legacy.mail.o365info.com${oab}` },
          pop3: { internal: "ny-cas2007.o365info.local:995" },
          imap4: { internal: "ny-cas2007.o365info.local:993" },
        },
        outlookAnywhere: { enabled: true, externalHostname: "mail.o365info.com", clientAuth: "ntlm", iisAuth: ["ntlm", "basic"], rpcProxyInstalled: true },
        auth: { owa: ["forms"] },
      },
      { name: "NY-MBX2007", fqdn: "ny-mbx2007.o365info.local", version: 2007, build: "SP3 RU10", roles: ["mailbox"], site: "New York" },
      {
        name: "LA-CAS2007",
        fqdn: "la-cas2007.o365info.local",
        version: 2007,
        build: "SP3 RU10",
        roles: ["cas"],
        site: "Los Angeles",
        autodiscoverInternalUri: "https://autodiscover.o365info.com/Autodiscover/Autodiscover.xml",
        urls: {
          owa: { internal: "https://la-cas2007.o365info.local/owa" },
          activesync: { internal: `https://la-cas2007.o365info.local${eas}` },
          ews: { internal: `https://la-cas2007.o365info.local${ews}` },
          oab: { internal: `https://la-cas2007.o365info.local${oab}` },
          pop3: { internal: "la-cas2007.o365info.local:995" },
          imap4: { internal: "la-cas2007.o365info.local:993" },
        },
        outlookAnywhere: { enabled: true, externalHostname: "mail.o365info.com", clientAuth: "ntlm", iisAuth: ["ntlm", "basic"], rpcProxyInstalled: true },
        auth: { owa: ["forms"] },
      },
      { name: "LA-MBX2007", fqdn: "la-mbx2007.o365info.local", version: 2007, build: "SP3 RU10", roles: ["mailbox"], site: "Los Angeles" },
      {
        name: "MAD-CAS2007",
        fqdn: "mad-cas2007.o365info.local",
        version: 2007,
        build: "SP3 RU10",
        roles: ["cas"],
        site: "Madrid",
        autodiscoverInternalUri: "https://autodiscover.o365info.com/Autodiscover/Autodiscover.xml",
        urls: {
          owa: { internal: "https://europe.mail.o365info.com/owa", external: "https://europe.mail.o365info.com/owa" },
          activesync: { internal: `https://mad-cas2007.o365info.local${eas}`, external: `https://europe.mail.o365info.com${eas}` },
          ews: { internal: `https://europe.mail.o365info.com${ews}`, external: `https://europe.mail.o365info.com${ews}` },
          oab: { internal: `https://europe.mail.o365info.com${oab}`, external: `https://europe.mail.o365info.com${oab}` },
          pop3: { internal: "mad-cas2007.o365info.local:995" },
          imap4: { internal: "mad-cas2007.o365info.local:993" },
        },
        outlookAnywhere: { enabled: true, externalHostname: "mail.o365info.com", clientAuth: "ntlm", iisAuth: ["ntlm", "basic"], rpcProxyInstalled: true },
        auth: { owa: ["forms"] },
      },
      { name: "MAD-MBX2007", fqdn: "mad-mbx2007.o365info.local", version: 2007, build: "SP3 RU10", roles: ["mailbox"], site: "Madrid" },
    ],
    namespaces: [
      { host: "mail.o365info.com", servers: ["NY-CAS2013"] },
      { host: "autodiscover.o365info.com", servers: ["NY-CAS2013"] },
      { host: "legacy.mail.o365info.com", servers: ["NY-CAS2007"] },
      { host: "europe.mail.o365info.com", servers: ["MAD-CAS2007"] },
    ],
    users: [
      { name: "alice", mailbox: "NY-MBX2007" },
      { name: "bob", mailbox: "LA-MBX2007" },
      { name: "carmen", mailbox: "MAD-MBX2007" },
      { name: "dave", mailbox: "NY-MBX2013" },
    ],
  },
  scenarios: {
    "activesync-new-york": { title: "ActiveSync scenario 1: 2007 mailbox in New York", scenario: { user: "alice", protocol: "activesync", client: "external", host: "mail.o365info.com" } },
    "activesync-los-angeles": { title: "ActiveSync scenario 2: 2007 mailbox in the Los Angeles intranet site", scenario: { user: "bob", protocol: "activesync", client: "external", host: "mail.o365info.com" } },
    "activesync-madrid": { title: "ActiveSync scenario 3, option A: Madrid user connects to mail.o365info.com", scenario: { user: "carmen", protocol: "activesync", client: "external", host: "mail.o365info.com" } },
    "activesync-madrid-regional": { title: "ActiveSync scenario 3, option B: Madrid user connects to europe.mail.o365info.com", scenario: { user: "carmen", protocol: "activesync", client: "external", host: "europe.mail.o365info.com" } },
    "ews-internal": { title: "EWS scenario 1: internal Outlook, 2007 mailbox in New York", scenario: { user: "alice", protocol: "ews", client: "internal" } },
    "ews-external": { title: "EWS scenario 2: external EWS client, 2007 mailbox in New York", scenario: { user: "alice", protocol: "ews", client: "external", host: "mail.o365info.com" } },
  },
};
