/**
 * Soak test: a sustained, seeded, mixed load against `wrangler dev` (workerd, locally),
 * bounded in time and count, with workerd's memory sampled every second.
 *
 * Mix per request (seeded PRNG): preset SVG GETs (sequence and map views, themes), encoded-URL GETs
 * (svg/json/mmd/md), POST /v1/flow (json/svg/md/mmd, random preset scenario), POST /v1/audit
 * (json/md/csv), and invalid requests that must get their documented 4xx (bad JSON 400, unknown
 * user 422, wrong Content-Type 415, wrong method 405, unknown preset 404, unknown format 406,
 * corrupted encoded URL 400, body over the limit 413). An error is a connection error, a timeout,
 * a 5xx, or any status other than the one expected for that kind of request.
 *
 * Reports requests, requests/s, p50/p99 latency, errors per kind, workerd's peak RSS and its trend
 * (mean of the first 10 s against the last 10 s). Exit code 1 on any error.
 *
 * Run: node bench/soak.ts [seconds=60] [maxRequests=50000] [connections=10]
 * SOAK_ONLY=<text> keeps only the kinds whose name contains <text> (e.g. SOAK_ONLY=healthz for the
 * baseline, which is not part of the mix), to see which requests move memory.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { autocannon, type Request } from "./autocannon.ts";
import { deflateSync } from "node:zlib";
import { startWorker } from "../scripts/dev-worker.ts";
import { prng } from "./prng.ts";

const SECONDS = Number(process.argv[2] ?? 60);
const MAX_REQUESTS = Number(process.argv[3] ?? 50_000);
const CONNECTIONS = Number(process.argv[4] ?? 10);

/** Every descendant of `pid` (through `ps --ppid`), with its command name. */
function descendants(pid: number): { pid: number; comm: string }[] {
  const out: { pid: number; comm: string }[] = [];
  const queue = [pid];
  while (queue.length) {
    const parent = queue.shift()!;
    let text = "";
    try {
      text = execFileSync("ps", ["-o", "pid=,comm=", "--ppid", String(parent)], { encoding: "utf8" });
    } catch {
      continue; // no children
    }
    for (const line of text.trim().split("\n")) {
      const m = /^\s*(\d+)\s+(.+)$/.exec(line);
      if (!m) continue;
      out.push({ pid: Number(m[1]), comm: m[2]!.trim() });
      queue.push(Number(m[1]));
    }
  }
  return out;
}

