/**
 * `exflow import`: the real process on the fixtures. stdout is the topology (YAML with the report
 * as comments, or JSON), stderr the report; the output validates and audits with the other
 * commands; a damaged UTF-16 file is reported by path; other shapes exit 2 naming the format.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { DIR } from "../import/fixtures.ts";
import { exflow, tempDir } from "./run.ts";

let dir: string;
beforeAll(() => {
  dir = tempDir();
});
const fixture = (name: string) => join(DIR, `${name}.json`);

describe("exflow import", () => {
  it("writes YAML (report as comments) that validates and audits; the report goes to stderr", async () => {
    const out = join(dir, "topology.yaml");
    const r = await exflow(["import", fixture("worked-example"), "-o", out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^imported 3 servers in 2 sites, 6 namespaces, 3 users from exflow-inventory\/1/);
    expect(r.stderr).toContain("servers[2].adminDisplayVersion: EX10C: Exchange 2010 SP3");
    const yaml = readFileSync(out, "utf8");
    expect(yaml.startsWith("# exflow topology imported from an inventory")).toBe(true);
    expect(yaml).toContain("# Namespaces derived from the URLs");
    const t = parseYaml(yaml) as { servers: { name: string; version: number }[] };
    expect(t.servers.map((s) => s.version)).toEqual([2016, 2013, 2010]);
    expect((await exflow(["validate", out])).stdout).toBe("ok: 2 sites, 3 servers, 6 namespaces, 3 users\n");
    expect((await exflow(["audit", out, "--format", "json"])).code).toBe(0);
  });

  it("--format json prints the topology; --report writes the report as JSON; -q keeps stderr quiet", async () => {
    const report = join(dir, "report.json");
    const r = await exflow(["import", fixture("e2019-se-pool"), "--format", "json", "--report", report, "-q"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const t = JSON.parse(r.stdout) as { servers: { name: string; version: unknown }[] };
    expect(t.servers.find((s) => s.name === "EXSE-1")?.version).toBe("SE");
    expect((JSON.parse(readFileSync(report, "utf8")) as { summary: { servers: number } }).summary.servers).toBe(4);
  });

  it("reads the damaged UTF-16 file and names each damaged path; --strict exits 1", async () => {
    const r = await exflow(["import", fixture("damaged-utf16"), "--format", "json", "--strict"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("servers[0].serverRole: ServerRole 6 read as role bits: Mailbox, ClientAccess");
    expect(r.stderr).toContain('vdirs[0].internalUrl: "System.Uri" is a type name');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(JSON.parse(r.stdout)).toHaveProperty("servers");
  });

  it("reads stdin", async () => {
    const r = await exflow(["import", "-", "--format", "json", "-q"], { input: readFileSync(fixture("hybrid-e2016"), "utf8") });
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { users: { location?: string }[] }).users.map((u) => u.location ?? "onprem")).toEqual([
      "onprem",
      "onprem",
      "cloud",
      "cloud",
      "cloud",
    ]);
  });

  it("exits 2 on a HealthChecker export, a topology, or a missing file, naming the expected format", async () => {
    const hc = join(dir, "hc.json");
    writeFileSync(hc, JSON.stringify({ HealthCheckerExchangeServer: {} }));
    const a = await exflow(["import", hc]);
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/HealthChecker export.*exflow-inventory\/1/);
    expect(a.stdout).toBe("");
    const b = await exflow(["import", join(dir, "missing.json")]);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/cannot read/);
  });

  it("exits 2, still writing the topology, when nothing importable is left", async () => {
    const f = join(dir, "edge.json");
    writeFileSync(
      f,
      JSON.stringify({
        schema: "exflow-inventory/1",
        servers: [{ name: "E", adminDisplayVersion: "Version 15.1 (Build 2507.6)", serverRole: "Edge" }],
      }),
    );
    const r = await exflow(["import", f, "--format", "json"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/does not validate/);
    expect(JSON.parse(r.stdout)).toMatchObject({ servers: [] });
  });

  it("has --help with examples", async () => {
    const r = await exflow(["import", "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Collect-ExflowInventory.ps1");
    expect(r.stdout).toContain("exflow import inventory.json -o topology.yaml");
  });
});
