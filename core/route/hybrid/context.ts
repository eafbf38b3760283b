/**
 * What every hybrid flow builder shares: the model, the hybrid block, the trail, and the hop
 * shapes that recur (through a load balancer to a front end; the answer back along a path).
 */
import { capitalise } from "../../model/describe.ts";
import type { Model } from "../../model/index.ts";
import type { ClientLocation, Hybrid, Protocol, Server, User } from "../../types.ts";
import type { Door } from "../../model/places.ts";
import type { Guard, HybridTrail } from "./trail.ts";

export interface HCtx {
  m: Model;
  h: Hybrid;
  t: HybridTrail;
  user: User;
  protocol: Protocol;
  client: ClientLocation;
}

/** Guards of the load balancer hop of a door: the EP/TLS conflicts of that namespace (HX-04, HX-05). */
export function lbGuards(d: Door, extra: Guard[] = []): Guard[] {
  if (d.nsIndex === undefined) return extra;
  const at = ["topology", "namespaces", d.nsIndex];
  return [{ code: "HX-04", at }, { code: "HX-05", at }, ...extra];
}

export interface EnterOptions {
  url: string;
  rule: string;
  /** Text of the first hop (the caller's words: "connects to", "sends an Autodiscover request to"). */
  what: string;
  kind?: "connect" | "autodiscover" | "proxy" | "smtp";
  /** Number the load balancer's pass-through hop (the reference does in F-1, F-2, F-3, F-5, F-8, F-11). */
  lbNumbered?: boolean;
  /** Guards of the first hop (e.g. pre-authentication, certificate). */
  guard?: Guard[];
  /** Guards of the hop that reaches the front end (e.g. MRSProxy disabled). */
  feGuard?: Guard[];
  /** Words for what the front end does (the load balancer's hop text). */
  purpose?: string;
}

/** `from` reaches the front end behind `d`: through its load balancer when the namespace has one. Returns the path of participant ids. */
export function enter(c: HCtx, from: string, d: Door, o: EnterOptions): string[] {
  const t = c.t;
  const fe = t.server(d.fe);
  const kind = o.kind ?? "connect";
  const lb = d.ns?.lb;
  const others = d.others.length
    ? ` (it could as well pick ${d.others.map((s) => s.name).join(", ")}; the engine draws the newest version, then by name)`
    : "";
  if (lb) {
    const id = t.lb(d.host, lb.tls);
    if (!t.hop(from, id, kind, o.rule, `${o.what} the load balancer of ${d.host} at ${o.url}.`, { url: o.url, guard: o.guard }))
      return [from, id];
    t.hop(
      id,
      fe,
      kind === "smtp" ? "smtp" : "proxy",
      o.rule,
      `The load balancer (TLS ${lb.tls}) passes the request to ${d.fe.name}${others}${o.purpose ? `, ${o.purpose}` : ""}.`,
      { unnumbered: !o.lbNumbered, guard: lbGuards(d, o.feGuard) },
    );
    return [from, id, fe];
  }
  t.hop(from, fe, kind, o.rule, `${o.what} ${d.fe.name} (${d.host}) at ${o.url}${others}.`, {
    url: o.url,
    guard: [...(o.guard ?? []), ...(o.feGuard ?? [])],
  });
  return [from, fe];
}

/** The answer travels back along `path` (last to first): a `fetch` from the mailbox server, then `respond`s. */
export function back(c: HCtx, path: string[], rule: string, mailbox?: Server, what = "the answer"): void {
  for (let i = path.length - 1; i > 0; i--) {
    const from = path[i] as string;
    const to = path[i - 1] as string;
    // A fetch is the mailbox server's answer to the front end that proxied to it; answers to anyone else are responses.
    if (mailbox && from === mailbox.name && i === path.length - 1 && c.m.servers.has(to))
      c.t.hop(from, to, "fetch", rule, `${from} reads the mailbox data and sends it back to ${to}.`);
    else c.t.hop(from, to, "respond", rule, `${capitalise(label(from))} returns ${what} to ${label(to)}.`);
  }
}

const NAMES: Record<string, string> = {
  client: "the client",
  exo: "Exchange Online",
  "exo-mrs": "Exchange Online MRS",
  "app-proxy": "the App Proxy",
  "hybrid-agent": "the Hybrid Agent",
  autodetect: "AutoDetect",
};
const label = (id: string): string => NAMES[id] ?? (id.startsWith("lb:") ? `the load balancer of ${id.slice(3)}` : id);
