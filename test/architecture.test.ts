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

  // The core's stages, in the order data passes through them. A stage may import the kernel (files at
  // core/'s root other than the entries) and any earlier stage, never a later one; the kernel imports
  // only itself. Entries (index, browser, compile) assemble the chain and may import anything.
  const STAGES = ["presets", "parse", "validate", "model", "diagnose", "route", "audit", "observe", "import"];
  const ENTRIES = new Set(["index.ts", "browser.ts", "compile.ts"]);
  const coreDir = join(root, "core");
  const stageOf = (file: string): number | "kernel" | "entry" => {
    const rel = file.slice(coreDir.length + 1);
    if (!rel.includes("/")) return ENTRIES.has(rel) ? "entry" : "kernel";
    const i = STAGES.indexOf(rel.split("/")[0]!);
    if (i < 0) throw new Error(`${rel} is in no stage folder: add the folder to STAGES in order`);
    return i;
  };

  it("core's root holds at most 12 files, and every folder is a stage", () => {
    const rootFiles = readdirSync(coreDir, { withFileTypes: true }).filter((e) => e.isFile());
    expect(rootFiles.length).toBeLessThanOrEqual(12);
    for (const e of readdirSync(coreDir, { withFileTypes: true })) if (e.isDirectory()) expect(STAGES).toContain(e.name);
  });

  it("core's stages import only the kernel and earlier stages", () => {
    const offenders: string[] = [];
    for (const f of sources("core")) {
      const from = stageOf(f);
      if (from === "entry") continue;
      for (const spec of imports(f)) {
        if (!spec.startsWith(".")) continue;
        const to = stageOf(join(f, "..", spec));
        if (to === "entry") offenders.push(`${f} imports the entry ${spec}`);
        else if (from === "kernel" && to !== "kernel") offenders.push(`kernel file ${f} imports stage ${spec}`);
        else if (typeof from === "number" && typeof to === "number" && to > from) offenders.push(`${f} imports later ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
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

  it("worker, cli, the playground, bench and scripts reach diagrams/ only through diagrams/index.ts", () => {
    const offenders: string[] = [];
    for (const dir of ["worker", "cli", "playground", "bench", "scripts"])
      for (const f of sources(dir))
        for (const spec of imports(f))
          if (join(f, "..", spec).startsWith(join(root, "diagrams/")) && join(f, "..", spec) !== join(root, "diagrams/index.ts"))
            offenders.push(`${f} imports ${spec}`);
    expect(offenders).toEqual([]);
  });

  it("the sequence view has its folder beside the map's, and both share one file of SVG primitives", () => {
    const dirs = readdirSync(join(root, "diagrams"), { withFileTypes: true }).filter((e) => e.isDirectory());
    expect(dirs.map((e) => e.name)).toEqual(expect.arrayContaining(["map", "sequence"]));
    for (const f of sources("diagrams").filter((f) => !f.endsWith("diagrams/svg-primitives.ts")))
      expect(readFileSync(f, "utf8"), f).not.toMatch(/(?:function|const) (?:num|contentId|textLines)\b|const FONT_FAMILY\b/);
  });

  it("bench/ imports no test code", () => {
    const offenders = sources("bench").flatMap((f) =>
      imports(f)
        .filter((spec) => /(^|\/)test\//.test(spec))
        .map((spec) => `${f} imports ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it("the playground's modules import one another without a cycle", () => {
    const graph = new Map(
      sources("playground/client").map((f) => [
        f,
        imports(f)
          .filter((s) => s.startsWith("./"))
          .map((s) => join(f, "..", s)),
      ]),
    );
    const cycles: string[] = [];
    const visit = (f: string, path: string[]): void => {
      for (const g of graph.get(f) ?? []) {
        if (path.includes(g)) cycles.push([...path.slice(path.indexOf(g)), g].map((p) => p.slice(root.length + 1)).join(" -> "));
        else visit(g, [...path, g]);
      }
    };
    for (const f of graph.keys()) visit(f, [f]);
    expect(cycles).toEqual([]);
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

  it("lib/ (helpers every layer shares) imports only itself, and core/index.ts exports no helper of it", () => {
    for (const f of sources("lib")) for (const spec of imports(f)) expect(spec, `${f} imports ${spec}`).toMatch(/^\.\/[\w-]+\.ts$/);
    expect(readFileSync(join(root, "core/index.ts"), "utf8")).not.toMatch(/from "\.\.\/lib\//);
  });

  it("small helpers live once: no local isObject or Path outside lib/ and core/types.ts", () => {
    for (const dir of ["lib", "core", "worker", "cli", "diagrams", "playground"])
      for (const f of sources(dir)) {
        if (f.endsWith("lib/plain.ts")) continue;
        const text = readFileSync(f, "utf8");
        expect(text, f).not.toMatch(/(?:function|const) isObject\b/);
        if (!f.endsWith("core/types.ts")) expect(text, f).not.toMatch(/^(?:export )?type Path = /m);
      }
  });
});

describe("code style", () => {
  const MAX_LINE = 140;
  // Data tables keep one row per line so a row reads (and diffs) as one fact; everything else wraps.
  const DATA_TABLES = new Set([
    "core/route/rules.ts",
    "core/route/sources.ts",
    "core/diagnose/codes.ts",
    "core/diagnose/hybrid-codes.ts",
    "core/presets/contoso.ts",
    "core/presets/contoso-hybrid.ts",
    "core/presets/fabrikam.ts",
    "core/presets/o365info.ts",
    "diagrams/font-metrics.ts", // generated by scripts/font-metrics.ts
  ]);

  it(`no line over ${MAX_LINE} characters outside the data tables`, () => {
    // Not yet playground/: its page markup (HTML in template literals) just landed, and wrapping it
    // changes the served page, so it joins this check in a change of its own.
    const files = ["bench", "cli", "core", "diagrams", "lib", "scripts", "test", "worker"]
      .flatMap((dir) => readdirSync(join(root, dir), { recursive: true, encoding: "utf8" }).map((f) => `${dir}/${f}`))
      .concat(readdirSync(root))
      .filter((f) => /\.(ts|mjs)$/.test(f) && !f.startsWith("test/artifacts/") && !DATA_TABLES.has(f));
    expect(files.length).toBeGreaterThan(200);
    const long = files.flatMap((f) =>
      readFileSync(join(root, f), "utf8")
        .split("\n")
        .flatMap((line, i) => (line.length > MAX_LINE ? [`${f}:${i + 1} (${line.length})`] : [])),
    );
    expect(long).toEqual([]);
    for (const f of DATA_TABLES) expect(readFileSync(join(root, f), "utf8").length, f).toBeGreaterThan(0);
  });
});
