/**
 * Cold start: time from starting workerd (a fresh process, so a fresh isolate) to the
 * first answer of a preset SVG GET, next to a hello-world Worker measured the same way. Both
 * include workerd's own start and the polling granularity (POLL_MS); the difference is what our
 * script costs (parsing, top-level evaluation, the first request). Uses the deployable bundle in
 * dist/ (`npm run bundle` writes it; this script builds it when missing) and wrangler's workerd,
 * with the modules wrangler writes beside the script (the PNG renderer's .wasm and font), which the
 * script imports even though only PNG requests use them.
 *
 * Run: node bench/cold-start.ts [runs=7]
 */
import { execFileSync, spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { freePort, ROOT } from "../scripts/dev-worker.ts";

const RUNS = Number(process.argv[2] ?? 7);
const POLL_MS = 2;
/** Issue 25: the first answer within 1.5x a hello-world Worker's, measured the same way. */
const GOAL = 1.5;
const BUNDLE = join(ROOT, "dist", "index.js");
const WORKERD = join(ROOT, "node_modules", "workerd", "bin", "workerd");
const HELLO = `export default { fetch() { return new Response("hello", { headers: { "content-type": "text/plain" } }); } };\n`;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

/** The script and the modules beside it, as workerd config entries (wrangler's module types: CompiledWasm, Data). */
function modules(dir: string): string {
  const extra = readdirSync(dir)
    .filter((f) => /\.(wasm|ttf)$/.test(f))
    .map((f) => `(name = "${f}", ${f.endsWith(".wasm") ? "wasm" : "data"} = embed "${f}")`);
  return ['(name = "index.js", esModule = embed "index.js")', ...extra].join(", ");
}

function config(port: number, dir: string): string {
  return `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [(name = "main", worker = .w)],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "main")],
);
const w :Workerd.Worker = (modules = [${modules(dir)}], compatibilityDate = "2026-11-01");
`;
}

/** CPU ms (user + system) a process has used so far, from /proc (Linux); NaN elsewhere. */
function cpuMs(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in clock ticks (USER_HZ 100)
  } catch {
    return Number.NaN;
  }
}
/** workerd's CPU time up to the first answer of the last coldStart(): steadier than wall time on a shared machine. */
let lastCpu = Number.NaN;

/** ms from spawning workerd to the first 200 answer on `path`. */
async function coldStart(dir: string, path: string): Promise<number> {
  const port = await freePort();
  writeFileSync(join(dir, "config.capnp"), config(port, dir));
  const t0 = performance.now();
  const child = spawn(WORKERD, ["serve", join(dir, "config.capnp")], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  const gone = new Promise((r) => child.once("exit", r));
  try {
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null)
        throw new Error(`workerd exited (${child.exitCode}) before answering: ${stderr.slice(0, 500)}`);
      try {
        const res = await fetch(`http://127.0.0.1:${port}${path}`);
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
        const wall = performance.now() - t0;
        lastCpu = cpuMs(child.pid);
        return wall;
      } catch (e) {
        if (e instanceof Error && (e.message.startsWith(path) || e.message.startsWith("workerd exited"))) throw e;
        if (performance.now() - t0 > 30_000) throw new Error("workerd did not answer within 30 s");
        await new Promise((r) => setTimeout(r, POLL_MS));
      }
    }
  } finally {
    if (child.exitCode === null) child.kill("SIGTERM");
    await gone;
  }
}

async function main(): Promise<void> {
  if (!existsSync(BUNDLE))
    execFileSync(join(ROOT, "node_modules", ".bin", "wrangler"), ["deploy", "--dry-run", "--outdir", "dist"], {
      cwd: ROOT,
      stdio: "ignore",
    });
  const hello = mkdtempSync(join(tmpdir(), "exflow-cold-hello-"));
  const ours = mkdtempSync(join(tmpdir(), "exflow-cold-ours-"));
  try {
    writeFileSync(join(hello, "index.js"), HELLO);
    copyFileSync(BUNDLE, join(ours, "index.js"));
    for (const f of readdirSync(dirname(BUNDLE)).filter((f) => /\.(wasm|ttf)$/.test(f)))
      copyFileSync(join(dirname(BUNDLE), f), join(ours, f));
    await coldStart(hello, "/"); // the first start pays for reading workerd from disk
    const h: number[] = [];
    const s: number[] = [];
    const hCpu: number[] = [];
    const sCpu: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      h.push(await coldStart(hello, "/"));
      hCpu.push(lastCpu);
      s.push(await coldStart(ours, "/v1/presets/o365info/activesync-madrid.svg"));
      sCpu.push(lastCpu);
    }
    console.log(
      [
        `\ncold start: workerd process start -> first answer (${RUNS} alternating runs, medians; bundle`,
        `${(statSync(BUNDLE).size / 1024).toFixed(1)} KB min)`,
      ].join(" "),
    );
    console.log("| worker | first answer ms | min | max | workerd CPU ms to it |");
    console.log("|---|---:|---:|---:|---:|");
    const row = (name: string, xs: number[], cpu: number[]): string =>
      `| ${name} | ${median(xs).toFixed(0)} | ${Math.min(...xs).toFixed(0)} | ${Math.max(...xs).toFixed(0)} | ${median(cpu).toFixed(0)} |`;
    console.log(row("hello world, GET /", h, hCpu));
    console.log(row("exflow, GET preset SVG", s, sCpu));
    console.log(
      [
        `exflow's first SVG answer comes ${(median(s) - median(h)).toFixed(0)} ms after hello world's`,
        `first answer (${(median(s) / median(h)).toFixed(2)}x; CPU ${(median(sCpu) / median(hCpu)).toFixed(2)}x;`,
        `goal <= ${GOAL}x: ${median(s) / median(h) <= GOAL ? "met" : "NOT met"})`,
      ].join(" "),
    );
  } finally {
    rmSync(hello, { recursive: true, force: true });
    rmSync(ours, { recursive: true, force: true });
  }
}

await main();
