import { existsSync } from "node:fs";
import type { Plugin } from "vite";
import { cloudflareTest } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

// Tests that drive Debian's Chromium: mermaid-cli fidelity, the playground, the XSS campaign, PNG vs Chromium.
// `.ci/run` installs Chromium and sets EXFLOW_REQUIRE_BROWSER=1, so in CI they always run (and fail
// if Chromium is missing); on a machine without it they are left out with a notice, not failed.
const BROWSER_TESTS = [
  "test/diagrams/fidelity.test.ts",
  "test/map/fidelity.test.ts",
  "test/playground/playground.test.ts",
  "test/hostile/xss.test.ts",
  "test/playground/import.test.ts",
  "test/png/chromium.test.ts",
];
const chromium = "/usr/bin/chromium";
const runBrowserTests = existsSync(chromium) || process.env.EXFLOW_REQUIRE_BROWSER === "1";
if (!runBrowserTests)
  console.warn(
    [
      `\n[exflow] ${chromium} not found: leaving out the ${BROWSER_TESTS.length} Chromium test files`,
      `(${BROWSER_TESTS.join(", ")}).\n[exflow] Install it with: sudo apt-get install -y chromium`,
      "fonts-liberation2   (.ci/run does)\n",
    ].join(" "),
  );

// In the Node project, `.wasm` and `.ttf` imports load as wrangler uploads them for workerd
// (a compiled WebAssembly.Module, an ArrayBuffer), so worker/png.ts runs under app.request() too.
const workerModules: Plugin = {
  name: "exflow-worker-modules",
  enforce: "pre",
  load(id) {
    const file = id.split("?")[0] ?? id;
    const read = `(await import("node:fs")).readFileSync(${JSON.stringify(file)})`;
    if (file.endsWith(".wasm")) return `export default new WebAssembly.Module(${read});`;
    if (file.endsWith(".ttf")) return `const b = ${read}; export default b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);`;
    return undefined;
  },
};

// Two projects: fast Node tests for core/diagrams/worker (app.request), and a few
// tests inside workerd against the real wrangler.toml (files named *.workerd.test.ts).
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [workerModules],
        test: {
          name: "unit",
          // Through the plugin above, not Node's own loader (which would read the .wasm as an ES module).
          server: { deps: { inline: ["@resvg/resvg-wasm"] } },
          include: ["test/**/*.test.ts"],
          exclude: ["test/**/*.workerd.test.ts", "node_modules/**", ...(runBrowserTests ? [] : BROWSER_TESTS)],
          environment: "node",
          testTimeout: 60_000,
        },
      },
      {
        plugins: [cloudflareTest({ wrangler: { configPath: "./wrangler.toml" } })],
        test: { name: "workerd", include: ["test/**/*.workerd.test.ts"] },
      },
    ],
  },
});
