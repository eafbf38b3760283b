/**
 * The one catalogue of codes that can appear in output: DX-* (misconfigurations of the topology,
 * the `config` rows of docs/rules.md, plus DX-20) and RT-* (what happened to one flow). Each code is
 * defined here once, with the explanation reports print next to it (audit Markdown, README).
 * Rows in rules.ts, actions and diagnostics name codes by the `Code` type, so a code that is not
 * in this table does not type-check.
 */
import { HYBRID_CODES } from "./hybrid-codes.ts";

export interface CodeInfo {
  /** A few words, for tables. */
  title: string;
  /** What it means for the client and what to change, for an admin reading a report. */
  explanation: string;
}

export const CODES = {
  "DX-01": {
    title: "No legacy CAS in a mailbox site",
    explanation:
      "A site holds Exchange 2007/2010 mailboxes but no Client Access server of that version: the newer front end has nothing in that site to proxy to, so those mailboxes cannot be reached. Add a CAS of the mailbox's version to the site.",
  },
  "DX-02": {
    title: "Legacy name unreachable",
    explanation:
      "Exchange 2007 mailboxes need a legacy name (published outside) that lands on a CAS 2007: OWA is redirected there and Autodiscover hands out its EWS and OAB URLs. Without it those requests fail outside the network.",
  },
  "DX-03": {
    title: "Name missing from the certificate",
    explanation:
      "A name clients use is not on the certificate of the servers it lands on: clients warn or refuse to connect. Add the name to the certificate (and to any publishing device).",
  },
  "DX-04": {
    title: "No 2007 OWA redirect target",
    explanation:
      "Exchange 2013 or later never proxies OWA to 2007, it redirects to a CAS 2007's OWA URL; with that URL empty or pointing back at the newer servers, OWA fails for 2007 mailboxes.",
  },
  "DX-05": {
    title: "Outlook Anywhere off on a legacy CAS",
    explanation:
      "Exchange 2013 or later proxies Outlook's HTTP connections to the legacy CAS's /rpc; with Outlook Anywhere disabled there, Outlook Anywhere fails for that site's legacy mailboxes (and 2010 Autodiscover answers can lack the OAB URL).",
  },
  "DX-06": {
    title: "RPC over HTTP proxy missing",
    explanation:
      "Outlook Anywhere is enabled on a legacy CAS whose Windows 'RPC over HTTP Proxy' feature is not installed: /rpc does not answer, so Outlook Anywhere through it fails.",
  },
  "DX-07": {
    title: "Legacy /rpc without NTLM",
    explanation:
      "Exchange 2013 or later authenticates to a legacy CAS's /rpc with NTLM when it proxies; without NTLM in the IIS authentication of /rpc, Outlook prompts for credentials forever.",
  },
  "DX-08": {
    title: "Legacy OA host name differs",
    explanation:
      "A legacy CAS's Outlook Anywhere ExternalHostname is not the name on Exchange 2013 or later: Autodiscover steers its users around the newer servers, which works only while the old name stays published.",
  },
  "DX-09": {
    title: "CAS array name lands on 2013 or later",
    explanation:
      "The RpcClientAccessServer of Exchange 2010 databases resolves to Exchange 2013 or later, which takes no RPC/TCP: internal Outlook for those mailboxes fails.",
  },
  "DX-10": {
    title: "No OAB assigned",
    explanation:
      "A legacy mailbox database has no offline address book assigned: it falls back to the default OAB of Exchange 2013 or later and, with Outlook Anywhere off on 2010, the Autodiscover answer has no OAB URL.",
  },
  "DX-11": {
    title: "Legacy Autodiscover SCP",
    explanation:
      "A legacy CAS's Autodiscover SCP does not point at a name on Exchange 2013 or later: domain-joined Outlook may ask the legacy Autodiscover first.",
  },
  "DX-12": {
    title: "ActiveSync 451 across sites",
    explanation:
      "A legacy front end answers devices of another site's mailboxes with HTTP 451 to that site's ActiveSync URL; devices on EAS 12.1 or older may not follow it (fixed in Exchange 2010 SP2 RU6, KB 2751417).",
  },
  "DX-13": {
    title: "2007 ActiveSync URL on the legacy name",
    explanation:
      "The 2007 ActiveSync ExternalUrl names the legacy name: Autodiscover hands it to devices, which then bypass Exchange 2013 or later. Microsoft's guidance is the primary name.",
  },
  "DX-14": {
    title: "Cross-site OWA redirect not silent",
    explanation:
      "A cross-site OWA/ECP redirect is a link page and a second sign-in, not silent: forms-based authentication is missing at one end, or (Exchange 2010) CrossSiteRedirectType is Manual.",
  },
  "DX-15": {
    title: "ECP redirect loop (2016 or later)",
    explanation:
      "ECP ExternalUrls set in several sites make Exchange 2016 or later redirect cross-site ECP requests in a loop until HTTP 400 'query string too long'. Clear the ECP ExternalUrl of all but one site.",
  },
  "DX-16": {
    title: "Mailbox recently moved",
    explanation:
      "For about 30 minutes after a move from 2010, OWA may report the mailbox as being moved or show the old interface (stale cookies).",
  },
  "DX-17": {
    title: "Unbalanced proxying (2013 < CU12)",
    explanation: "Before CU12, Exchange 2013 spreads its proxying to legacy CAS unevenly: most load lands on one server.",
  },
  "DX-18": {
    title: "Coexistence floor not met",
    explanation:
      "A server's service level is below what coexistence requires (2007 SP3 RU10 and 2010 SP3 with 2013; 2010 SP3 RU11 and 2013 CU10 with 2016; 2013 CU21 and 2016 CU11 with 2019): unsupported, and proxying between the versions may fail.",
  },
  "DX-19": {
    title: "Negotiate for Outlook Anywhere",
    explanation: "Microsoft advises against Negotiate for Outlook Anywhere while Exchange 2007/2010 servers remain.",
  },
  "DX-20": {
    title: "URL host unknown",
    explanation:
      "A URL in the topology names a host that is neither a namespace nor a server's FQDN, so exflow cannot tell where it lands and flows that need it fail. Add the namespace, or the server's fqdn.",
  },
  "DX-21": {
    title: "Authentication on a service without a virtual directory",
    explanation:
      "IIS authentication was given for RPC/TCP, POP3 or IMAP4, which have no IIS virtual directory: it changes no flow, and exflow says so instead of ignoring it silently.",
  },
  "RT-HOST": {
    title: "Host leads nowhere",
    explanation:
      "The host name the client uses (given, or what the topology hands it) is not published for this client location, or lands on no client-access server: the client cannot reach Exchange.",
  },
  "RT-USER": { title: "Unknown user", explanation: "The scenario's user is not in the topology, or the mailbox server is unknown." },
  "RT-NA": {
    title: "Not offered",
    explanation:
      "The combination does not exist (for example MAPI/HTTP for a 2007/2010 mailbox, RPC/TCP from the Internet, POP3 in an organisation that publishes no POP3): the flow is n/a, with the row and the fallback the client uses.",
  },
  "RT-VERSION": {
    title: "Older server, newer mailbox",
    explanation: "The client reached a server older than the mailbox, which cannot serve it and has no way to send the client on.",
  },
  "RT-TARGET": {
    title: "No next server",
    explanation:
      "The decision row needs a next server (a redirect target, an Exchange 2013 Mailbox server, a CAS in the mailbox's site) that the topology does not have, or whose name the client cannot reach (or exflow cannot place: a host that is neither a namespace nor a server FQDN; DX-20 names the fix).",
  },
  "RT-NORULE": {
    title: "No decision row",
    explanation: "No row of the decision table covers this combination of front end and mailbox version; exflow does not guess.",
  },
  "RT-POOL": {
    title: "Pool members answer differently",
    explanation:
      "The name lands on several servers (a load-balanced pool) and routing from them gives different flows: the flow shows the newest member (then by name); the message says how the others answer.",
  },
  ...HYBRID_CODES,
  "RT-INCOMPLETE": {
    title: "Flow without an end",
    explanation:
      "The engine produced a flow that neither reaches the client nor fails at a hop: a bug in exflow; please report it with the topology.",
  },
} as const satisfies Record<string, CodeInfo>;

export type Code = keyof typeof CODES;

type Catalogue = typeof CODES;
declare module "../types.ts" {
  // Diagnostic.code (types.ts) is typed as a key of this table.
  interface CodeCatalogue extends Catalogue {}
}

export const isCode = (s: string): s is Code => Object.hasOwn(CODES, s);

/** The explanation of a code; unknown codes (e.g. from another branch's rows) explain themselves as such. */
export const explain = (code: string): CodeInfo =>
  isCode(code) ? CODES[code] : { title: code, explanation: "No entry in the code catalogue." };
