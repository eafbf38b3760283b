/**
 * The saved-topology routes under hostile input, inside workerd with the real local D1: seeded
 * hostile bodies (the campaign's mutated, corrupted and raw documents) posted as topologies and put as
 * versions, hostile ids, versions, tokens and Authorization headers, hostile path segments, queries and
 * Accept headers on /v1/t. Judged by the campaign's rules (never a 5xx, problem+json or an SVG card,
 * inert bodies); a topology saved before must come out unchanged, byte for byte.
 */
import { SELF } from "cloudflare:test";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { presets } from "../../core/index.ts";
import { acceptArb, bodyArb, queryArb } from "./generate.ts";
import { Figures, responseProblems, type Sent } from "./support.ts";
import { BASE, fetchOne } from "./workerd-fetch.ts";

const headers = (type: string | undefined, accept: string | undefined, auth?: string): Record<string, string> => ({
  ...(type !== undefined ? { "Content-Type": type } : {}),
  ...(accept !== undefined ? { Accept: accept } : {}),
  ...(auth !== undefined ? { Authorization: auth } : {}),
});

interface Saved {
  id: string;
  token: string;
}

function arbitraries(saved: Saved) {
  const ref = fc.constantFrom(
    saved.id,
    saved.id,
    `${saved.id}@1`,
    `${saved.id}@2`,
    `${saved.id}@0`,
    `${saved.id}@-1`,
    `${saved.id}@1e3`,
    `${saved.id}@99999999999`,
    `${saved.id}@`,
    `${saved.id}@@1`,
    "A".repeat(24),
    "_".repeat(24),
    "-".repeat(24),
    "A".repeat(23),
    "A".repeat(25),
    "__proto__",
    "constructor",
    "%00",
    "..",
    "%2e%2e",
    "%2F",
    "a".repeat(500),
    "%3Cscript%3E",
    "%F0%9F%92%A9",
    "%ED%A0%80",
    "%ZZ",
    `${saved.id}%00`,
    `${saved.id.toLowerCase()}`,
    "' OR 1=1 --",
    "%27%20OR%201%3D1%20--",
  );
  const auth = fc.constantFrom<string | undefined>(
    undefined,
    "",
    "Bearer",
    "Bearer ",
    "bearer x",
    "Bearer exft_",
    `Bearer ${saved.token.slice(0, -1)}`,
    `Bearer ${saved.token}x`,
    `Bearer ${saved.token.toUpperCase()}`,
    `Basic ${saved.token}`,
    `Bearer ${saved.token.slice(5)}`,
    "Bearer a b",
    `Bearer ${"x".repeat(5000)}`,
    "Bearer ' OR 1=1 --",
    `Bearer ${saved.id}`,
  );
  const seg = fc.constantFrom(
    "carmen",
    "alice",
    "activesync",
    "ews",
    "external",
    "internal",
    "__proto__",
    "constructor",
    "toString",
    "%00",
    "..",
    "%2F",
    "%ED%A0%80",
    "%ZZ",
    "a".repeat(300),
    "%3Csvg%20onload%3Dalert(1)%3E",
  );
  const file = fc.constantFrom(
    "external.svg",
    "internal.json",
    "external.md",
    "external.mmd",
    "external.png",
    "external",
    "external.",
    ".svg",
    "__proto__.svg",
    "x.svg.svg",
    `${"a".repeat(300)}.svg`,
  );
  const topFile = fc.constantFrom(
    "audit.md",
    "audit.csv",
    "audit.json",
    "audit.svg",
    "audit",
    "flow",
    "versions",
    "diff",
    "__proto__",
    "x.svg",
  );
  const version = fc.constantFrom<string | undefined>(
    undefined,
    "1",
    "2",
    "0",
    "-1",
    "1.5",
    "1e3",
    "",
    "x",
    "99999999999",
    "%00",
    "1&from=2",
    "__proto__",
  );

  const post = fc.tuple(bodyArb, queryArb, acceptArb).map(([b, q, a]) => ({
    cls: `post:${b.cls}`,
    req: { method: "POST", path: `/v1/topologies${q}`, headers: headers(b.type, a), body: b.body } as Sent,
  }));
  const put = fc.tuple(ref, auth, bodyArb, acceptArb).map(([r, au, b, a]) => ({
    cls: "put",
    req: { method: "PUT", path: `/v1/topologies/${r}`, headers: headers(b.type, a, au), body: b.body } as Sent,
  }));
  const del = fc.tuple(ref, auth, acceptArb).map(([r, au, a]) => ({
    cls: "delete",
    req: { method: "DELETE", path: `/v1/topologies/${r}`, headers: headers(undefined, a, au) } as Sent,
  }));
  const read = fc
    .tuple(ref, fc.constantFrom("", "/versions", "/diff", "/x", "/versions/1"), version, version, queryArb, acceptArb)
    .map(([r, tail, from, to, q, a]) => {
      const extra = [from === undefined ? "" : `from=${from}`, to === undefined ? "" : `to=${to}`].filter(Boolean).join("&");
      const query = q ? `${q}${extra ? `&${extra}` : ""}` : extra ? `?${extra}` : "";
      return { cls: "read", req: { method: "GET", path: `/v1/topologies/${r}${tail}${query}`, headers: headers(undefined, a) } as Sent };
    });
  const flow = fc.tuple(ref, seg, seg, file, queryArb, acceptArb, fc.boolean()).map(([r, u, p, f, q, a, host]) => ({
    cls: "t-flow",
    req: {
      method: "GET",
      path: `/v1/t/${r}/flow/${u}/${p}/${f}${q}${host ? `${q ? "&" : "?"}host=${encodeURIComponent("mail.o365info.com")}` : ""}`,
      headers: headers(undefined, a),
    } as Sent,
  }));
  const audit = fc.tuple(ref, topFile, queryArb, acceptArb).map(([r, f, q, a]) => ({
    cls: "t-audit",
    req: { method: "GET", path: `/v1/t/${r}/${f}${q}`, headers: headers(undefined, a) } as Sent,
  }));
  return fc.oneof(
    { weight: 3, arbitrary: post },
    { weight: 3, arbitrary: put },
    { weight: 1, arbitrary: del },
    { weight: 2, arbitrary: read },
    { weight: 3, arbitrary: flow },
    { weight: 1, arbitrary: audit },
  );
}

