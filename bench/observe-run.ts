/**
 * Child of bench/observe.ts: streams a folder through the CLI's reading path (cli/logs.ts, 256 KiB
 * chunks into the core's reader) and judges it against the fabrikam preset, then prints seconds,
 * peak RSS and counts as JSON. Its own process, so the RSS is the reader's and not the generator's.
 */
import process from "node:process";
import { createObserver, presets } from "../core/index.ts";
import { logFiles, readLogs } from "../cli/logs.ts";

const t = process.hrtime.bigint();
const observer = createObserver();
await readLogs(observer, logFiles([process.argv[2]!]), () => {});
const report = observer.report(presets.fabrikam!.topology);
const seconds = Number(process.hrtime.bigint() - t) / 1e9;
const maxRssMB = process.resourceUsage().maxRSS / 1024;
console.log(JSON.stringify({ seconds, maxRssMB, requests: report.requests, paths: report.paths.length, skipped: report.skippedTotal }));
