/**
 * Growth bench: is any input path superlinear? Each case builds a request of size n (unknown keys,
 * long lists, many users / servers / namespaces, long names, deep nesting, broken references ...)
 * and sends it through the worker in-process (app.request) at n, 2n, 4n, ... until the request
 * passes the limits (body 256 KiB, URL 8 KiB, inflated 128 KiB, the core's list limits). For each
 * case it prints the time at every size and the growth exponent: the slope of log(time) over
 * log(request bytes) across the larger half of the sizes (1 = linear; the goal is <= 1.2). It ends
 * with the slowest request that fits under the limits (the goal: under 50 ms in-process).
 *
 * Run: npm run bench:growth [-- --filter audit] [-- --runs 5]   (node --expose-gc: a GC before each send)
 * Timing is process CPU time (user + system), the minimum of `runs` sends per size.
 */
import { deflateSync } from "node:zlib";
import { stringify } from "yaml";
import { presets, type Topology } from "../core/index.ts";
import { MAX_BODY_BYTES, MAX_URL_CHARS } from "../worker/limits.ts";
import app from "../worker/index.ts";

type Doc = Record<string, unknown>;
type Encoding = "json" | "yaml" | "url";
interface Case {
  name: string;
  route: "flow" | "audit";
  /** Query string, e.g. "?format=svg&view=map" (drawing costs grow with what is drawn). */
  query?: string;
  encoding: Encoding;
  /** The request document at size n. */
  make: (n: number) => unknown;
  start: number;
  /** Largest n worth trying (a core limit), if the byte limits do not stop it first. */
  max?: number;
}

const o365 = presets.o365info?.topology as Topology;
const SCENARIO = { user: "bob", protocol: "activesync", client: "external" };
const mailbox = o365.users[0]?.mailbox ?? "";
const keys = (n: number, prefix = "k"): Doc => Object.fromEntries(Array.from({ length: n }, (_, i) => [`${prefix}${i}`, 0]));
const range = <T>(n: number, f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));
const flowOf = (topology: Topology | Doc, scenario: Doc = SCENARIO): Doc => ({ topology, scenario });
const server = (i: number): Doc => ({
  name: `S${i}`,
  version: 2013,
  roles: ["cas", "mailbox"],
  site: o365.sites[i % o365.sites.length]?.name,
});
const deep = (n: number): unknown => {
  let v: unknown = 0;
  for (let i = 0; i < n; i++) v = [v];
  return v;
};

