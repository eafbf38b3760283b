/**
 * Spawns the real CLI (`node cli/exflow.ts ...`) the way `npx exflow` does, with Node 22 from
 * node_modules/.bin (type stripping), and collects exit code, stdout and stderr.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));
export const CLI = join(ROOT, "cli", "exflow.ts");
const LOCAL_NODE = join(ROOT, "node_modules", ".bin", "node");
export const NODE = existsSync(LOCAL_NODE) ? LOCAL_NODE : process.execPath;

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function exflow(args: string[], options: { input?: string; cwd?: string; env?: Record<string, string> } = {}): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(NODE, [CLI, ...args], { cwd: options.cwd ?? ROOT, env: { ...process.env, NO_COLOR: "1", ...options.env } });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", fail);
    child.on("close", (code) => done({ code, stdout, stderr }));
    child.stdin.end(options.input ?? "");
  });
}

export const tempDir = (): string => mkdtempSync(join(tmpdir(), "exflow-cli-"));
