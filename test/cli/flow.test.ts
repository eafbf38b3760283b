/**
 * `exflow flow`, `presets` and `validate` through the real process: a preset written out as
 * YAML and read back, every output format, stdin, and the exit codes.
 */
import type { CommanderError } from "commander";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { presets } from "../../core/presets/index.ts";
import { parse } from "./inprocess.ts";
import { exflow, tempDir } from "./run.ts";

let dir: string;
let topologyFile: string;
const scenario = ["--user", "alice", "--protocol", "activesync", "--client", "external", "--host", "mail.o365info.com"];

beforeAll(async () => {
  dir = tempDir();
  topologyFile = join(dir, "o365info.yaml");
  const r = await exflow(["presets", "o365info"]);
  expect(r.code).toBe(0);
  writeFileSync(topologyFile, r.stdout);
});

describe("help and presets", () => {
  it("prints help with every command, exit 0; every command's help has examples", async () => {
    const r = await exflow(["--help"]);
    expect(r.code).toBe(0);
    const commands = ["flow", "render", "audit", "validate", "presets"];
    for (const c of commands) expect(r.stdout).toMatch(new RegExp(`^  ${c} `, "m"));
    for (const c of commands) {
      const help = await parse([c, "--help"]);
      expect((help.error as CommanderError).exitCode, c).toBe(0);
      expect(help.out, c).toContain("Examples:");
      expect(help.out, c).toContain(`$ exflow ${c}`);
    }
  });

  it("lists preset ids, titles and scenario names", async () => {
    const r = await exflow(["presets"]);
    expect(r.code).toBe(0);
    for (const p of Object.values(presets)) {
      expect(r.stdout).toContain(`${p.id}  ${p.title}`);
      for (const name of Object.keys(p.scenarios)) expect(r.stdout).toContain(`  ${name}`);
    }
  });

  it("prints a preset's topology as YAML that validates", async () => {
    const text = readFileSync(topologyFile, "utf8");
    expect(text).toMatch(/^# /);
    expect(text).toContain("servers:");
    const t = presets.o365info!.topology;
    const r = await exflow(["validate", topologyFile]);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(r.stdout).toBe(
      `ok: ${t.sites.length} sites, ${t.servers.length} servers, ${t.namespaces.length} namespaces, ${t.users.length} users\n`,
    );
  });
});

describe("flow", () => {
  it("prints the article's ActiveSync flow as Markdown with steps 1 to 8", async () => {
    const r = await exflow(["flow", topologyFile, ...scenario]);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    const numbers = [...r.stdout.matchAll(/^(\d+)\. /gm)].map((m) => Number(m[1]));
    expect(numbers).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(r.stdout).toContain("```mermaid");
  });

  it("writes SVG and JSON; -o picks the format from the extension", async () => {
    const svg = await exflow(["flow", topologyFile, ...scenario, "--format", "svg", "--theme", "dark"]);
    expect(svg.code).toBe(0);
    expect(svg.stdout.startsWith("<svg")).toBe(true);

    const out = join(dir, "flow.json");
    const json = await exflow(["flow", "preset:o365info", "--scenario", "activesync-new-york", "-o", out]);
    expect(json).toMatchObject({ code: 0, stdout: "" });
    const flow = JSON.parse(readFileSync(out, "utf8"));
    expect(flow.scenario).toMatchObject({ user: "alice", protocol: "activesync", client: "external", host: "mail.o365info.com" });
    expect(flow.steps.filter((s: { n: number | null }) => s.n !== null)).toHaveLength(8);
  });

  it("reads the topology from stdin with -", async () => {
    const yaml = readFileSync(topologyFile, "utf8");
    const r = await exflow(["flow", "-", ...scenario, "--format", "json"], { input: yaml });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).outcome).toBe("proxy");
  });

  it("--strict exits 1 when the flow fails; without it the failing flow is still printed, exit 0", async () => {
    // No namespace resolves outside: an external client reaches nothing.
    const t = structuredClone(presets.o365info!.topology);
    for (const ns of t.namespaces) ns.external = false;
    const file = join(dir, "dark.json");
    writeFileSync(file, JSON.stringify(t));
    const args = [
      "flow",
      file,
      "--user",
      "alice",
      "--protocol",
      "owa",
      "--client",
      "external",
      "--host",
      "mail.o365info.com",
      "--format",
      "json",
    ];
    const plain = await exflow(args);
    expect(plain.code).toBe(0);
    expect(JSON.parse(plain.stdout).outcome).toBe("fail");
    const strict = await exflow([...args, "--strict"]);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/^flow fails: /);
  });
});
