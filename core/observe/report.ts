/**
 * Observed flows: Exchange's HttpProxy logs read against the design. A front end (Exchange 2013
 * or later) writes one CSV line per request it proxied or answered; this stage reads those lines
 * in chunks (`createObserver().file(name).feed(...)`), groups them by protocol, user, front end
 * and back end, and routes the same user and protocol through the topology to say, per group,
 * whether the servers the log names are the ones the design puts on the path.
 */
import { buildModel, type Model } from "../model/index.ts";
import { CLIENTS, type ClientLocation, type Flow, PROTOCOLS, type Protocol, type Topology } from "../types.ts";
import { type Design, designOf } from "./design.ts";
import { judge, type Expected, type Verdict } from "./compare.ts";
import { type Names, namesOf } from "./names.ts";
import { LogFile, type ReaderSink, type Skipped } from "./reader.ts";
import { MAX_CLIENTS, type RawGroup, Tally } from "./tally.ts";
import { versionOfBuild } from "./versions.ts";

export type { Skipped } from "./reader.ts";
export type { Expected, Verdict } from "./compare.ts";
export type { Names } from "./names.ts";
export { LogFile } from "./reader.ts";

/** Skipped lines listed one by one; the total is always counted. */
export const MAX_SKIPPED_LISTED = 1000;

export interface ObservedPath {
  /** exflow's protocol name, or HttpProxy's (`PowerShell`) when exflow has none. */
  protocol: string;
  /** As the log's Protocol column (or folder) names it. */
  logProtocol: string;
  user: string;
  frontEnd: string;
  /** The back end the front end proxied to; null when it answered without one (a redirect, an error). */
  target: string | null;
  /** From the URL host: a name published to the Internet means external. */
  client: ClientLocation;
  host: string | null;
  count: number;
  /** HttpStatus -> requests. */
  statuses: Record<string, number>;
  verdict: Verdict;
  expected: Expected | null;
  /** The hop that differs from the design. */
  hop?: "frontEnd" | "target";
  reason: string;
  /** Distinct client addresses (a floor when `clientsCapped`), and the most frequent few. */
  clients: number;
  clientsCapped?: true;
  clientAddresses: { address: string; count: number }[];
  /** TargetServerVersion values the log wrote, when they contradict the topology's version of the back end. */
  versionMismatch?: string;
}

export interface ObservedReport {
  requests: number;
  files: { name: string; lines: number; requests: number }[];
  skipped: Skipped[];
  /** Every skipped line; `skipped` lists the first MAX_SKIPPED_LISTED. */
  skippedTotal: number;
  paths: ObservedPath[];
  /** Requests per verdict. */
  summary: Record<Verdict, number>;
  /** HttpProxy services exflow has no protocol for, with their request counts. */
  unsupported: { protocol: string; requests: number }[];
  /** The topology's name, when one was given. */
  topology?: string;
}

/** What the design says for one request: the routed flow, or undefined when it is not known (yet). */
export type FlowSource = (m: Model, names: Names, want: DesignRequest) => Flow | undefined;

export interface DesignRequest {
  user: string;
  protocol: Protocol;
  client: ClientLocation;
  /** The logged URL host when the topology knows it. */
  host: string | null;
}

export interface Observer {
  /** A reader for one file; feed it chunks in order, then call end(). */
  file(name: string): LogFile;
  /** The groups so far, judged against `topology` (without one, every verdict is unknown). */
  report(topology?: Topology): ObservedReport;
}

/** The reader and the comparison, with the designed flows from `flows` (core/observe/routed.ts, or an API). */
export function createObserverWith(flows: FlowSource): Observer {
  const tally = new Tally();
  const skipped: Skipped[] = [];
  const files: LogFile[] = [];
  let skippedTotal = 0;
  const sink: ReaderSink = {
    request: (v, f) => tally.add(v, f.folder),
    skip: (s) => {
      skippedTotal++;
      if (skipped.length < MAX_SKIPPED_LISTED) skipped.push(s);
    },
  };
  return {
    file(name) {
      const f = new LogFile(name, sink);
      files.push(f);
      return f;
    },
    report(topology) {
      const paths = judgeAll(tally.groups, topology, flows);
      const summary: Record<Verdict, number> = { differs: 0, unknown: 0, matches: 0 };
      for (const p of paths) summary[p.verdict] += p.count;
      const unsupported = new Map<string, number>();
      for (const g of tally.groups.values()) if (!g.exflow) unsupported.set(g.log, (unsupported.get(g.log) ?? 0) + g.count);
      return {
        requests: tally.requests,
        files: files.map((f) => ({ name: f.name, lines: f.lines, requests: f.requests })),
        skipped: [...skipped],
        skippedTotal,
        paths,
        summary,
        unsupported: [...unsupported].map(([protocol, requests]) => ({ protocol, requests })).sort(byCountThenName),
        ...(topology?.name ? { topology: topology.name } : {}),
      };
    },
  };
}

