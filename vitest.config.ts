import { cloudflareTest } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

// Two projects: fast Node tests for core/diagrams/worker (app.request), and a few
// tests inside workerd against the real wrangler.toml (files named *.workerd.test.ts).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["test/**/*.test.ts"],
          exclude: ["test/**/*.workerd.test.ts", "node_modules/**"],
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
