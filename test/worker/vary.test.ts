/**
 * `Vary: Accept`, route by route: every URL of the OpenAPI document is requested with a spread of
 * Accept headers. When the answers differ in status or Content-Type, every one of them must say
 * `Vary: Accept` (a shared cache would otherwise hand one client's type to another); when they are
 * all the same, none may (it would only split the cache).
 */
import { describe, expect, it } from "vitest";
import { inventoryOf } from "../import/fixtures.ts";
import { get, kroki, post, REQUEST } from "./helpers.ts";

const ACCEPTS: (string | undefined)[] = [
  undefined,
  "",
  "*/*",
  "text/plain",
  "text/vnd.mermaid",
  "application/json",
  "image/svg+xml",
  "image/*",
  "text/markdown",
  "text/csv",
  "text/html",
  "image/png",
];

/** Concrete requests for each path template of the document; a new route fails until it is listed here. */
const TOPOLOGY = {
  topology: {
    sites: [{ name: "HQ" }],
    servers: [{ name: "EX1", version: 2019, roles: ["mailbox"], site: "HQ" }],
    namespaces: [],
    users: [{ name: "alice", mailbox: "EX1" }],
  },
};
const SAVED = "AAAAAAAAAAAAAAAAAAAAAAAA";
/** Saved topologies need D1; this Node project has no binding, so these check the Vary of their 503 answers (with D1: test/topologies/). */
const ROUTES: Record<string, { method: "GET" | "POST"; url: string; body?: unknown }[]> = {
  "/healthz": [{ method: "GET", url: "/healthz" }],
  "/openapi.json": [{ method: "GET", url: "/openapi.json" }],
  "/v1/flow": [
    { method: "POST", url: "/v1/flow", body: REQUEST },
    { method: "POST", url: "/v1/flow?format=mmd", body: REQUEST },
    { method: "POST", url: "/v1/flow?format=svg", body: REQUEST },
    { method: "POST", url: "/v1/flow", body: { preset: "o365info" } },
  ],
  "/v1/flow/{format}/{encoded}": [
    ...["json", "svg", "png", "mmd", "md"].map((f) => ({ method: "GET" as const, url: `/v1/flow/${f}/${kroki(REQUEST)}` })),
    // A 422 for a URL that fixes mmd: Accept picks only mmd's media type, which the error does not have.
    { method: "GET", url: `/v1/flow/mmd/${kroki({ ...REQUEST, scenario: { ...REQUEST.scenario, user: "nobody" } })}` },
  ],
  "/v1/presets": [{ method: "GET", url: "/v1/presets" }],
  "/v1/presets/{id}": [
    { method: "GET", url: "/v1/presets/o365info" },
    { method: "GET", url: "/v1/presets/nope" },
  ],
  "/v1/presets/{id}/{file}": [
    ...[
      "activesync-madrid",
      "activesync-madrid.svg",
      "activesync-madrid.png",
      "activesync-madrid.mmd",
      "activesync-madrid.md",
      "activesync-madrid.json",
    ].map((f) => ({ method: "GET" as const, url: `/v1/presets/o365info/${f}` })),
    ...["audit", "audit.json", "audit.md", "audit.csv", "nope.mmd"].map((f) => ({
      method: "GET" as const,
      url: `/v1/presets/o365info/${f}`,
    })),
  ],
  "/v1/audit": [
    { method: "POST", url: "/v1/audit", body: { preset: "o365info" } },
    { method: "POST", url: "/v1/audit?format=csv", body: { preset: "o365info" } },
    { method: "POST", url: "/v1/audit?users=carmen&protocols=owa", body: { preset: "o365info" } },
  ],
  "/v1/import": [
    { method: "POST", url: "/v1/import", body: inventoryOf("worked-example") },
    { method: "POST", url: "/v1/import?format=yaml", body: inventoryOf("worked-example") },
  ],
  "/v1/topologies": [{ method: "POST", url: "/v1/topologies", body: TOPOLOGY }],
  "/v1/topologies/{ref}": [
    { method: "GET", url: `/v1/topologies/${SAVED}` },
    { method: "GET", url: `/v1/topologies/${SAVED}@1` },
  ],
  "/v1/topologies/{id}/versions": [{ method: "GET", url: `/v1/topologies/${SAVED}/versions` }],
  "/v1/topologies/{id}/diff": [
    { method: "GET", url: `/v1/topologies/${SAVED}/diff` },
    { method: "GET", url: `/v1/topologies/${SAVED}/diff?format=md` },
  ],
  "/v1/t/{ref}/flow/{user}/{protocol}/{file}": ["internal", "external.svg", "external.mmd", "internal.json"].map((f) => ({
    method: "GET" as const,
    url: `/v1/t/${SAVED}/flow/alice/owa/${f}`,
  })),
  "/v1/t/{ref}/{file}": ["audit.md", "audit.csv", "audit.json"].map((f) => ({ method: "GET" as const, url: `/v1/t/${SAVED}/${f}` })),
};

