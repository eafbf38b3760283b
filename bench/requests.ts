/**
 * CPU per request, in-process: the worker's `app.fetch` on Node 22, as process CPU time.
 * Every row is timed next to GET /healthz in the same run, interleaved, and reported as a ratio to
 * it, so the goals hold on a noisy machine. Rows that name a preset are answered from worker/memo.ts after the first
 * request; the "inline topology" rows send the same organisation as a topology, so they show the
 * full cost (validation, routing, hashing, drawing) on every request. Per row: a warm-up, then
 * RUNS runs of N requests; the row's time is the median run's mean. Also prints the audit curve
 * (users -> ms, ms per user), which must be linear.
 *
 * Run: node bench/requests.ts [N=400] [RUNS=5]   (`--json` prints the rows as JSON too)
 */
import { deflateSync } from "node:zlib";
import app from "../worker/index.ts";
import { audit } from "../core/audit/index.ts";
import { presets } from "../core/presets/index.ts";
import { generate } from "./audit.ts";

const N = Number(process.argv[2] ?? 400);
const RUNS = Number(process.argv[3] ?? 5);
const ORIGIN = "http://bench.local";

interface Row {
  name: string;
  goal: number;
  make: () => Request;
}

const b64url = (b: Uint8Array): string => Buffer.from(b).toString("base64url");
const scenario = { user: "carmen", protocol: "activesync", client: "external", host: "mail.o365info.com" };
const encoded = b64url(deflateSync(JSON.stringify({ preset: "o365info", scenario })));
const post = (path: string, body: unknown): (() => Request) => {
  const text = JSON.stringify(body);
  return () => new Request(ORIGIN + path, { method: "POST", headers: { "Content-Type": "application/json" }, body: text });
};
const get =
  (path: string): (() => Request) =>
  () =>
    new Request(ORIGIN + path);

/**
 * A user's own topology, new to the isolate on every request: RING copies of a preset's topology
 * that differ only in `name` (which changes no flow), sent in turn. RING is larger than every
 * bounded memory of the worker (worker/memo.ts), so no request is answered from one.
 */
const RING = 1024;
const fresh = (id: string, i: number) => ({ ...(presets[id]?.topology ?? {}), name: `${id}-${i}` });
function ring(bodies: (i: number) => string): () => string {
  const all = Array.from({ length: RING }, (_, i) => bodies(i));
  let next = 0;
  return () => all[next++ % RING] as string;
}
const postFresh = (path: string, body: (i: number) => unknown): (() => Request) => {
  const text = ring((i) => JSON.stringify(body(i)));
  return () => new Request(ORIGIN + path, { method: "POST", headers: { "Content-Type": "application/json" }, body: text() });
};
const getFresh = (format: string, body: (i: number) => unknown): (() => Request) => {
  const segment = ring((i) => b64url(deflateSync(JSON.stringify(body(i)))));
  return () => new Request(`${ORIGIN}/v1/flow/${format}/${segment()}`);
};
const freeBusy = presets["contoso-hybrid"]?.scenarios["free-busy-from-cloud"]?.scenario;

/** The issue-16 rows (a preset by name: remembered after the first request) and issue 25's inline rows. */
export const ROWS: Row[] = [
  { name: "GET /v1/presets/o365info/activesync-madrid.svg", goal: 3, make: get("/v1/presets/o365info/activesync-madrid.svg") },
  { name: "GET /v1/flow/svg/{encoded}", goal: 6, make: get(`/v1/flow/svg/${encoded}`) },
  { name: "POST /v1/flow (json, with links)", goal: 8, make: post("/v1/flow?format=json", { preset: "o365info", scenario }) },
  { name: "POST /v1/audit o365info", goal: 15, make: post("/v1/audit", { preset: "o365info" }) },
  { name: "POST /v1/audit contoso", goal: 15, make: post("/v1/audit", { preset: "contoso" }) },
  { name: "POST /v1/audit fabrikam", goal: 15, make: post("/v1/audit", { preset: "fabrikam" }) },
  // A topology inline and new on every request: nothing can be remembered, the full cost every time.
  {
    name: "(inline, new) GET /v1/flow/svg/{encoded} o365info",
    goal: 10,
    make: getFresh("svg", (i) => ({ topology: fresh("o365info", i), scenario })),
  },
  {
    name: "(inline, new) POST /v1/flow (json, with links) o365info",
    goal: 12,
    make: postFresh("/v1/flow?format=json", (i) => ({ topology: fresh("o365info", i), scenario })),
  },
  {
    name: "(inline, new) POST /v1/flow?format=svg contoso-hybrid free/busy from the cloud",
    goal: 10,
    make: postFresh("/v1/flow?format=svg", (i) => ({ topology: fresh("contoso-hybrid", i), scenario: freeBusy })),
  },
  {
    name: "(inline, new) POST /v1/audit o365info (71 flows)",
    goal: 40,
    make: postFresh("/v1/audit", (i) => ({ topology: fresh("o365info", i) })),
  },
];
const HEALTHZ = get("/healthz");

async function once(make: () => Request): Promise<void> {
  const res = await app.fetch(make());
  if (res.status !== 200) throw new Error(`${make().url}: ${res.status} ${await res.text()}`);
  await res.arrayBuffer();
}

