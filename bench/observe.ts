/**
 * Benchmark of `exflow observe`'s reader: 1 GiB of generated HttpProxy logs (bench/observe-gen.ts,
 * ten 100 MiB files in a temporary folder, deleted afterwards) streamed through the CLI's own
 * reading path in a child process, next to `wc -l` on the same files in the same run. Prints MB/s
 * for both, the ratio, and the child's peak RSS. Goal (issue): at least half of wc -l's
 * throughput, RSS under 200 MB. Run: npm run bench:observe [-- megabytes-per-file files]
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generate } from "./observe-gen.ts";

const [mbPerFile = 100, files = 10] = process.argv.slice(2).map(Number);
const dir = mkdtempSync(join(tmpdir(), "exflow-observe-bench-"));
try {
  const paths: string[] = [];
  for (let i = 0; i < files; i++) {
    const folder = join(dir, "HttpProxy", i % 2 ? "Ews" : "Eas");
    mkdirSync(folder, { recursive: true });
    const file = join(folder, `HttpProxy_20261130${String(i).padStart(2, "0")}-1.LOG`);
    await generate(file, mbPerFile);
    paths.push(file);
  }
  const bytes = paths.reduce((n, p) => n + statSync(p).size, 0);
  const mb = bytes / 1e6;
  // Warm the page cache for both runs alike.
  execFileSync("cat", paths, { stdio: ["ignore", "ignore", "inherit"], maxBuffer: 0 });
  const wc = (() => {
    const t = process.hrtime.bigint();
    execFileSync("wc", ["-l", ...paths], { stdio: ["ignore", "ignore", "inherit"] });
    return Number(process.hrtime.bigint() - t) / 1e9;
  })();
  const run = spawnSync(process.execPath, [join(import.meta.dirname, "observe-run.ts"), join(dir, "HttpProxy")], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(run.stderr);
  const r = JSON.parse(run.stdout) as { seconds: number; maxRssMB: number; requests: number; paths: number; skipped: number };
  const rows = [
    ["logs", `${files} files, ${mb.toFixed(0)} MB, ${r.requests} requests, ${r.paths} paths, ${r.skipped} skipped`],
    ["wc -l", `${wc.toFixed(2)} s, ${(mb / wc).toFixed(0)} MB/s`],
    ["exflow observe (reader)", `${r.seconds.toFixed(2)} s, ${(mb / r.seconds).toFixed(0)} MB/s, peak RSS ${r.maxRssMB.toFixed(0)} MB`],
    ["ratio to wc -l", `${(wc / r.seconds).toFixed(3)} (goal >= 0.5)`],
  ];
  for (const [k, v] of rows) console.log(`${(k ?? "").padEnd(26)} ${v}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