async function send(r: { method: "GET" | "POST"; url: string; body?: unknown }, accept: string | undefined): Promise<Response> {
  const headers: Record<string, string> = accept === undefined ? {} : { Accept: accept };
  return r.method === "GET" ? get(r.url, headers) : post(r.url, r.body, headers);
}

const variesOnAccept = (res: Response): boolean =>
  (res.headers.get("vary") ?? "").split(",").some((v) => v.trim().toLowerCase() === "accept" || v.trim() === "*");

describe("Vary: Accept wherever Accept changes the answer", async () => {
  const doc = (await (await get("/openapi.json")).json()) as { paths: Record<string, unknown> };

  it("covers every path of the OpenAPI document", () => {
    expect(Object.keys(doc.paths).filter((p) => !(p in ROUTES))).toEqual([]);
  });

  const cases = Object.values(ROUTES).flat();
  it.each(cases.map((r) => [`${r.method} ${r.url.slice(0, 60)}`, r] as const))("%s", async (_name, r) => {
    const answers = await Promise.all(ACCEPTS.map(async (a) => ({ accept: a, res: await send(r, a) })));
    const kinds = new Set(answers.map(({ res }) => `${res.status} ${res.headers.get("content-type")}`));
    for (const { accept, res } of answers) {
      await res.arrayBuffer();
      expect(
        variesOnAccept(res),
        `Accept ${JSON.stringify(accept)} -> ${res.status} ${res.headers.get("content-type")} (answers: ${[...kinds].join(" | ")})`,
      ).toBe(kinds.size > 1);
    }
  });

  it("the mmd link of a JSON flow varies on Accept with no Accept, text/plain and */*", async () => {
    const flow = (await (await post("/v1/flow?format=json", REQUEST)).json()) as { links: { mmd: string } };
    const path = flow.links.mmd.slice(flow.links.mmd.indexOf("/v1/"));
    const types = [];
    for (const accept of [undefined, "", "text/plain", "*/*"]) {
      const res = await get(path, accept === undefined ? {} : { Accept: accept });
      expect(res.status).toBe(200);
      expect(variesOnAccept(res)).toBe(true);
      types.push(res.headers.get("content-type"));
    }
    expect(types).toEqual([
      "text/vnd.mermaid; charset=utf-8",
      "text/vnd.mermaid; charset=utf-8",
      "text/plain; charset=utf-8",
      "text/vnd.mermaid; charset=utf-8",
    ]);
  });

  it("a 304 carries the same Vary as the 200 it stands for", async () => {
    const url = `/v1/flow/mmd/${kroki(REQUEST)}`;
    const first = await get(url, { Accept: "text/plain" });
    const again = await get(url, { Accept: "text/plain", "If-None-Match": first.headers.get("etag") ?? "" });
    expect(again.status).toBe(304);
    expect(again.headers.get("vary")).toBe(first.headers.get("vary"));
  });
});
