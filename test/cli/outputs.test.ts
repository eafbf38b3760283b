/** `-o` decides the format by extension: .png writes a PNG; an extension we cannot write is exit 2. */
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { exflow } from "./run.ts";

const dir = mkdtempSync(join(tmpdir(), "exflow-outputs-"));

describe("flow -o", () => {
  test("x.png writes a PNG of the SVG's size; --notes and --label reach it", async () => {
    const png = join(dir, "m.png");
    const r = await exflow(["flow", "preset:o365info", "--scenario", "activesync-madrid", "-o", png, "--label", "role"]);
    expect(r.code).toBe(0);
    const b = readFileSync(png);
    expect([...b.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    const svg = await exflow(["flow", "preset:o365info", "--scenario", "activesync-madrid", "--format", "svg", "--label", "role"]);
    const width = Number(/width="([\d.]+)"/.exec(svg.stdout)?.[1]);
    expect(Math.abs(b.readUInt32BE(16) - width)).toBeLessThan(1);
    expect(svg.stdout).toContain(">CAS 2013 (mail.o365info.com)<");
    expect(svg.stdout).not.toContain("NY-CAS2013<");
  });

  test.each(["m.xyz", "m", "audit.pdf"])("%s is a usage error (exit 2) and writes nothing", async (name) => {
    const file = join(dir, name);
    const r = await exflow(["flow", "preset:o365info", "--scenario", "activesync-madrid", "-o", file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/-o .*(cannot write|no extension)/);
    expect(existsSync(file)).toBe(false);
    const a = await exflow(["audit", "preset:o365info", "-o", file]);
    expect(a.code).toBe(2);
  });

  test("--format wins over an extension it does not know", async () => {
    const file = join(dir, "notes.txt");
    expect((await exflow(["flow", "preset:o365info", "--scenario", "activesync-madrid", "--format", "md", "-o", file])).code).toBe(0);
    expect(readFileSync(file, "utf8")).toMatch(/^### /);
  });
});
