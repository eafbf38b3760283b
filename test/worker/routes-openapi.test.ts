/**
 * The app's routes and /openapi.json's paths are the same set, in both directions: a route cannot
 * ship without its entry (clients and the unknown-query check read the document), and the document
 * cannot promise a path no route serves. Methods are compared too (HEAD rides on GET).
 */
import { describe, expect, it } from "vitest";
import app from "../../worker/index.ts";
import { openApiPath } from "../../worker/query-check.ts";

const METHODS = ["GET", "POST", "PUT", "DELETE", "PATCH"];

async function documented(): Promise<string[]> {
  const doc = (await (await app.request("/openapi.json")).json()) as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(doc.paths)
    .flatMap(([path, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${path}`))
    .filter((op) => METHODS.includes(op.split(" ")[0]!))
    .sort();
}

/** The app's handlers (middleware is registered as ALL): `GET /v1/flow/{format}/{encoded}`. */
const served = (): string[] =>
  [...new Set(app.routes.filter((r) => METHODS.includes(r.method)).map((r) => `${r.method} ${openApiPath(r.path)}`))].sort();

describe("routes and /openapi.json", () => {
  it("every route of the app has its entry in /openapi.json", async () => {
    const doc = new Set(await documented());
    expect(served().filter((op) => !doc.has(op))).toEqual([]);
  });

  it("every path of /openapi.json is served by a route", async () => {
    const routes = new Set(served());
    expect((await documented()).filter((op) => !routes.has(op))).toEqual([]);
  });

  it("an unknown query parameter is a 400 naming the ones the operation takes", async () => {
    const res = await app.request("/v1/presets/o365info/activesync-madrid.json?scale=2&colour=red");
    expect(res.status).toBe(400);
    const body = (await res.json()) as { detail: string; allowed: string[] };
    expect(body.detail).toContain('"colour"');
    expect(body.allowed).toEqual(expect.arrayContaining(["theme", "notes", "label", "scale", "view"]));
  });
});
