/**
 * Words for servers and clients, as the article writes them: "the New York public-facing
 * CAS 2013", "the Los Angeles Exchange 2007 Mailbox server", "the mobile client".
 */
import { internetFacing, type Model } from "./index.ts";
import type { ClientLocation, Protocol, Server } from "../types.ts";
import { rank } from "../versions.ts";

/** "CAS 2013", "Mailbox 2007", "Exchange 2016" (multi-role front end), "CAS+Mailbox 2010". */
export function roleShort(s: Server): string {
  if (rank(s.version) >= 2016) return `Exchange ${s.version}`;
  const cas = s.roles.includes("cas");
  const mbx = s.roles.includes("mailbox");
  return `${cas && mbx ? "CAS+Mailbox" : cas ? "CAS" : "Mailbox"} ${s.version}`;
}

function roleLong(s: Server): string {
  if (rank(s.version) >= 2016) return `Exchange ${s.version} server`;
  if (s.roles.includes("cas") && s.roles.includes("mailbox")) return `Exchange ${s.version} CAS/Mailbox server`;
  return s.roles.includes("cas") ? `CAS ${s.version}` : `Exchange ${s.version} Mailbox server`;
}

/** "the New York public-facing CAS 2013" (public-facing: its site is Internet-facing for the protocol). */
export function serverPhrase(m: Model, s: Server, protocol: Protocol): string {
  const facing = s.roles.includes("cas") || rank(s.version) >= 2016 ? internetFacing(m, s.site, protocol) : false;
  return `the ${s.site} ${facing ? "public-facing " : ""}${roleLong(s)} (${s.name})`;
}

const CLIENTS: Record<Protocol, string> = {
  autodiscover: "Outlook",
  "outlook-anywhere": "Outlook",
  "mapi-http": "Outlook",
  "rpc-tcp": "Outlook",
  owa: "the browser",
  ecp: "the browser",
  activesync: "the mobile (ActiveSync) client",
  ews: "the EWS client (Outlook)",
  oab: "Outlook",
  pop3: "the POP3 client",
  imap4: "the IMAP4 client",
};

/** "the external mobile (ActiveSync) client", "internal Outlook". */
export function clientPhrase(protocol: Protocol, client: ClientLocation): string {
  const base = CLIENTS[protocol];
  return base.startsWith("the ") ? `the ${client} ${base.slice(4)}` : `${client} ${base}`;
}

export function clientLabel(protocol: Protocol, client: ClientLocation): string {
  const base = CLIENTS[protocol].replace(/^the /, "");
  return `${client === "external" ? "External" : "Internal"} ${base}`;
}

export const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