/** The shapes, each on the routes and encodings it applies to. */
function cases(): Case[] {
  const shapes: {
    name: string;
    make: (n: number) => unknown;
    start: number;
    max?: number;
    routes?: ("flow" | "audit")[];
    query?: string;
  }[] = [
    { name: "unknown keys at the root", make: (n) => ({ preset: "o365info", scenario: SCENARIO, ...keys(n) }), start: 500 },
    {
      name: "unknown keys in scenario",
      make: (n) => ({ preset: "o365info", scenario: { ...SCENARIO, ...keys(n) } }),
      start: 500,
      routes: ["flow"],
    },
    { name: "unknown keys in options", make: (n) => ({ preset: "o365info", scenario: SCENARIO, options: keys(n) }), start: 500 },
    {
      name: "unknown keys in a server",
      make: (n) => flowOf({ ...o365, servers: [{ ...o365.servers[0], ...keys(n) }, ...o365.servers.slice(1)] }),
      start: 500,
    },
    {
      name: "long roles list (duplicates)",
      make: (n) => flowOf({ ...o365, servers: [{ ...o365.servers[0], roles: range(n, () => "cas") }, ...o365.servers.slice(1)] }),
      start: 500,
    },
    {
      name: "long namespace server list",
      make: (n) => flowOf({ ...o365, namespaces: [{ host: "big.example.com", servers: range(n, (i) => `X${i}`) }] }),
      start: 500,
    },
    {
      name: "many users (valid)",
      make: (n) => flowOf({ ...o365, users: [...o365.users, ...range(n, (i) => ({ name: `u${i}`, mailbox }))] }),
      start: 250,
      max: 20_000,
    },
    {
      name: "many users, broken mailboxes",
      make: (n) => flowOf({ ...o365, users: [...o365.users, ...range(n, (i) => ({ name: `u${i}`, mailbox: `MBX-${i}` }))] }),
      start: 250,
    },
    {
      name: "many duplicate users",
      make: (n) => flowOf({ ...o365, users: [...o365.users, ...range(n, () => ({ name: "bob", mailbox }))] }),
      start: 250,
    },
    {
      name: "many servers (valid)",
      make: (n) => flowOf({ ...o365, servers: [...o365.servers, ...range(n, server)] }),
      start: 125,
      max: 2_000,
    },
    {
      name: "many namespaces (valid)",
      make: (n) =>
        flowOf({
          ...o365,
          namespaces: [...o365.namespaces, ...range(n, (i) => ({ host: `n${i}.o365info.com`, servers: [o365.servers[0]?.name] }))],
        }),
      start: 60,
      max: 500,
    },
    {
      name: "many servers, map SVG",
      make: (n) => flowOf({ ...o365, servers: [...o365.servers, ...range(n, server)] }),
      start: 125,
      max: 2_000,
      routes: ["flow"],
      query: "?format=svg&view=map",
    },
    {
      name: "many servers, Markdown",
      make: (n) => flowOf({ ...o365, servers: [...o365.servers, ...range(n, server)] }),
      start: 125,
      max: 2_000,
      routes: ["flow"],
      query: "?format=md",
    },
    {
      name: "many sites, map SVG",
      make: (n) => flowOf({ ...o365, sites: [...o365.sites, ...range(n, (i) => ({ name: `site${i}` }))] }),
      start: 25,
      max: 200,
      routes: ["flow"],
      query: "?format=svg&view=map",
    },
    {
      name: "many sites (valid)",
      make: (n) => flowOf({ ...o365, sites: [...o365.sites, ...range(n, (i) => ({ name: `site${i}` }))] }),
      start: 25,
      max: 200,
    },
    {
      name: "long names",
      make: (n) => flowOf({ ...o365, users: [...o365.users, { name: "x".repeat(n), mailbox: "y".repeat(n) }] }),
      start: 4096,
    },
    {
      name: "long host in scenario",
      make: (n) => ({ preset: "o365info", scenario: { ...SCENARIO, host: `${"a".repeat(n)}.example.com` } }),
      start: 4096,
      routes: ["flow"],
    },
    { name: "deep nesting", make: (n) => ({ preset: "o365info", scenario: SCENARIO, options: { x: deep(n) } }), start: 8, max: 60 },
    {
      name: "audit scope: many user names",
      make: (n) => ({
        topology: { ...o365, users: range(n, (i) => ({ name: `u${i}`, mailbox })) },
        options: { users: range(Math.min(n, 40), (i) => `u${i * 7}`) },
      }),
      start: 250,
      routes: ["audit"],
    },
    {
      name: "audit scope: patterns over many users",
      make: (n) => ({
        topology: { ...o365, users: range(n, (i) => ({ name: `u${i}`, mailbox })) },
        options: { users: ["u1*1", "*9", "u2*"], protocols: ["owa"] },
      }),
      start: 250,
      routes: ["audit"],
    },
  ];
  const out: Case[] = [];
  for (const s of shapes) {
    for (const route of s.routes ?? (["flow", "audit"] as const)) {
      for (const encoding of ["json", "yaml", "url"] as const) {
        if (route === "audit" && encoding === "url") continue; // no encoded audit route
        const make = route === "audit" ? (n: number) => asAudit(s.make(n)) : s.make;
        out.push({ name: s.name, route, encoding, make, start: s.start, max: s.max, query: s.query });
      }
    }
  }
  return out;
}

/** A flow document as an audit request: the audit takes no scenario. */
function asAudit(doc: unknown): unknown {
  if (doc === null || typeof doc !== "object") return doc;
  const { scenario: _s, ...rest } = doc as Doc;
  return rest;
}

interface Sized {
  init: RequestInit;
  url: string;
  bytes: number;
}

function request(c: Case, doc: unknown): Sized | undefined {
  if (c.encoding === "url") {
    const query = new URLSearchParams(c.query ?? "");
    const format = query.get("format") ?? "json";
    query.delete("format");
    const rest = query.size ? `?${query}` : "";
    const url = `http://bench.local/v1/flow/${format}/${deflateSync(JSON.stringify(doc), { level: 9 }).toString("base64url")}${rest}`;
    return url.length > MAX_URL_CHARS ? undefined : { url, init: {}, bytes: JSON.stringify(doc).length };
  }
  const body = c.encoding === "yaml" ? stringify(doc) : JSON.stringify(doc);
  if (Buffer.byteLength(body) > MAX_BODY_BYTES) return undefined;
  const type = c.encoding === "yaml" ? "application/yaml" : "application/json";
  return {
    url: `http://bench.local/v1/${c.route}${c.query ?? ""}`,
    init: { method: "POST", body, headers: { "Content-Type": type } },
    bytes: Buffer.byteLength(body),
  };
}

