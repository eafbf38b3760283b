/**
 * `exflow render` and `exflow audit` over a whole topology: the files and index.md render
 * writes, the audit formats, and `--strict` exit codes. Piped stderr gets no progress bar.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { presets } from "../../core/presets/index.ts";
import { exflow, tempDir } from "./run.ts";

interface Row {
  user: string;
  protocol: string;
  client: string;
  outcome: string;
}

let dir: string;
let rows: Row[];

beforeAll(async () => {
  dir = tempDir();
  const r = await exflow(["audit", "preset:o365info", "--format", "json"]);
  expect(r.code).toBe(0);
  rows = JSON.parse(r.stdout).rows;
});

describe("render", () => {
  it("writes .svg, .mmd and .md for every applicable combination, and an index.md linking them", async () => {
    const out = join(dir, "flows");
    const r = await exflow(["render", "preset:o365info", "--out", out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const applicable = rows.filter((row) => row.outcome !== "n/a");
    expect(r.stdout).toContain(`wrote ${applicable.length} flows`);

    const files = readdirSync(out);
    expect(files).toHaveLength(applicable.length * 3 + 1);
    for (const row of applicable) {
      const stem = `${row.user}-${row.protocol}-${row.client}`;
      expect(readFileSync(join(out, `${stem}.svg`), "utf8").startsWith("<svg")).toBe(true);
      expect(readFileSync(join(out, `${stem}.mmd`), "utf8")).toContain("sequenceDiagram");
      expect(readFileSync(join(out, `${stem}.md`), "utf8")).toMatch(/^### /);
    }
    for (const row of rows.filter((x) => x.outcome === "n/a"))
      expect(existsSync(join(out, `${row.user}-${row.protocol}-${row.client}.md`))).toBe(false);

    const index = readFileSync(join(out, "index.md"), "utf8");
    for (const u of presets.o365info!.topology.users) expect(index).toContain(`\n## ${u.name}\n`);
    const links = [...index.matchAll(/\]\(([^)]+)\)/g)].map((m) => m[1]!);
    expect(links).toHaveLength(applicable.length * 3);
    for (const link of links) expect(files).toContain(link);
  });

  it("sanitises user names into file names", async () => {
    const t = structuredClone(presets.o365info!.topology);
    t.users = [{ name: "../Éve Smith", mailbox: "NY-MBX2013" }];
    const topo = join(dir, "eve.json");
    writeFileSync(topo, JSON.stringify(t));
    const out = join(dir, "eve");
    const r = await exflow(["render", topo, "--out", out]);
    expect(r.code).toBe(0);
    const files = readdirSync(out);
    expect(files).toContain("Eve_Smith-owa-external.svg");
    for (const f of files) expect(f).toMatch(/^[A-Za-z0-9._-]+$/);
  });
});

describe("audit", () => {
  it("prints the matrix as Markdown by default and as CSV", async () => {
    const md = await exflow(["audit", "preset:o365info"]);
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/^# Audit: o365info/);
    expect(md.stdout).toContain("## Diagnostics");
    for (const u of presets.o365info!.topology.users) expect(md.stdout).toMatch(new RegExp(`^\\| ${u.name} \\| `, "m"));

    const csv = await exflow(["audit", "preset:o365info", "--format", "csv"]);
    expect(csv.code).toBe(0);
    const lines = csv.stdout.trimEnd().split("\r\n");
    expect(lines[0]).toBe("user,mailbox,version,site,protocol,client,host,outcome,steps,rules,diagnostics,note");
    expect(lines).toHaveLength(rows.length + 1);
  });

  it("--strict: exit 1 exactly when some flow fails", async () => {
    const failing = rows.some((r) => r.outcome === "fail");
    const r = await exflow(["audit", "preset:o365info", "--strict", "--format", "json"]);
    expect(r.code).toBe(failing ? 1 : 0);

    // Nothing resolves outside: every external flow fails.
    const t = structuredClone(presets.o365info!.topology);
    for (const ns of t.namespaces) ns.external = false;
    const topo = join(dir, "dark.yaml");
    writeFileSync(topo, JSON.stringify(t)); // JSON is valid YAML
    const strict = await exflow(["audit", topo, "--strict", "--format", "csv"]);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain(",fail,"); // the report is still written
    expect(strict.stderr).toMatch(/\d+ of \d+ flows fail\n$/);
  });
});
