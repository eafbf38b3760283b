/**
 * Load test of the worker under `wrangler dev` (workerd, locally): starts the server on a free
 * loopback port, waits for /healthz, then runs autocannon (10 connections, ~10 s each) against
 *   (0) GET /healthz, the baseline: what wrangler dev's proxy and workerd cost with no work at all,
 *   (a) a preset SVG GET (cacheable: what a wiki <img> embed costs), and
 *   (b) POST /v1/flow with a seeded-random user/protocol/client per request (never cached),
 * reports requests/s, p50 and p99 latency and the error and non-2xx counts (which must be zero),
 * and stops the server. Exit code 1 when any request failed.
 *
 * Run: node bench/load.ts [seconds]   (Node 22 strips the types)
 */
import { autocannon, type Result } from "./autocannon.ts";
import { startWorker } from "../scripts/dev-worker.ts";
import { prng } from "./prng.ts";

const DURATION = Number(process.argv[2] ?? 10);
const CONNECTIONS = 10;

const USERS = ["alice", "bob", "carmen", "dave"];
const PROTOCOLS = ["activesync", "ews", "owa", "outlook-anywhere", "autodiscover", "oab"];
const CLIENTS = ["internal", "external"];
const FORMATS = ["json", "svg", "mmd", "md"];

function report(label: string, r: Result): boolean {
  const failed = r.errors + r.timeouts + r.non2xx;
  console.log(
    [
      `${label.padEnd(44)} ${r.requests.average.toFixed(0).padStart(6)} req/s`,
      `p50 ${String(r.latency.p50).padStart(4)} ms`,
      `p99 ${String(r.latency.p99).padStart(4)} ms`,
      `2xx ${r["2xx"]}   errors ${r.errors}   timeouts ${r.timeouts}   non-2xx ${r.non2xx}`,
    ].join("   "),
  );
  return failed === 0;
}

async function main(): Promise<void> {
  const worker = await startWorker();
  const base = worker.base;
  const stop = (): void => void worker.stop();
  process.on("SIGINT", () => {
    stop();
    process.exit(130);
  });
  let ok = true;
  try {
    const svgPath = "/v1/presets/o365info/activesync-madrid.svg";
    const probe = await fetch(base + svgPath);
    await probe.arrayBuffer();
    console.log(`wrangler dev on ${base}; ${CONNECTIONS} connections, ${DURATION} s per run; node ${process.version}`);
    console.log(
      `(a) ${svgPath}: ${probe.status} ${probe.headers.get("content-type")}, cache-control "${probe.headers.get("cache-control")}"`,
    );

    ok =
      report("(0) GET /healthz (baseline)", await autocannon({ url: `${base}/healthz`, connections: CONNECTIONS, duration: DURATION })) &&
      ok;
    ok = report("(a) GET preset SVG", await autocannon({ url: base + svgPath, connections: CONNECTIONS, duration: DURATION })) && ok;

    const rnd = prng(20879);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
    const body = (): string =>
      JSON.stringify({ preset: "o365info", scenario: { user: pick(USERS), protocol: pick(PROTOCOLS), client: pick(CLIENTS) } });
    const first = await fetch(`${base}/v1/flow?format=svg`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: body(),
    });
    await first.arrayBuffer();
    if (!first.ok) throw new Error(`POST /v1/flow probe answered ${first.status}`);
    const post = await autocannon({
      url: base,
      connections: CONNECTIONS,
      duration: DURATION,
      requests: [
        {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          setupRequest: (req) => ({ ...req, path: `/v1/flow?format=${pick(FORMATS)}`, body: body() }),
        },
      ],
    });
    ok = report("(b) POST /v1/flow (random scenario + format)", post) && ok;
  } catch (e) {
    ok = false;
    console.error(String(e), worker.log().slice(-2000));
  } finally {
    await worker.stop();
  }
  if (!ok) {
    console.error("load: some requests failed");
    process.exit(1);
  }
}

await main();
