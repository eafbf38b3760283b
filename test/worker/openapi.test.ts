/** GET /openapi.json: OpenAPI 3.1 built around the same JSON Schemas the core validates with. */
import { expect, it } from "vitest";
import { flowRequestJsonSchema, topologyJsonSchema } from "../../core/validate/schema.ts";
import { get, ORIGIN } from "./helpers.ts";

interface Doc {
  openapi: string;
  servers: { url: string }[];
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, Record<string, unknown>> };
}

it("is OpenAPI 3.1 with every route, and its request schemas are the core's", async () => {
  const res = await get("/openapi.json");
  expect(res.status).toBe(200);
  const doc = (await res.json()) as Doc;
  expect(doc.openapi).toBe("3.1.0");
  expect(doc.servers[0]?.url).toBe(ORIGIN);
  expect(Object.keys(doc.paths)).toEqual(
    expect.arrayContaining([
      "/healthz",
      "/v1/flow",
      "/v1/flow/{format}/{encoded}",
      "/v1/presets",
      "/v1/presets/{id}",
      "/v1/presets/{id}/{file}",
      "/v1/audit",
      "/openapi.json",
    ]),
  );
  const { $schema: _a, ...flow } = flowRequestJsonSchema();
  expect(doc.components.schemas.FlowRequest).toEqual(flow);
  const { $schema: _b, ...topology } = topologyJsonSchema();
  expect(doc.components.schemas.Topology).toEqual(topology);
});

it("every $ref points at a component that exists, and no CDN is referenced", async () => {
  const text = await (await get("/openapi.json")).text();
  const doc = JSON.parse(text) as Doc;
  for (const [, name] of text.matchAll(/"\$ref": "#\/components\/schemas\/([^"]+)"/g))
    expect(doc.components.schemas[name ?? ""], name).toBeDefined();
  expect(text).not.toMatch(/cdn|unpkg|jsdelivr/i);
});