function rssKiB(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

const kroki = (doc: unknown): string => deflateSync(Buffer.from(JSON.stringify(doc)), { level: 9 }).toString("base64url");

interface Kind {
  name: string;
  weight: number;
  expect: number;
  make: () => Request;
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
    const workerd = descendants(worker.pid).filter((p) => p.comm.startsWith("workerd"));
    if (workerd.length === 0) throw new Error("no workerd process under wrangler");

    // What the presets offer, from the API itself.
    const list = (await (await fetch(`${base}/v1/presets`)).json()) as { presets: { id: string; scenarios: { name: string }[] }[] };
    const scenarios = list.presets.flatMap((p) => p.scenarios.map((s) => ({ id: p.id, name: s.name })));
    const flows = await Promise.all(
      scenarios.map(async (s) => ({
        preset: s.id,
        scenario: ((await (await fetch(`${base}/v1/presets/${s.id}`)).json()) as { scenarios: Record<string, { scenario: unknown }> })
          .scenarios[s.name]!.scenario,
      })),
    );
    const rnd = prng(20879);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
    const encoded = flows.map((f) => kroki(f));
    const json = { "Content-Type": "application/json" };
    const allKinds: Kind[] = [
      { name: "GET /healthz (baseline)", weight: 0, expect: 200, make: () => ({ method: "GET", path: "/healthz" }) },
      {
        name: "GET preset svg",
        weight: 20,
        expect: 200,
        make: () => {
          const s = pick(scenarios);
          return {
            method: "GET",
            path: `/v1/presets/${s.id}/${s.name}.svg?view=${pick(["sequence", "map"])}&theme=${pick(["default", "dark", "neutral"])}`,
          };
        },
      },
      {
        name: "GET encoded URL",
        weight: 15,
        expect: 200,
        make: () => ({
          method: "GET",
          path: `/v1/flow/${pick(["svg", "json", "mmd", "md"])}/${pick(encoded)}${pick(["", "?view=map", "?theme=dark"])}`,
        }),
      },
      {
        name: "POST /v1/flow",
        weight: 25,
        expect: 200,
        make: () => ({
          method: "POST",
          path: `/v1/flow?format=${pick(["json", "svg", "svg", "md", "mmd"])}`,
          headers: json,
          body: JSON.stringify(pick(flows)),
        }),
      },
      {
        name: "POST /v1/audit",
        weight: 10,
        expect: 200,
        make: () => ({
          method: "POST",
          path: `/v1/audit?format=${pick(["json", "md", "csv"])}`,
          headers: json,
          body: JSON.stringify({ preset: pick(list.presets).id }),
        }),
      },
      {
        name: "invalid: bad JSON",
        weight: 5,
        expect: 400,
        make: () => ({ method: "POST", path: "/v1/flow", headers: json, body: '{"preset": "o365info", "scenario": {' }),
      },
      {
        name: "invalid: unknown user",
        weight: 5,
        expect: 422,
        make: () => ({
          method: "POST",
          path: `/v1/flow?format=${pick(["json", "svg"])}`,
          headers: json,
          body: JSON.stringify({
            preset: "o365info",
            scenario: { user: `nobody${Math.floor(rnd() * 1000)}`, protocol: "ews", client: "internal" },
          }),
        }),
      },
      {
        name: "invalid: Content-Type",
        weight: 4,
        expect: 415,
        make: () => ({ method: "POST", path: "/v1/flow", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: "a=1" }),
      },
      {
        name: "invalid: method",
        weight: 3,
        expect: 405,
        make: () => ({ method: pick(["PUT", "DELETE", "PATCH"]), path: "/v1/flow", headers: json, body: "{}" }),
      },
      {
        name: "invalid: unknown preset",
        weight: 3,
        expect: 404,
        make: () => ({ method: "GET", path: `/v1/presets/nope${Math.floor(rnd() * 100)}/x.svg` }),
      },
      {
        name: "invalid: format",
        weight: 3,
        expect: 406,
        make: () => ({ method: "GET", path: `/v1/presets/o365info/activesync-madrid.png` }),
      },
      {
        name: "invalid: corrupt encoded",
        weight: 5,
        expect: 400,
        make: () => {
          const e = pick(encoded);
          return { method: "GET", path: `/v1/flow/svg/${e.slice(0, Math.floor(e.length / 2))}` };
        },
      },
      {
        name: "invalid: body too large",
        weight: 2,
        expect: 413,
        make: () => ({ method: "POST", path: "/v1/flow", headers: json, body: " ".repeat(256 * 1024 + 1) }),
      },
    ];
    const only = process.env.SOAK_ONLY;
    const kinds = only
      ? allKinds.filter((k) => k.name.includes(only)).map((k) => ({ ...k, weight: k.weight || 1 }))
      : allKinds.filter((k) => k.weight > 0);
    if (kinds.length === 0) throw new Error(`SOAK_ONLY=${only} matches no kind`);
    const totalWeight = kinds.reduce((a, k) => a + k.weight, 0);
    const byName = new Map(kinds.map((k) => [k.name, k]));
    const counts = new Map<string, { n: number; bad: number; statuses: Map<number, number> }>(
      kinds.map((k) => [k.name, { n: 0, bad: 0, statuses: new Map() }]),
    );
    const choose = (): Kind => {
      let r = rnd() * totalWeight;
      for (const k of kinds) {
        r -= k.weight;
        if (r < 0) return k;
      }
      return kinds[0]!;
    };
    // Every kind answers as expected before the run.
    for (const k of kinds) {
      const r = k.make();
      const res = await fetch(base + r.path, { method: r.method, headers: r.headers, body: r.body });
      await res.arrayBuffer();
      if (res.status !== k.expect) throw new Error(`${k.name}: ${res.status}, expected ${k.expect}`);
    }

    const samples: { t: number; kib: number }[] = [];
    const t0 = Date.now();
    const perPid: number[][] = [];
    const sample = (): void => {
      const each = workerd.map((p) => rssKiB(p.pid));
      perPid.push(each);
      samples.push({ t: (Date.now() - t0) / 1000, kib: each.reduce((a, b) => a + b, 0) });
    };
    sample();
    const sampler = setInterval(sample, 1000);
    console.log(
      [
        `soak: wrangler dev on ${base} (workerd pid ${workerd.map((p) => p.pid).join(", ")});`,
        `${CONNECTIONS} connections, up to ${SECONDS} s or ${MAX_REQUESTS} requests; node`,
        `${process.version}`,
      ].join(" "),
    );

    const tracker = autocannon({
      url: base,
      connections: CONNECTIONS,
      amount: MAX_REQUESTS,
      timeout: 30,
      requests: [
        {
          setupRequest: (req, context) => {
            const k = choose();
            context.kind = k.name;
            return { ...req, headers: {}, body: undefined, ...k.make() };
          },
          onResponse: (status, _body, context) => {
            const k = byName.get(context.kind ?? "");
            const c = counts.get(context.kind ?? "");
            if (!k || !c) return;
            c.n++;
            c.statuses.set(status, (c.statuses.get(status) ?? 0) + 1);
            if (status !== k.expect) c.bad++;
          },
        },
      ],
    });
    const timer = setTimeout(() => tracker.stop(), SECONDS * 1000);
    const result = await tracker;
    clearTimeout(timer);
    clearInterval(sampler);
    sample();

    const elapsed = (Date.now() - t0) / 1000;
    const unexpected = [...counts.values()].reduce((a, c) => a + c.bad, 0);
    const errors = result.errors + result.timeouts + unexpected;
    const mean = (xs: { kib: number }[]): number => xs.reduce((a, s) => a + s.kib, 0) / Math.max(1, xs.length);
    const first = samples.filter((s) => s.t <= 10);
    const last = samples.filter((s) => s.t >= elapsed - 10);
    const peak = Math.max(...samples.map((s) => s.kib));
    const mib = (k: number): string => `${(k / 1024).toFixed(1)} MiB`;
    const total = result.requests.total;
    console.log(
      [
        `requests ${total} in ${elapsed.toFixed(1)} s = ${(total / elapsed).toFixed(0)} req/s; latency`,
        `p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`,
      ].join(" "),
    );
    console.log(`errors ${errors} (connection errors ${result.errors}, timeouts ${result.timeouts}, unexpected status ${unexpected})`);
    for (const [name, c] of counts)
      console.log(
        [
          `  ${name.padEnd(26)} ${String(c.n).padStart(6)}  expect ${byName.get(name)?.expect}  got`,
          `${[...c.statuses].map(([s, n]) => `${s}x${n}`).join(" ")}${c.bad ? `  UNEXPECTED ${c.bad}` : ""}`,
        ].join(" "),
      );
    console.log(
      [
        `workerd RSS: start ${mib(samples[0]?.kib ?? 0)}, peak ${mib(peak)}, mean first 10 s`,
        `${mib(mean(first))}, mean last 10 s ${mib(mean(last))}`,
        `(${(((mean(last) - mean(first)) / Math.max(1, mean(first))) * 100).toFixed(1)} %),`,
        `${samples.length} samples`,
      ].join(" "),
    );
    console.log(
      [
        "workerd RSS per process (pid: start -> end):",
        `${workerd.map((p, i) => `${p.pid} ${mib(perPid[0]?.[i] ?? 0)} -> ${mib(perPid[perPid.length - 1]?.[i] ?? 0)}`).join(", ")}`,
      ].join(" "),
    );
    console.log(
      `RSS every 10 s: ${samples
        .filter((_, i) => i % 10 === 0)
        .map((s) => (s.kib / 1024).toFixed(0))
        .join(" ")} MiB`,
    );
    if (errors > 0) ok = false;
  } catch (e) {
    ok = false;
    console.error(String(e), worker.log().slice(-2000));
  } finally {
    await worker.stop();
  }
  if (!ok) {
    console.error("soak: some requests failed");
    process.exit(1);
  }
}

await main();
