/** `exflow observe` end to end: folders, JSON and Markdown, --strict, --anonymize, --pictures. */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { exflow, tempDir } from "./run.ts";

const LOGS = "test/fixtures/observe/HttpProxy";

describe("exflow observe", () => {
  it("reads a folder against a preset; --strict exits 1 on a differing path and names it", async () => {
    const json = await exflow(["observe", LOGS, "--topology", "preset:fabrikam", "--format", "json"]);
    expect(json.code).toBe(0);
    const r = JSON.parse(json.stdout);
    expect(r.requests).toBe(19);
    expect(r.files).toHaveLength(9);
    const strict = await exflow(["observe", LOGS, "--topology", "preset:fabrikam", "--strict", "-o", join(tempDir(), "o.md")]);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/differs: activesync kim HQ-EX2016 -> HQ-EX2013/);
  });

  it("writes Markdown tables with the differing path first, and pictures in both views", async () => {
    const dir = tempDir();
    const run = await exflow(["observe", LOGS, "--topology", "preset:fabrikam", "--anonymize", "--pictures", dir]);
    expect(run.code).toBe(0);
    const activesync = run.stdout.split("## activesync")[1]!.split("##")[0]!;
    expect(activesync.split("\n").filter((l) => l.startsWith("| "))[2]).toMatch(/^\| \*\*differs\*\* \| user-1 \|/);
    expect(run.stdout).not.toMatch(/\bkim\b|203\.0\.113/);
    const files = readdirSync(dir);
    expect(files).toContain("activesync-user-1-external-mail.fabrikam.com.svg");
    expect(files).toContain("activesync-user-1-external-mail.fabrikam.com-map.mmd");
    expect(files.filter((f) => f.endsWith(".png")).length).toBeGreaterThan(0);
    const map = readFileSync(join(dir, "activesync-user-1-external-mail.fabrikam.com-map.mmd"), "utf8");
    expect(map).toMatch(/==>\|"2"\| p_BR_EX2016/);
    expect(map).toMatch(/instead: HQ-EX2013 x1/);
    for (const f of files) expect(readFileSync(join(dir, f), "latin1")).not.toMatch(/\bkim\b/);
  });

  it("refuses a missing path and --pictures without a topology (exit 2)", async () => {
    expect((await exflow(["observe", "no/such/folder"])).code).toBe(2);
    const dir = tempDir();
    const run = await exflow(["observe", LOGS, "--pictures", dir]);
    expect(run.code).toBe(2);
    expect(existsSync(join(dir, "x"))).toBe(false);
  });
});
