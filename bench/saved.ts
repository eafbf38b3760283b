/**
 * Saved-topology SVG GET vs encoded-URL SVG GET, in one run against one `wrangler dev` (local workerd
 * and local D1): the same topology and scenario, once as /v1/t/{id}/flow/... (one D1 read, then the
 * same validation and rendering) and once as /v1/flow/svg/{encoded} (inflate and parse the URL).
 * Part 1: one client, requests interleaved A/B/C so machine load hits all alike; p50/p90/p99 per URL.
 * Part 2: autocannon, 10 connections, a few seconds each, back to back. No If-None-Match is sent
 * (so never a 304), and wrangler dev has no edge cache in front: every request renders.
 *
 * Run: node bench/saved.ts [requests per URL] [autocannon seconds]   (Node 22 strips the types)
 */
import { createRequire } from "node:module";
import { performance } from "node:perf_hooks";
import { deflateSync } from "node:zlib";
import { presets } from "../core/index.ts";
import { startWorker } from "../scripts/dev-worker.ts";

interface Result {
  requests: { average: number };
  latency: { p50: number; p99: number };
  errors: number;
  non2xx: number;
}
type Autocannon = (opts: { url: string; connections: number; duration: number }) => Promise<Result>;
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

const N = Number(process.argv[2] ?? 300);
const SECONDS = Number(process.argv[3] ?? 5);
const scenario = { user: "carmen", protocol: "activesync", client: "external", host: "mail.o365info.com" };
const topology = presets.o365info?.topology;

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};

const worker = await startWorker();
try {
  const base = worker.base;
  const created = await fetch(`${base}/v1/topologies`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(topology),
  });
  const { id } = (await created.json()) as { id: string };
  const encoded = deflateSync(JSON.stringify({ topology, scenario }), { level: 9 }).toString("base64url");
  const urls: Record<string, string> = {
    "saved, latest  /v1/t/{id}/flow/...": `${base}/v1/t/${id}/flow/carmen/activesync/external.svg?host=mail.o365info.com`,
    "saved, @1      /v1/t/{id}@1/flow/...": `${base}/v1/t/${id}@1/flow/carmen/activesync/external.svg?host=mail.o365info.com`,
    "encoded        /v1/flow/svg/{encoded}": `${base}/v1/flow/svg/${encoded}`,
  };
  const bodies = new Set<string>();
  for (const url of Object.values(urls)) {
    const res = await fetch(url);
    if (res.status !== 200) throw new Error(`${url} -> ${res.status}`);
    bodies.add(await res.text());
  }
  console.log(
    [
      `wrangler dev on ${base}; node ${process.version}; encoded URL`,
      `${urls["encoded        /v1/flow/svg/{encoded}"]?.length} characters;`,
      `${bodies.size === 1 ? "same SVG bytes from all three" : "SVGs DIFFER"}`,
    ].join(" "),
  );

  const times: Record<string, number[]> = Object.fromEntries(Object.keys(urls).map((k) => [k, []]));
  for (let i = 0; i < 20; i++) for (const url of Object.values(urls)) await (await fetch(url)).arrayBuffer();
  for (let i = 0; i < N; i++) {
    for (const [label, url] of Object.entries(urls)) {
      const t0 = performance.now();
      const res = await fetch(url);
      await res.arrayBuffer();
      times[label]?.push(performance.now() - t0);
      if (res.status !== 200) throw new Error(`${label} -> ${res.status}`);
    }
  }
  console.log(`\n1 client, ${N} requests per URL, interleaved (ms)          p50     p90     p99`);
  const enc = pct(times["encoded        /v1/flow/svg/{encoded}"] ?? [], 50);
  for (const [label, xs] of Object.entries(times)) {
    console.log(
      [
        `${label.padEnd(52)}`,
        `${pct(xs, 50).toFixed(2).padStart(6)}  ${pct(xs, 90).toFixed(2).padStart(6)}`,
        ` ${pct(xs, 99).toFixed(2).padStart(6)}   p50`,
        `${(pct(xs, 50) / enc).toFixed(2)}x encoded`,
      ].join(" "),
    );
  }

  console.log(`\nautocannon, 10 connections, ${SECONDS} s each                    req/s    p50    p99  errors/non-2xx`);
  for (const [label, url] of Object.entries(urls)) {
    const r = await autocannon({ url, connections: 10, duration: SECONDS });
    console.log(
      `${label.padEnd(52)} ${[
        r.requests.average.toFixed(0).padStart(6),
        String(r.latency.p50).padStart(5),
        String(r.latency.p99).padStart(5),
        `${r.errors}/${r.non2xx}`,
      ].join("  ")}`,
    );
  }
} finally {
  await worker.stop();
}
