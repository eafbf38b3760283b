/**
 * Data flows one way: worker -> diagrams -> core. core/ stays pure (no HTTP, no clock, no
 * randomness, no Node built-ins) so the same code runs in the Worker, the CLI and tests, and
 * the others reach it only through its public API, core/index.ts.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts"))
    .map((e) => join(e.parentPath, e.name));
}

const imports = (file: string) =>
  [...readFileSync(file, "utf8").matchAll(/^\s*(?:import|export)\s[^;]*?from\s+["']([^"']+)["']/gm)].map((m) => m[1]!);

describe("layering", () => {
  it("core imports nothing from worker, diagrams, cli, hono or node", () => {
    for (const f of sources("core"))
      for (const spec of imports(f)) expect(spec, `${f} imports ${spec}`).not.toMatch(/(^|\/)(worker|diagrams|cli)\/|^hono|^node:|^@hono/);
  });

  it("core never reads the clock or randomness", () => {
    for (const f of sources("core"))
      expect(readFileSync(f, "utf8"), f).not.toMatch(/Date\.now|new Date\(|Math\.random|crypto\.|performance\.now/);
  });

  it("diagrams import only core (types) and themselves", () => {
    for (const f of sources("diagrams"))
      for (const spec of imports(f)) expect(spec, `${f} imports ${spec}`).not.toMatch(/(^|\/)(worker|cli)\/|^hono|^node:|^mermaid/);
  });

  it("worker, cli and diagrams import core only through core/index.ts", () => {
    const offenders: string[] = [];
    for (const dir of ["worker", "cli", "diagrams"])
      for (const f of sources(dir))
        for (const spec of imports(f))
          if (/(^|\/)core\//.test(spec) && !/(^|\/)core\/index\.ts$/.test(spec)) offenders.push(`${f} imports ${spec}`);
    expect(offenders).toEqual([]);
  });

  it("the playground's browser script reaches core only through core/browser.ts and the worker only for its URL codec", () => {
    const offenders: string[] = [];
    for (const f of sources("playground/client"))
      for (const spec of imports(f)) {
        if (/(^|\/)core\//.test(spec) && !/(^|\/)core\/browser\.ts$/.test(spec)) offenders.push(`${f} imports ${spec}`);
        if (/(^|\/)worker\//.test(spec) && !/(^|\/)worker\/codec\.ts$/.test(spec)) offenders.push(`${f} imports ${spec}`);
        if (/(^|\/)(diagrams|cli)\/|^hono|^node:|^zod/.test(spec)) offenders.push(`${f} imports ${spec}`);
      }
    expect(offenders).toEqual([]);
  });

  it("small helpers live once: no local isObject or Path outside core/", () => {
    for (const dir of ["core", "worker", "cli", "diagrams", "playground"])
      for (const f of sources(dir)) {
        if (f.endsWith("core/plain.ts")) continue;
        const text = readFileSync(f, "utf8");
        expect(text, f).not.toMatch(/(?:function|const) isObject\b/);
        if (!f.endsWith("core/types.ts")) expect(text, f).not.toMatch(/^(?:export )?type Path = /m);
      }
  });
});
