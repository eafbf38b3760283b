/**
 * Benchmark of audit(): a seeded 1,000-user, 10-site organisation (Exchange 2013 in front of 2010
 * and 2007) audited several times, next to the naive peer that calls route() with the raw
 * Topology per flow (so the model, and the diagnostics, are rebuilt for every flow).
 * Prints min / median / p95 ms, flows per second and heap used. Run: node bench/audit.ts [users] [runs]
 */
import { audit } from "../core/audit/index.ts";
import { notApplicable } from "../core/audit/each-flow.ts";
import { route } from "../core/route/index.ts";
import { CLIENTS, PROTOCOLS } from "../core/types.ts";
import type { Namespace, Server, Topology, User, Version } from "../core/types.ts";
import { rank } from "../core/versions.ts";

/** mulberry32: small, fast, deterministic. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BUILD: Record<Version, string> = { 2007: "SP3 RU10", 2010: "SP3 RU11", 2013: "CU12", 2016: "CU23", 2019: "CU14", SE: "15.2.2562.17" };
const VDIRS = ["owa", "ecp", "activesync", "ews", "oab"] as const;

function cas(name: string, site: string, version: Version, d: string, host: string | null, scp: string): Server {
  const fqdn = `${name.toLowerCase()}.${d}.local`;
  const urls: Server["urls"] = {};
  for (const p of VDIRS) {
    const path = { owa: "/owa", ecp: "/ecp", activesync: "/Microsoft-Server-ActiveSync", ews: "/EWS/Exchange.asmx", oab: "/OAB" }[p];
    urls[p] = host ? { internal: `https://${fqdn}${path}`, external: `https://${host}${path}` } : { internal: `https://${fqdn}${path}` };
  }
  if (rank(version) >= 2013) {
    urls["mapi-http"] = { internal: `https://mail.${d}/mapi`, external: `https://mail.${d}/mapi` };
    urls.autodiscover = { internal: scp, external: scp };
  }
  urls.pop3 = { internal: `${fqdn}:995` };
  urls.imap4 = { internal: `${fqdn}:993` };
  const oa = {
    enabled: true,
    externalHostname: `mail.${d}`,
    clientAuth: "ntlm" as const,
    iisAuth: ["ntlm" as const, "basic" as const],
    rpcProxyInstalled: true,
  };
  return {
    name,
    fqdn,
    version,
    build: BUILD[version],
    roles: ["cas"],
    site,
    urls,
    outlookAnywhere: oa,
    autodiscoverInternalUri: scp,
    auth: { owa: ["forms"] },
  };
}

export function generate(users: number, seed = 42): Topology {
  const r = rng(seed);
  const d = "bench.example";
  const scp = `https://autodiscover.${d}/Autodiscover/Autodiscover.xml`;
  const servers: Server[] = [];
  const namespaces: Namespace[] = [];
  const mbx = (name: string, site: string, version: Version): Server => {
    const s: Server = { name, fqdn: `${name.toLowerCase()}.${d}.local`, version, build: BUILD[version], roles: ["mailbox"], site };
    if (version === 2010) s.rpcClientAccessServer = `outlook-${site.toLowerCase()}.${d}.local`;
    return s;
  };
  // HQ: two CAS2013 behind mail/autodiscover, and a CAS of each legacy version (legacy name on 2007).
  servers.push(cas("HQ-CAS2013A", "HQ", 2013, d, `mail.${d}`, scp), cas("HQ-CAS2013B", "HQ", 2013, d, `mail.${d}`, scp));
  servers.push(mbx("HQ-MBX2013A", "HQ", 2013), mbx("HQ-MBX2013B", "HQ", 2013));
  servers.push(cas("HQ-CAS2010", "HQ", 2010, d, `mail.${d}`, scp), mbx("HQ-MBX2010", "HQ", 2010));
  servers.push(cas("HQ-CAS2007", "HQ", 2007, d, `legacy.${d}`, scp), mbx("HQ-MBX2007", "HQ", 2007));
  namespaces.push(
    { host: `mail.${d}`, servers: ["HQ-CAS2013A", "HQ-CAS2013B"] },
    { host: `autodiscover.${d}`, servers: ["HQ-CAS2013A", "HQ-CAS2013B"] },
  );
  namespaces.push(
    { host: `legacy.${d}`, servers: ["HQ-CAS2007"] },
    { host: `outlook-hq.${d}.local`, servers: ["HQ-CAS2010"], external: false },
  );
  const sites = ["HQ"];
  for (let i = 1; i < 10; i++) {
    const site = `Branch${i}`;
    sites.push(site);
    const version: Version = r() < 0.5 ? 2007 : 2010;
    // A third of the branches are regional Internet-facing sites with their own name.
    const host = r() < 0.34 ? `${site.toLowerCase()}.mail.${d}` : null;
    servers.push(cas(`${site}-CAS${version}`, site, version, d, host, scp), mbx(`${site}-MBX${version}`, site, version));
    if (host) namespaces.push({ host, servers: [`${site}-CAS${version}`] });
    if (version === 2010)
      namespaces.push({ host: `outlook-${site.toLowerCase()}.${d}.local`, servers: [`${site}-CAS2010`], external: false });
  }
  const mailboxes = servers.filter((s) => s.roles.includes("mailbox"));
  const list: User[] = [];
  for (let i = 0; i < users; i++) {
    const u: User = { name: `user${String(i).padStart(4, "0")}`, mailbox: (mailboxes[Math.floor(r() * mailboxes.length)] as Server).name };
    if (r() < 0.02) u.oabAssigned = false;
    list.push(u);
  }
  return { name: "bench", domain: d, sites: sites.map((name) => ({ name })), servers, namespaces, users: list };
}

/** The peer: every flow routed from the raw Topology, as a caller without audit() would. */
function naive(t: Topology): number {
  let flows = 0;
  const byName = new Map(t.servers.map((s) => [s.name, s]));
  for (const u of t.users) {
    const mb = byName.get(u.mailbox ?? "") as Server;
    for (const protocol of PROTOCOLS)
      for (const client of CLIENTS) {
        if (notApplicable(mb, protocol, client)) continue;
        route(t, { user: u.name, protocol, client });
        flows++;
      }
  }
  return flows;
}

