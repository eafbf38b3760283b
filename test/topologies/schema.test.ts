/** The runtime schema is the migration, statement for statement; without a D1 binding the routes answer 503. */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { presets } from "../../core/index.ts";
import app from "../../worker/index.ts";
import { SCHEMA } from "../../worker/topologies/schema.ts";

const dir = new URL("../../migrations/", import.meta.url);
const normalise = (sql: string): string => sql.replace(/\s+/g, " ").replace(/\( /g, "(").replace(/ \)/g, ")").trim();

describe("D1 schema", () => {
  it("worker/topologies/schema.ts runs exactly the statements of the migrations", () => {
    const files = readdirSync(dir)
      .filter((f) => f.endsWith(".sql"))
      .sort();
    expect(files).toEqual(["0001_topologies.sql"]);
    const statements = files.flatMap((f) =>
      readFileSync(new URL(f, dir), "utf8")
        .replace(/^--.*$/gm, "")
        .split(";")
        .map(normalise)
        .filter(Boolean),
    );
    expect(statements).toEqual(SCHEMA.map(normalise));
    for (const s of statements) expect(s).toMatch(/^CREATE TABLE IF NOT EXISTS /);
  });

  it("answers 503 problem+json when there is no D1 binding", async () => {
    const res = await app.request("/v1/topologies", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ topology: presets.o365info?.topology }),
    });
    expect(res.status).toBe(503);
    const got = await app.request(`/v1/topologies/${"A".repeat(24)}`);
    expect(got.status).toBe(503);
    expect(got.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(((await got.json()) as { type: string }).type).toBe("urn:exflow:problem:storage-unavailable");
  });
});

describe("OpenAPI", () => {
  it("declares the saved-topology operations and the bearer token", async () => {
    const doc = (await (await app.request("http://127.0.0.1:8787/openapi.json")).json()) as {
      paths: Record<string, Record<string, { security?: unknown }>>;
      components: { securitySchemes: Record<string, unknown> };
    };
    expect(Object.keys(doc.paths["/v1/topologies/{ref}"] ?? {}).sort()).toEqual(["delete", "get", "put"]);
    expect(doc.paths["/v1/topologies"]?.post).toBeDefined();
    for (const p of [
      "/v1/topologies/{id}/versions",
      "/v1/topologies/{id}/diff",
      "/v1/t/{ref}/flow/{user}/{protocol}/{file}",
      "/v1/t/{ref}/{file}",
    ])
      expect(doc.paths[p]?.get, p).toBeDefined();
    expect(doc.paths["/v1/topologies/{ref}"]?.put?.security).toEqual([{ bearerToken: [] }]);
    expect(doc.components.securitySchemes.bearerToken).toMatchObject({ type: "http", scheme: "bearer" });
  });
});
