/** POST /v1/import: JSON and YAML answers, UTF-16 bodies, problem+json for other shapes, limits, OpenAPI. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { importInventory } from "../../core/import/index.ts";
import { bytesOf } from "../import/fixtures.ts";
import { app, ORIGIN, post } from "./helpers.ts";

const worked = new TextDecoder().decode(bytesOf("worked-example"));
const send = (body: BodyInit, headers: Record<string, string> = { "Content-Type": "application/json" }, query = "") =>
  Promise.resolve(app.request(`${ORIGIN}/v1/import${query}`, { method: "POST", body, headers }));

describe("POST /v1/import", () => {
  it("answers { topology, report, valid } as the core imports it", async () => {
    const res = await post("/v1/import", worked);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = (await res.json()) as unknown;
    const direct = importInventory(worked);
    expect(direct.ok && JSON.parse(JSON.stringify(direct.value))).toEqual(body);
  });

  it("YAML with ?format=yaml or Accept: application/yaml, the report as comments", async () => {
    for (const res of [
      await send(worked, { "Content-Type": "application/json" }, "?format=yaml"),
      await send(worked, { "Content-Type": "application/json", Accept: "application/yaml" }),
    ]) {
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/^application\/yaml/);
      const text = await res.text();
      expect(text).toMatch(/^# exflow topology imported/);
      expect(text).toContain("\nservers:\n  - name: EX16A");
    }
  });

  it("reads the damaged UTF-16 fixture and reports by path", async () => {
    const res = await send(Buffer.from(bytesOf("damaged-utf16")));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { report: { problems: { path: unknown[] }[] } };
    expect(body.report.problems.map((p) => p.path)).toContainEqual(["vdirs", 0, "internalUrl"]);
  });

  it("422 problem+json for other shapes, 400 for what is not JSON, 406 for an unknown format", async () => {
    const hc = await post("/v1/import", { HealthCheckerExchangeServer: {} });
    expect(hc.status).toBe(422);
    expect(hc.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    const p = (await hc.json()) as { type: string; detail: string; errors: unknown[] };
    expect(p.type).toBe("urn:exflow:problem:not-an-inventory");
    expect(p.detail).toMatch(/exflow-inventory\/1/);
    expect((await send("servers: []", { "Content-Type": "text/plain" })).status).toBe(400);
    expect((await send("", { "Content-Type": "application/json" })).status).toBe(400);
    expect((await send(worked, { "Content-Type": "application/yaml" })).status).toBe(400);
    expect((await send(worked, { "Content-Type": "application/json" }, "?format=svg")).status).toBe(406);
  });

  it("413 over the limit", async () => {
    const big = JSON.stringify({ schema: "exflow-inventory/1", pad: "x".repeat(1024 * 1024 + 10) });
    expect((await send(big)).status).toBe(413);
  });

  it("is declared in the OpenAPI document with the inventory schema", async () => {
    const doc = (await (await app.request(`${ORIGIN}/openapi.json`)).json()) as {
      paths: Record<string, unknown>;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    };
    expect(doc.paths["/v1/import"]).toBeDefined();
    const schema = JSON.parse(readFileSync(new URL("../../collect/exflow-inventory.schema.json", import.meta.url), "utf8")) as {
      properties: Record<string, unknown>;
    };
    expect(Object.keys(doc.components.schemas.Inventory?.properties ?? {})).toEqual(Object.keys(schema.properties));
  });
});
