/**
 * A flow under construction: actions append hops in order; route.ts numbers them once at the end.
 * The helpers here write the article's recurring shapes (a proxy chain out to the mailbox and
 * the answer travelling back the same way) so that every action reads as a list of decisions.
 */
import { capitalise, clientPhrase, serverPhrase } from "../model/describe.ts";
import type { Model } from "../model/index.ts";
import type { ClientLocation, Diagnostic, Note, Outcome, Protocol, Server, Step } from "../types.ts";

export type Hop = Omit<Step, "n"> & { numbered: boolean };

export interface Trail {
  m: Model;
  protocol: Protocol;
  client: ClientLocation;
  hops: Hop[];
  /** Set by the action that decides it; route.ts refuses a flow left without one (P2: no default outcome). */
  outcome: Outcome | undefined;
  notes: Note[];
  diagnostics: Diagnostic[];
  /** The o365info profile may stop where the article's figures stop (EWS scenario 1); no other flow may. */
  articleStop?: boolean;
}

export function newTrail(m: Model, protocol: Protocol, client: ClientLocation): Trail {
  return { m, protocol, client, hops: [], outcome: undefined, notes: [], diagnostics: [] };
}

type End = Server | "client";

const id = (e: End) => (e === "client" ? "client" : e.name);

export function phrase(t: Trail, e: End): string {
  return e === "client" ? clientPhrase(t.protocol, t.client) : serverPhrase(t.m, e, t.protocol);
}

export function add(
  t: Trail,
  from: End | "ad",
  to: End | "ad",
  kind: Step["kind"],
  rule: string,
  text: string,
  url?: string,
  numbered = true,
): boolean {
  const hop: Hop = { from: from === "ad" ? "ad" : id(from), to: to === "ad" ? "ad" : id(to), kind, text, rule, numbered };
  if (url !== undefined) hop.url = url;
  // A server holding several roles (CAS and Mailbox on one 2010 box) hands the request to its own
  // role internally: no arrow from a participant to itself.
  if (hop.from === hop.to && hop.from !== "client") return false;
  t.hops.push(hop);
  return true;
}

export function connect(t: Trail, fe: Server, url: string, rule: string, autodiscover = false): void {
  const who = capitalise(phrase(t, "client"));
  const text = autodiscover
    ? `${who} sends an Autodiscover request to ${phrase(t, fe)} at ${url}.`
    : `${who} connects to ${phrase(t, fe)} at ${url} and sends the user's credentials.`;
  add(t, "client", fe, autodiscover ? "autodiscover" : "connect", rule, text, url);
}

/** The AD lookup: unnumbered, as in the article's figures. */
export function lookup(t: Trail, fe: Server, mbx: Server, rule: string): void {
  const text = [
    `${capitalise(phrase(t, fe))} looks the user up in Active Directory: the mailbox is on Exchange`,
    `${mbx.version} (${mbx.name}) in site ${mbx.site}.`,
  ].join(" ");
  add(t, fe, "ad", "lookup", rule, text, undefined, false);
}

export interface Leg {
  to: Server;
  url?: string;
  /** How the request travels, e.g. "over RPC" (CAS to its Mailbox server). */
  how?: string;
  /** A CAS talking MAPI/RPC to its Mailbox server is a connection, not an HTTP proxy (the o365info profile draws the article's proxy). */
  rpc?: boolean;
}

/**
 * Forward the request from `start` along `legs`, then walk the answer back to the client.
 * The last server's reply is a `fetch` when it holds the mailbox, else a `respond`.
 */
export function proxyChain(t: Trail, start: Server, legs: Leg[], rule: string, mailbox: Server, replyRule = rule): void {
  let at: Server = start;
  for (const leg of legs) {
    const via = leg.url ? ` using ${leg.url}` : leg.how ? ` ${leg.how}` : "";
    if (leg.rpc)
      add(t, at, leg.to, "connect", rule, `${capitalise(phrase(t, at))} opens the mailbox on ${phrase(t, leg.to)}${via} (MAPI).`);
    else
      add(
        t,
        at,
        leg.to,
        "proxy",
        rule,
        `${capitalise(phrase(t, at))} proxies the request and the user's credentials to ${phrase(t, leg.to)}${via}.`,
        leg.url,
      );
    at = leg.to;
  }
  const path = [start, ...legs.map((l) => l.to)];
  answerBack(t, path, mailbox, replyRule);
}

/** The answer travels back along `path` (last to first) and then to the client. */
export function answerBack(t: Trail, path: Server[], mailbox: Server, rule: string): void {
  for (let i = path.length - 1; i >= 0; i--) {
    const from = path[i] as Server;
    const to: End = i === 0 ? "client" : (path[i - 1] as Server);
    if (from === mailbox && to !== "client" && t.protocol !== "autodiscover")
      add(t, from, to, "fetch", rule, `${capitalise(phrase(t, from))} fetches the mailbox content and sends it back to ${phrase(t, to)}.`);
    else if (to === "client") add(t, from, to, "respond", rule, `${capitalise(phrase(t, from))} returns the answer to ${phrase(t, to)}.`);
    else add(t, from, to, "respond", rule, `${capitalise(phrase(t, from))} passes the answer back to ${phrase(t, to)}.`);
  }
}

/** The hop where a flow breaks: drawn as a crossed arrow, with the reason as its text. */
export function breakAt(t: Trail, from: End, to: End, rule: string, why: string, diagnostic: Diagnostic, url?: string): void {
  const drawn = add(t, from, to, from === "client" ? "connect" : "proxy", rule, why, url);
  const last = t.hops[t.hops.length - 1] as Hop;
  if (!drawn) last.text = `${last.text} ${why}`;
  last.fails = true;
  t.outcome = "fail";
  t.diagnostics.push(diagnostic);
}
