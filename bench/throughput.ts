/**
 * Throughput under `wrangler dev` (workerd, locally): GET of a preset SVG against GET
 * /healthz on the same server, alternating in ROUNDS rounds of SECONDS s each (autocannon, 10
 * connections), so a noisy neighbour hits both. Reports req/s and p50/p99 latency per endpoint
 * (medians over the rounds) and the SVG / healthz throughput ratio (goal >= 0.9).
 *
 * Run: node bench/throughput.ts [seconds=5] [rounds=3]
 */
import { autocannon, type Result } from "./autocannon.ts";
import { startWorker } from "../scripts/dev-worker.ts";

const SECONDS = Number(process.argv[2] ?? 5);
const ROUNDS = Number(process.argv[3] ?? 3);
const CONNECTIONS = 10;
const SVG = "/v1/presets/o365info/activesync-madrid.svg";

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

async function main(): Promise<void> {
  const worker = await startWorker();
  let failed = 0;
  try {
    const probe = await fetch(worker.base + SVG);
    await probe.arrayBuffer();
    if (!probe.ok) throw new Error(`${SVG}: ${probe.status}`);
    const runs: Record<string, Result[]> = { healthz: [], svg: [] };
    for (let i = 0; i < ROUNDS; i++) {
      for (const [name, path] of [
        ["healthz", "/healthz"],
        ["svg", SVG],
      ] as const) {
        const r = await autocannon({ url: worker.base + path, connections: CONNECTIONS, duration: SECONDS });
        failed += r.errors + r.timeouts + r.non2xx;
        runs[name]?.push(r);
      }
    }
    console.log(`\nwrangler dev, ${CONNECTIONS} connections, ${ROUNDS} alternating rounds of ${SECONDS} s; node ${process.version}`);
    console.log("| request | req/s | p50 ms | p99 ms |");
    console.log("|---|---:|---:|---:|");
    const rps: Record<string, number> = {};
    for (const [name, rs] of Object.entries(runs)) {
      rps[name] = median(rs.map((r) => r.requests.average));
      console.log(
        [
          `| GET ${name === "svg" ? SVG : "/healthz"} | ${rps[name]?.toFixed(0)} |`,
          `${median(rs.map((r) => r.latency.p50))} | ${median(rs.map((r) => r.latency.p99))} |`,
        ].join(" "),
      );
    }
    const ratio = (rps.svg ?? 0) / (rps.healthz ?? 1);
    const perRound = (runs.svg ?? []).map((r, i) => (r.requests.average / (runs.healthz?.[i]?.requests.average ?? 1)).toFixed(2));
    console.log(
      [
        `preset SVG / healthz throughput: ${ratio.toFixed(2)}x (goal >= 0.9:`,
        `${ratio >= 0.9 ? "met" : "NOT met"}; per round ${perRound.join(", ")}); failed requests`,
        `${failed}`,
      ].join(" "),
    );
  } finally {
    await worker.stop();
  }
  if (failed > 0) process.exit(1);
}

await main();