const SVG = "flow/carmen/activesync/external.svg?host=mail.o365info.com";

async function snapshot(id: string): Promise<string[]> {
  const out: string[] = [];
  for (const path of [`/v1/topologies/${id}/versions`, `/v1/topologies/${id}`, `/v1/t/${id}/${SVG}`, `/v1/t/${id}@1/audit.csv`]) {
    const got = await fetchOne({ method: "GET", path });
    out.push(`${got.status} ${got.headers.get("etag")}\n${got.text}`);
  }
  return out;
}

describe("saved-topology routes under hostile input (workerd, real D1)", () => {
  it("answers 600 seeded hostile requests with well-formed 2xx/4xx and leaves a saved topology untouched", async () => {
    const created = await SELF.fetch(`${BASE}/v1/topologies`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(presets.o365info?.topology),
    });
    expect(created.status).toBe(201);
    const saved = (await created.json()) as Saved;
    const before = await snapshot(saved.id);
    const figures = new Figures();
    for (const c of fc.sample(arbitraries(saved), { seed: 0x17_17, numRuns: 600 })) {
      const got = await fetchOne(c.req);
      figures.record(c.cls, c.req, got, responseProblems(c.req, got));
      if (c.req.method === "PUT" || c.req.method === "DELETE")
        expect([401, 403, 404, 400, 413, 415, 422], `${c.req.method} ${c.req.path}`).toContain(got.status);
    }
    console.log(figures.summary("saved topologies in workerd (SELF.fetch, D1)"));
    expect(figures.fiveXX).toBe(0);
    expect(figures.problems.slice(0, 10)).toEqual([]);
    expect(await snapshot(saved.id)).toEqual(before);
  }, 300_000);
});