/** Convenience for whole texts (tests, small inputs): every file read, then the report. */
export function observeLogsWith(
  flows: FlowSource,
  files: { name: string; text: string | Uint8Array }[],
  topology?: Topology,
): ObservedReport {
  const o = createObserverWith(flows);
  for (const f of files) {
    const r = o.file(f.name);
    r.feed(f.text);
    r.end();
  }
  return o.report(topology);
}

const byCountThenName = (a: { protocol: string; requests: number }, b: { protocol: string; requests: number }) =>
  b.requests - a.requests || (a.protocol < b.protocol ? -1 : a.protocol > b.protocol ? 1 : 0);

interface Merged {
  path: ObservedPath;
  statuses: Map<string, number>;
  clients: Map<string, number>;
  capped: boolean;
  versions: Set<string>;
  exflow: Protocol | null;
  userKnown: boolean;
  probe: boolean;
  frontEndKnown: boolean;
  targetKnown: boolean;
}

function judgeAll(groups: Map<string, RawGroup>, topology: Topology | undefined, flows: FlowSource): ObservedPath[] {
  const m = topology ? buildModel(topology) : undefined;
  const names = m ? namesOf(m) : undefined;
  const merged = new Map<string, Merged>();
  for (const g of groups.values()) {
    const user = names?.user(g.authenticated, g.anchor) ?? {
      name: g.authenticated || g.anchor || "(anonymous)",
      known: false,
      probe: false,
    };
    const fe = names?.server(g.frontEnd);
    const target = g.target ? (names?.server(g.target) ?? g.target.toLowerCase()) : null;
    const client = names?.location(g.host) ?? "internal";
    const exflow = (g.exflow as Protocol | null) ?? null;
    const frontEnd = fe ?? g.frontEnd;
    const host = g.host || null;
    const key = [g.log.toLowerCase(), user.name, frontEnd, target ?? "", client, host ?? ""].join("\u001f");
    let x = merged.get(key);
    if (!x) {
      x = {
        path: {
          protocol: exflow ?? g.log,
          logProtocol: g.log,
          user: user.name,
          frontEnd,
          target,
          client,
          host,
          count: 0,
          statuses: {},
          verdict: "unknown",
          expected: null,
          reason: "",
          clients: 0,
          clientAddresses: [],
        },
        statuses: new Map(),
        clients: new Map(),
        capped: false,
        versions: new Set(),
        exflow,
        userKnown: user.known,
        probe: user.probe,
        frontEndKnown: !!fe,
        targetKnown: !g.target || !!names?.server(g.target),
      };
      merged.set(key, x);
    }
    x.path.count += g.count;
    for (const [s, n] of g.statuses) x.statuses.set(s, (x.statuses.get(s) ?? 0) + n);
    for (const [a, n] of g.clients) x.clients.set(a, (x.clients.get(a) ?? 0) + n);
    if (g.clients.size >= MAX_CLIENTS) x.capped = true;
    for (const v of g.versions) x.versions.add(v);
  }
  const designs = new Map<string, Design | null>();
  const out: ObservedPath[] = [];
  for (const x of merged.values()) {
    const p = x.path;
    p.statuses = Object.fromEntries([...x.statuses].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    p.clients = x.clients.size;
    if (x.capped) p.clientsCapped = true;
    p.clientAddresses = [...x.clients]
      .sort(([a, n], [b, k]) => k - n || (a < b ? -1 : a > b ? 1 : 0))
      .slice(0, 5)
      .map(([address, count]) => ({ address, count }));
    const judged = verdictOf(m, names, x, designs, flows);
    let versionMismatch: string | undefined;
    if (m && p.target && x.targetKnown) {
      const server = m.servers.get(p.target);
      const logged = [...x.versions].filter((v) => server && versionOfBuild(v) !== undefined && versionOfBuild(v) !== server.version);
      if (server && logged.length)
        versionMismatch = `the log says ${p.target} runs ${logged.join(", ")}; the topology says Exchange ${server.version}`;
    }
    // Keys in reading order: what was observed, the verdict and why, then the detail.
    out.push({
      protocol: p.protocol,
      logProtocol: p.logProtocol,
      user: p.user,
      frontEnd: p.frontEnd,
      target: p.target,
      client: p.client,
      host: p.host,
      count: p.count,
      statuses: p.statuses,
      verdict: judged.verdict,
      ...(judged.hop ? { hop: judged.hop } : {}),
      expected: judged.expected,
      reason: judged.reason,
      ...(versionMismatch ? { versionMismatch } : {}),
      clients: p.clients,
      ...(p.clientsCapped ? { clientsCapped: true as const } : {}),
      clientAddresses: p.clientAddresses,
    });
  }
  return out.sort(pathOrder);
}

function verdictOf(
  m: Model | undefined,
  names: Names | undefined,
  x: Merged,
  designs: Map<string, Design | null>,
  flows: FlowSource,
): Pick<ObservedPath, "verdict" | "expected" | "hop" | "reason"> {
  const p = x.path;
  const unknown = (reason: string) => ({ verdict: "unknown" as const, expected: null, reason });
  if (!m || !names) return unknown("no topology to compare with");
  if (!x.exflow) return unknown(`exflow has no protocol for HttpProxy's ${p.logProtocol}`);
  if (!x.userKnown)
    return unknown(
      x.probe
        ? `${p.user} is a health mailbox (Exchange's own monitoring probes), not a user of the topology`
        : `user ${p.user} is not in the topology`,
    );
  if (!x.frontEndKnown) return unknown(`front end ${p.frontEnd} is not a server of the topology`);
  if (!x.targetKnown) return unknown(`back end ${p.target} is not a server of the topology`);
  const statuses = new Map(Object.entries(p.statuses));
  const judgeAt = (client: ClientLocation) => {
    const key = `${p.user}\u001f${x.exflow}\u001f${client}\u001f${p.host ?? ""}`;
    let d = designs.get(key);
    if (d === undefined) {
      const host = p.host ? (names.knownHost(p.host) ?? null) : null;
      const flow = flows(m, names, { user: p.user, protocol: x.exflow as Protocol, client, host });
      d = flow ? designOf(m, flow) : null;
      designs.set(key, d);
    }
    if (!d) return { verdict: "unknown" as const, expected: null, reason: "the designed flow is not available" };
    return judge(m, d, p.frontEnd, p.target, statuses);
  };
  if (p.host) return judgeAt(p.client);
  // No URL host (Exchange 2013's header has no UrlHost column): the location is unknown, so the
  // path matches when either location's design explains it; it is reported with that location.
  for (const client of CLIENTS) {
    const j = judgeAt(client);
    if (j.verdict === "matches") {
      p.client = client;
      return { ...j, reason: `${j.reason} (no URL host in the log: judged as an ${client} client)` };
    }
  }
  const j = judgeAt(p.client);
  return { ...j, reason: `${j.reason} (no URL host in the log: neither an internal nor an external client's design explains it)` };
}

const VERDICT_ORDER: Record<Verdict, number> = { differs: 0, unknown: 1, matches: 2 };
const protocolRank = (p: string) => {
  const i = (PROTOCOLS as readonly string[]).indexOf(p);
  return i < 0 ? PROTOCOLS.length : i;
};
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Differing paths first, then unknown, then matching; within each by protocol, most requests first, then by name. */
function pathOrder(a: ObservedPath, b: ObservedPath): number {
  return (
    VERDICT_ORDER[a.verdict] - VERDICT_ORDER[b.verdict] ||
    protocolRank(a.protocol) - protocolRank(b.protocol) ||
    cmp(a.protocol, b.protocol) ||
    b.count - a.count ||
    cmp(a.user, b.user) ||
    cmp(a.frontEnd, b.frontEnd) ||
    cmp(a.target ?? "", b.target ?? "") ||
    cmp(a.client, b.client) ||
    cmp(a.host ?? "", b.host ?? "")
  );
}