/**
 * Mean CPU ms per request over n requests (process.cpuUsage: all threads of this process, so
 * zlib and crypto work off the main thread counts; time spent descheduled by neighbours does not).
 * Building the Request is part of it, as for /healthz.
 */
async function batch(make: () => Request, n: number): Promise<number> {
  const t0 = process.cpuUsage();
  for (let i = 0; i < n; i++) await once(make);
  const t = process.cpuUsage(t0);
  return (t.user + t.system) / 1000 / n;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

export interface Measured {
  name: string;
  ms: number;
  healthzMs: number;
  ratio: number;
  goal: number;
  spread: number;
}

/**
 * One row: RUNS runs; each run sends N requests of the row and N of /healthz, alternating in chunks
 * of CHUNK so that GC debt and neighbours' noise fall on both alike. The row's ratio is the median
 * of the per-run ratios; the spread is the largest over the smallest per-run ratio.
 */
const CHUNK = 20;
export async function measure(row: Row): Promise<Measured> {
  await batch(HEALTHZ, Math.min(N, 100));
  await batch(row.make, Math.min(N, 100));
  const h: number[] = [];
  const r: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    let th = 0;
    let tr = 0;
    for (let done = 0; done < N; done += CHUNK) {
      const n = Math.min(CHUNK, N - done);
      th += (await batch(HEALTHZ, n)) * n;
      tr += (await batch(row.make, n)) * n;
    }
    h.push(th / N);
    r.push(tr / N);
  }
  const ratios = r.map((x, i) => x / (h[i] as number));
  return {
    name: row.name,
    ms: median(r),
    healthzMs: median(h),
    ratio: median(ratios),
    goal: row.goal,
    spread: Math.max(...ratios) / Math.min(...ratios),
  };
}

function auditCurve(): { users: number; ms: number; perUser: number }[] {
  const out: { users: number; ms: number; perUser: number }[] = [];
  for (const users of [10, 100, 1000, 10000]) {
    const t = generate(users);
    audit(t); // warm-up
    const runs = users >= 10000 ? 3 : 5;
    const ms: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = process.cpuUsage();
      audit(t);
      const d = process.cpuUsage(t0);
      ms.push((d.user + d.system) / 1000);
    }
    const m = median(ms);
    out.push({ users, ms: m, perUser: m / users });
  }
  return out;
}

async function main(): Promise<void> {
  console.log(
    [
      `in-process app.fetch, CPU time per request, node ${process.version}; ${N} requests per run after`,
      `warm-up, median of ${RUNS} runs, each row interleaved with /healthz`,
    ].join(" "),
  );
  console.log("| request | CPU ms | x /healthz | goal | met | run-to-run spread |");
  console.log("|---|---:|---:|---:|---|---:|");
  // Warm everything (JIT, the preset models) before the first row, so row order does not matter.
  await batch(HEALTHZ, 1000);
  // BENCH_ONLY=<text> keeps the rows whose name contains it (to time one change quickly).
  const only = process.env.BENCH_ONLY;
  const chosen = only ? ROWS.filter((r) => r.name.includes(only)) : ROWS;
  for (const row of chosen) await batch(row.make, 50);
  const rows: Measured[] = [];
  for (const row of chosen) {
    const m = await measure(row);
    rows.push(m);
    console.log(
      [
        `| ${m.name} | ${m.ms.toFixed(3)} | ${m.ratio.toFixed(1)} | <= ${m.goal} |`,
        `${m.ratio <= m.goal ? "yes" : "NO"} | ${((m.spread - 1) * 100).toFixed(0)} % |`,
      ].join(" "),
    );
  }
  console.log(
    [
      `/healthz: median ${median(rows.map((r) => r.healthzMs)).toFixed(4)} ms (min`,
      `${Math.min(...rows.map((r) => r.healthzMs)).toFixed(4)}, max`,
      `${Math.max(...rows.map((r) => r.healthzMs)).toFixed(4)} over the rows)`,
    ].join(" "),
  );
  if (only) return;
  const curve = auditCurve();
  console.log("\naudit() of the seeded bench organisation (bench/audit.ts generate), CPU ms, median of 5 (3 at 10,000):");
  console.log("| users | ms | ms per user | per user vs 10 users |");
  console.log("|---:|---:|---:|---:|");
  const base = curve[0]?.perUser ?? 1;
  for (const c of curve)
    console.log(`| ${c.users.toLocaleString("en-US")} | ${c.ms.toFixed(1)} | ${c.perUser.toFixed(4)} | ${(c.perUser / base).toFixed(2)} |`);
  const last = curve[curve.length - 1] as { perUser: number };
  const mid = curve[2] as { perUser: number };
  console.log(
    [
      `linear: ms per user at 10,000 is ${(last.perUser / mid.perUser).toFixed(2)}x that at 1,000`,
      `(goal: about 1, <= 1.5) ${last.perUser / mid.perUser <= 1.5 ? "met" : "NOT met"}`,
    ].join(" "),
  );
  if (process.argv.includes("--json")) console.log(JSON.stringify({ rows, curve }));
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