const gc = (globalThis as { gc?: () => void }).gc;

async function timeOf(r: Sized, runs: number): Promise<{ ms: number; status: number; out: number }> {
  let best = Number.POSITIVE_INFINITY;
  let status = 0;
  let out = 0;
  for (let i = 0; i < runs; i++) {
    gc?.(); // start each send with a clean heap: an earlier case's garbage is not this request's cost
    // CPU time of this process, not wall time: what Workers bill and limit, and not inflated when
    // other processes share the machine.
    const t0 = process.cpuUsage();
    const res = await app.request(r.url, r.init);
    const text = await res.text();
    const used = process.cpuUsage(t0);
    const ms = (used.user + used.system) / 1000;
    if (ms < best) [best, status, out] = [ms, res.status, text.length];
  }
  return { ms: best, status, out };
}

/** Least-squares slope of log(ms) over log(bytes). */
function slope(points: { bytes: number; ms: number }[]): number {
  const xs = points.map((p) => Math.log(p.bytes));
  const ys = points.map((p) => Math.log(Math.max(p.ms, 0.05)));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  for (const [i, x] of xs.entries()) {
    num += (x - mx) * ((ys[i] ?? 0) - my);
    den += (x - mx) ** 2;
  }
  return den === 0 ? 0 : num / den;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const filter = args.includes("--filter") ? (args[args.indexOf("--filter") + 1] ?? "") : "";
  const runs = args.includes("--runs") ? Number(args[args.indexOf("--runs") + 1]) : 3;
  // Warm the JIT on every path once, so the first case does not pay for it.
  for (const c of cases()) {
    const r = request(c, c.make(c.start));
    if (r) await timeOf(r, 2);
  }
  const summary: { label: string; exponent: number; worst: { ms: number; bytes: number; status: number } }[] = [];
  let slowest = { label: "", ms: 0, bytes: 0, status: 0 };
  for (const c of cases()) {
    const label = `${c.route}${c.query ?? ""} ${c.encoding} ${c.name}`;
    if (filter && !label.includes(filter)) continue;
    const points: { n: number; bytes: number; ms: number; status: number; out: number }[] = [];
    for (let n = c.start; n <= (c.max ?? Number.POSITIVE_INFINITY); n *= 2) {
      const r = request(c, c.make(n));
      if (!r) break;
      points.push({ n, bytes: r.bytes, ...(await timeOf(r, runs)) });
    }
    if (points.length < 2) {
      console.log(`${label}: fewer than two sizes fit under the limits; skipped`);
      continue;
    }
    const upper = points.slice(Math.floor(points.length / 2) - (points.length >= 4 ? 0 : 1));
    const exponent = slope(upper);
    const worst = points.reduce((a, b) => (b.ms > a.ms ? b : a));
    summary.push({ label, exponent, worst });
    if (worst.ms > slowest.ms) slowest = { label, ms: worst.ms, bytes: worst.bytes, status: worst.status };
    const row = points.map((p) => `n=${p.n} ${(p.bytes / 1024).toFixed(0)}KiB ${p.ms.toFixed(1)}ms ${p.status}`).join(" | ");
    console.log(`${exponent > 1.2 ? "SUPERLINEAR " : ""}${label}: exponent ${exponent.toFixed(2)}  [${row}]`);
  }
  console.log("\n| route | encoding | input | exponent | largest that fits: ms | KiB | status |");
  console.log("|---|---|---|---:|---:|---:|---:|");
  for (const s of summary) {
    const [route, encoding, ...rest] = s.label.split(" ");
    console.log(
      [
        `| ${route} | ${encoding} | ${rest.join(" ")} | ${s.exponent.toFixed(2)} |`,
        `${s.worst.ms.toFixed(1)} | ${(s.worst.bytes / 1024).toFixed(0)} | ${s.worst.status} |`,
      ].join(" "),
    );
  }
  const over = summary.filter((s) => s.exponent > 1.2);
  console.log(
    `\nmax exponent ${Math.max(...summary.map((s) => s.exponent)).toFixed(2)} over ${summary.length} cases; ${over.length} above 1.2`,
  );
  console.log(
    [
      `slowest request under the limits: ${slowest.ms.toFixed(1)} ms (${slowest.label},`,
      `${(slowest.bytes / 1024).toFixed(0)} KiB, status ${slowest.status}); target < 50 ms`,
    ].join(" "),
  );
  if (over.length > 0) process.exitCode = 1;
}

await main();
