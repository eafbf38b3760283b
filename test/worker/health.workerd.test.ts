import { SELF } from "cloudflare:test";
import { expect, it } from "vitest";
import pkg from "../../package.json" with { type: "json" };

it("serves /healthz from the real wrangler.toml inside workerd", async () => {
  const res = await SELF.fetch("https://exflow.test/healthz");
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ name: "exflow", version: pkg.version });
});