const gc = (globalThis as { gc?: () => void }).gc;
function time(fn: () => number, runs: number): { ms: number[]; flows: number; heapMB: number } {
  fn(); // warm-up: JIT and caches
  const ms: number[] = [];
  let flows = 0;
  let heap = 0;
  for (let i = 0; i < runs; i++) {
    gc?.();
    const t0 = performance.now();
    flows = fn();
    ms.push(performance.now() - t0);
    heap = Math.max(heap, process.memoryUsage().heapUsed);
  }
  return { ms: ms.sort((a, b) => a - b), flows, heapMB: heap / 2 ** 20 };
}

const pick = (xs: number[], q: number) => xs[Math.max(0, Math.min(xs.length - 1, Math.ceil(q * xs.length) - 1))] as number;

/** Prints the comparison table; runs only when this file is executed, so generate() can be imported. */
function main(): void {
  const users = Number(process.argv[2] ?? 1000);
  const runs = Number(process.argv[3] ?? 9);
  const topology = generate(users);
  const shape = audit(topology).summary;
  const rows = [
    { name: "audit() (one model)", ...time(() => audit(topology).summary.flows, runs) },
    { name: "naive route(topology) per flow", ...time(() => naive(topology), Math.max(3, Math.floor(runs / 3))) },
  ];
  console.log(
    [
      `${users} users, ${topology.servers.length} servers, ${topology.sites.length} sites:`,
      `${shape.rows} rows, ${shape.flows} routed flows, ${shape.notApplicable} n/a;`,
      `${gc ? "gc between runs" : "run with --expose-gc for steadier heap numbers"}`,
    ].join(" "),
  );
  console.log("| approach | runs | min ms | median ms | p95 ms | flows/s | heap MB |");
  console.log("|---|---:|---:|---:|---:|---:|---:|");
  for (const r of rows) {
    const med = pick(r.ms, 0.5);
    console.log(
      [
        `| ${r.name} | ${r.ms.length} | ${pick(r.ms, 0).toFixed(1)} | ${med.toFixed(1)} |`,
        `${pick(r.ms, 0.95).toFixed(1)} | ${Math.round((r.flows / med) * 1000).toLocaleString("en-US")} |`,
        `${r.heapMB.toFixed(1)} |`,
      ].join(" "),
    );
  }
  const [fast, slow] = rows.map((r) => pick(r.ms, 0.5)) as [number, number];
  console.log(`median ratio naive / audit: ${(slow / fast).toFixed(1)}x`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
