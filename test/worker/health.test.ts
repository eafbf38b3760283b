import { expect, it } from "vitest";
import app from "../../worker/index.ts";

it("answers /healthz with name and version", async () => {
  const res = await app.request("/healthz");
  expect(res.status).toBe(200);
  expect(await res.json()).toMatchObject({ name: "exflow" });
});
