/**
 * Saved topologies inside workerd against a real local D1 (miniflare's SQLite, from the D1 binding
 * in wrangler.toml; no migrations are applied here, so the worker's own schema-on-first-use is
 * exercised too): create, read, versions, update, diff, delete, auth failures, concurrent writes,
 * limits, and D1 failing mid-write (a trigger that aborts an INSERT or DELETE inside the batch).
 */
import { env, SELF } from "cloudflare:test";
import { stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { presets } from "../../core/index.ts";
import type { Topology } from "../../core/types.ts";
import type { D1Database } from "../../worker/topologies/d1.ts";
import { MAX_VERSIONS, MAX_WRITES_PER_WINDOW } from "../../worker/topologies/limits.ts";

declare global {
  namespace Cloudflare {
    interface Env {
      DB: D1Database;
    }
  }
}

const BASE = "https://exflow.test";
const O365 = presets.o365info?.topology as Topology;
const YAML = stringify(O365);
/** The acceptance check's change: a namespace renamed, so carmen's (Madrid) flows change path. */
const RENAMED = YAML.replaceAll("europe.mail.o365info.com", "eu.mail.o365info.com");
const FLOW = "flow/carmen/activesync/external.svg?host=mail.o365info.com";

interface Created {
  id: string;
  token: string;
  version: number;
  created: string;
  links: Record<string, string>;
}

const yamlHeaders = (token?: string): Record<string, string> => ({
  "Content-Type": "application/yaml",
  ...(token ? { Authorization: `Bearer ${token}` } : {}),
});

async function create(body = YAML): Promise<Created> {
  const res = await SELF.fetch(`${BASE}/v1/topologies`, { method: "POST", headers: yamlHeaders(), body });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as Created;
}

const put = (id: string, body: string, token?: string): Promise<Response> =>
  SELF.fetch(`${BASE}/v1/topologies/${id}`, { method: "PUT", headers: yamlHeaders(token), body });

async function versionCount(id: string): Promise<number> {
  const row = await env.DB.prepare("SELECT COUNT(*) AS n FROM topology_versions WHERE id = ?1").bind(id).first<{ n: number }>();
  return row?.n ?? 0;
}

async function text(path: string, init?: RequestInit): Promise<{ status: number; body: string; headers: Headers }> {
  const res = await SELF.fetch(`${BASE}${path}`, init);
  return { status: res.status, body: await res.text(), headers: res.headers };
}

/** A copy of the o365info topology with one more user, so each write has a distinct body. */
const withUser = (n: number): string =>
  JSON.stringify({ ...O365, users: [...O365.users, { name: `extra${n}`, mailbox: O365.users[0]?.mailbox }] });

describe("saved topologies in D1", () => {
  it("creates from YAML: 201, a 144-bit URL-safe id, version 1, a token shown once and stored only as its SHA-256", async () => {
    const c = await create();
    expect(c.id).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(c.token).toMatch(/^exft_[A-Za-z0-9_-]{43}$/);
    expect(c.version).toBe(1);
    expect(Date.parse(c.created)).toBeGreaterThan(0);
    const row = await env.DB.prepare("SELECT token_sha256 FROM topologies WHERE id = ?1").bind(c.id).first<{ token_sha256: string }>();
    const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(c.token)));
    expect(row?.token_sha256).toBe(Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join(""));
    const got = await SELF.fetch(`${BASE}/v1/topologies/${c.id}`);
    expect(got.status).toBe(200);
    const body = (await got.json()) as { version: number; topology: Topology; token?: string };
    expect(body.topology).toEqual(O365);
    expect(body.version).toBe(1);
    expect(body.token).toBeUndefined();
    expect(JSON.stringify(body)).not.toContain(c.token);
  });

  it("accepts a wrapped JSON document and rejects an invalid topology with 422 and paths, storing nothing", async () => {
    const c = await create(JSON.stringify({ topology: O365 }));
    expect(((await (await SELF.fetch(`${BASE}/v1/topologies/${c.id}`)).json()) as { topology: Topology }).topology).toEqual(O365);
    const before = await env.DB.prepare("SELECT COUNT(*) AS n FROM topologies").first<{ n: number }>();
    const bad = await text("/v1/topologies", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ ...O365, servers: [{ name: "X", version: 1999 }] }),
    });
    expect(bad.status).toBe(422);
    expect(JSON.parse(bad.body).errors[0].path[0]).toBe("servers");
    const after = await env.DB.prepare("SELECT COUNT(*) AS n FROM topologies").first<{ n: number }>();
    expect(after?.n).toBe(before?.n);
  });

  it(
    "serves the saved topology's flow exactly as the same topology in a POST, with short caching on " + "latest and immutable versions",
    async () => {
      const c = await create();
      const saved = await text(`/v1/t/${c.id}/${FLOW}`);
      expect(saved.status).toBe(200);
      expect(saved.headers.get("content-type")).toBe("image/svg+xml; charset=utf-8");
      expect(saved.headers.get("cache-control")).toBe("public, max-age=60, must-revalidate");
      const posted = await text("/v1/flow?format=svg", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          topology: O365,
          scenario: { user: "carmen", protocol: "activesync", client: "external", host: "mail.o365info.com" },
        }),
      });
      expect(saved.body).toBe(posted.body);
      const etag = saved.headers.get("etag") ?? "";
      expect((await SELF.fetch(`${BASE}/v1/t/${c.id}/${FLOW}`, { headers: { "If-None-Match": etag } })).status).toBe(304);
      const v1 = await text(`/v1/t/${c.id}@1/${FLOW}`);
      expect(v1.headers.get("cache-control")).toBe("public, max-age=86400, immutable");
      const json = JSON.parse((await text(`/v1/t/${c.id}@1/flow/carmen/activesync/external.json?host=mail.o365info.com`)).body) as {
        links: Record<string, unknown>;
      };
      expect(json.links.svg).toBe(`${BASE}/v1/t/${c.id}@1/flow/carmen/activesync/external.svg?host=mail.o365info.com`);
      const csv = await text(`/v1/t/${c.id}/audit.csv`);
      expect(csv.status).toBe(200);
      expect(csv.body).toContain("carmen");
      expect(csv.body).toBe((await text("/v1/presets/o365info/audit.csv")).body);
      // The scope narrows a saved audit as it does a preset's (and keeps a large topology under the row bound).
      const scoped = await text(`/v1/t/${c.id}/audit.json?users=carmen&protocols=owa,ews`);
      expect(scoped.status).toBe(200);
      const rows = (JSON.parse(scoped.body) as { rows: { user: string; protocol: string }[] }).rows;
      expect(new Set(rows.map((r) => `${r.user} ${r.protocol}`))).toEqual(new Set(["carmen owa", "carmen ews"]));
      expect((await text(`/v1/t/${c.id}/audit.json?users=nobody`)).status).toBe(422);
    },
  );

  it(
    "updates append-only: a new version with the token, old versions unchanged byte for byte, " + "identical bodies not stored twice",
    async () => {
      const c = await create();
      const before = (await text(`/v1/t/${c.id}/${FLOW}`)).body;
      const res = await put(c.id, RENAMED, c.token);
      expect(res.status).toBe(201);
      expect(await res.json()).toMatchObject({ id: c.id, version: 2, stored: true });
      const latest = await text(`/v1/t/${c.id}/${FLOW}`);
      expect(latest.body).not.toBe(before);
      expect(latest.body).toContain("eu.mail.o365info.com");
      expect((await text(`/v1/t/${c.id}@1/${FLOW}`)).body).toBe(before);
      expect((await text(`/v1/t/${c.id}@2/${FLOW}`)).body).toBe(latest.body);
      const same = await put(c.id, RENAMED, c.token);
      expect(same.status).toBe(200);
      expect(await same.json()).toMatchObject({ version: 2, stored: false });
      const list = JSON.parse((await text(`/v1/topologies/${c.id}/versions`)).body) as {
        versions: { version: number; created: string; sha256: string }[];
      };
      expect(list.versions.map((v) => v.version)).toEqual([1, 2]);
      for (const v of list.versions) expect(new Date(v.created).toISOString()).toBe(v.created);
      const v1 = JSON.parse((await text(`/v1/topologies/${c.id}@1`)).body) as { topology: Topology };
      expect(v1.topology).toEqual(O365);
    },
  );

  it("diffs two versions: the flows that changed path, as JSON and Markdown; equal versions have no changes", async () => {
    const c = await create();
    await put(c.id, RENAMED, c.token);
    const d = JSON.parse((await text(`/v1/topologies/${c.id}/diff?from=1&to=2`)).body) as {
      from: number;
      to: number;
      changes: {
        user: string;
        protocol: string;
        client: string;
        change: string;
        before: { host: string; hops: string[] };
        after: { host: string; hops: string[] };
      }[];
      summary: { changed: number };
    };
    expect(d.from).toBe(1);
    expect(d.to).toBe(2);
    const eas = d.changes.find((x) => x.user === "carmen" && x.protocol === "activesync" && x.client === "external");
    expect(eas).toMatchObject({ change: "path", before: { host: "europe.mail.o365info.com" }, after: { host: "eu.mail.o365info.com" } });
    // Only the renamed namespace changed: every changed flow is a path change whose new hops all use the new name.
    for (const x of d.changes) {
      expect(x.change).toBe("path");
      const added = x.after.hops.filter((h) => !x.before.hops.includes(h));
      expect(added.length).toBeGreaterThan(0);
      for (const h of added) expect(h).toContain("eu.mail.o365info.com");
    }
    expect(d.summary.changed).toBe(d.changes.length);
    const md = await text(`/v1/topologies/${c.id}/diff?from=1&to=2`, { headers: { Accept: "text/markdown" } });
    expect(md.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    expect(md.body).toContain("| carmen | activesync | external | path |");
    const none = JSON.parse((await text(`/v1/topologies/${c.id}/diff?from=1&to=1`)).body) as { changes: unknown[] };
    expect(none.changes).toEqual([]);
    expect((await text(`/v1/topologies/${c.id}/diff?from=1&to=9`)).status).toBe(404);
    expect((await text(`/v1/topologies/${c.id}/diff?from=x`)).status).toBe(400);
  });

  it("refuses a missing or wrong token (401 / 403) and changes nothing", async () => {
    const c = await create();
    const none = await put(c.id, RENAMED);
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(none.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect((await put(c.id, RENAMED, "exft_wrong")).status).toBe(403);
    expect((await put(c.id, RENAMED, c.token.slice(0, -1) + (c.token.endsWith("A") ? "B" : "A"))).status).toBe(403);
    expect(
      (
        await SELF.fetch(`${BASE}/v1/topologies/${c.id}`, {
          method: "PUT",
          headers: { "Content-Type": "application/yaml", Authorization: "Basic Zm9vOmJhcg==" },
          body: RENAMED,
        })
      ).status,
    ).toBe(401);
    expect((await SELF.fetch(`${BASE}/v1/topologies/${c.id}`, { method: "DELETE" })).status).toBe(401);
    expect(
      (await SELF.fetch(`${BASE}/v1/topologies/${c.id}`, { method: "DELETE", headers: { Authorization: "Bearer nope" } })).status,
    ).toBe(403);
    expect(await versionCount(c.id)).toBe(1);
    expect((await text(`/v1/t/${c.id}/${FLOW}`)).status).toBe(200);
  });

  it("deletes every version with the token; afterwards every URL of the id is a 404 like an id that never existed", async () => {
    const c = await create();
    await put(c.id, RENAMED, c.token);
    const del = await SELF.fetch(`${BASE}/v1/topologies/${c.id}`, { method: "DELETE", headers: { Authorization: `Bearer ${c.token}` } });
    expect(del.status).toBe(200);
    expect(await del.json()).toMatchObject({ deleted: true, versions: 2 });
    expect(await versionCount(c.id)).toBe(0);
    expect(await env.DB.prepare("SELECT id FROM topologies WHERE id = ?1").bind(c.id).first()).toBeNull();
    const never = JSON.parse((await text(`/v1/topologies/${"A".repeat(24)}`)).body) as { detail: string };
    for (const path of [
      `/v1/topologies/${c.id}`,
      `/v1/topologies/${c.id}@1`,
      `/v1/topologies/${c.id}/versions`,
      `/v1/t/${c.id}/audit.json`,
      `/v1/topologies/${c.id}/diff`,
    ]) {
      const r = await text(path);
      expect(r.status, path).toBe(404);
      expect((JSON.parse(r.body) as { detail: string }).detail, path).toBe(never.detail);
    }
    expect((await put(c.id, YAML, c.token)).status).toBe(404);
  });

  it("answers an unknown id, a malformed id and an unknown version with 404s that reveal nothing about other ids", async () => {
    const c = await create();
    const unknown = await text(`/v1/t/${"A".repeat(24)}/flow/carmen/activesync/external.svg`);
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatch(/^<svg/);
    for (const path of [
      `/v1/topologies/${"B".repeat(24)}`,
      "/v1/topologies/short",
      `/v1/topologies/${c.id}@0`,
      `/v1/topologies/${c.id}@x`,
    ]) {
      const r = await text(path);
      expect(r.status, path).toBe(404);
      const p = JSON.parse(r.body) as Record<string, unknown>;
      expect(p.detail, path).toBe(
        "no saved topology with this id (it may have been deleted); ids are given out only by POST /v1/topologies",
      );
      expect(p.allowed).toBeUndefined();
    }
    const v9 = await text(`/v1/topologies/${c.id}@9`);
    expect(v9.status).toBe(404);
    expect(JSON.parse(v9.body).detail).toBe("this topology has no version 9; its versions are 1 to 1");
    expect((await text("/v1/topologies")).status).toBe(405);
  });

  it("lands concurrent PUTs as consecutive versions, none lost", async () => {
    const c = await create();
    const n = 6;
    const results = await Promise.all(Array.from({ length: n }, (_, i) => put(c.id, withUser(i), c.token)));
    const bodies = (await Promise.all(results.map((r) => r.json()))) as { version: number; sha256: string }[];
    expect(results.map((r) => r.status)).toEqual(Array(n).fill(201));
    expect(bodies.map((b) => b.version).sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 7]);
    for (let i = 0; i < n; i++) {
      const got = JSON.parse((await text(`/v1/topologies/${c.id}@${bodies[i]?.version}`)).body) as { topology: Topology };
      expect(got.topology.users.at(-1)?.name).toBe(`extra${i}`);
    }
  });

  it("limits writes per id per minute (429 + Retry-After) and versions per id (409), as problem+json", async () => {
    const c = await create();
    for (let i = 1; i < MAX_WRITES_PER_WINDOW; i++) expect((await put(c.id, withUser(i), c.token)).status).toBe(201);
    const limited = await put(c.id, withUser(99), c.token);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await limited.json()) as { type: string }).type).toBe("urn:exflow:problem:write-rate-limit");
    expect(await versionCount(c.id)).toBe(MAX_WRITES_PER_WINDOW);

    const full = await create();
    const body = (await env.DB.prepare("SELECT body, sha256 FROM topology_versions WHERE id = ?1")
      .bind(full.id)
      .first<{ body: string; sha256: string }>())!;
    const old = Date.now() - 3_600_000;
    const inserts = Array.from({ length: MAX_VERSIONS - 1 }, (_, i) =>
      env.DB.prepare("INSERT INTO topology_versions (id, version, created_at, sha256, body) VALUES (?1, ?2, ?3, ?4, ?5)").bind(
        full.id,
        i + 2,
        old,
        body.sha256,
        body.body,
      ),
    );
    await env.DB.batch(inserts);
    const refused = await put(full.id, RENAMED, full.token);
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { type: string }).type).toBe("urn:exflow:problem:version-limit");
    expect(await versionCount(full.id)).toBe(MAX_VERSIONS);
  });

  it("answers 503 problem+json when D1 fails mid-write, leaving nothing half-written", async () => {
    const c = await create();
    const topologies = async () => (await env.DB.prepare("SELECT COUNT(*) AS n FROM topologies").first<{ n: number }>())?.n;
    const before = await topologies();
    await env.DB.prepare(
      "CREATE TRIGGER fail_version BEFORE INSERT ON topology_versions BEGIN SELECT RAISE(ABORT, 'injected failure'); END",
    ).run();
    try {
      const post = await SELF.fetch(`${BASE}/v1/topologies`, { method: "POST", headers: yamlHeaders(), body: YAML });
      expect(post.status).toBe(503);
      expect(post.headers.get("content-type")).toMatch(/^application\/problem\+json/);
      expect(((await post.json()) as { type: string }).type).toBe("urn:exflow:problem:storage-unavailable");
      // The topologies row went in first in the same batch and was rolled back with it.
      expect(await topologies()).toBe(before);
      expect((await put(c.id, RENAMED, c.token)).status).toBe(503);
      expect(await versionCount(c.id)).toBe(1);
    } finally {
      await env.DB.prepare("DROP TRIGGER fail_version").run();
    }
    await env.DB.prepare("CREATE TRIGGER fail_delete BEFORE DELETE ON topologies BEGIN SELECT RAISE(ABORT, 'injected failure'); END").run();
    try {
      const del = await SELF.fetch(`${BASE}/v1/topologies/${c.id}`, { method: "DELETE", headers: { Authorization: `Bearer ${c.token}` } });
      expect(del.status).toBe(503);
      // The versions were deleted first in the batch; the failure brought them back.
      expect(await versionCount(c.id)).toBe(1);
    } finally {
      await env.DB.prepare("DROP TRIGGER fail_delete").run();
    }
    expect((await put(c.id, RENAMED, c.token)).status).toBe(201);
  });
});
