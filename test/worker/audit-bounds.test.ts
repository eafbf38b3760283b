/**
 * Bounded audits: the answer's size is known before routing (users x protocols x 2), refused over
 * MAX_AUDIT_ROWS with a problem that says how to get the result, and narrowed by `users` and
 * `protocols` (query or body options, validated in core with did-you-mean).
 */
import { describe, expect, it } from "vitest";
import { presets, userMatches, type Topology } from "../../core/index.ts";
import { MAX_AUDIT_ROWS } from "../../worker/limits.ts";
import { post, problem } from "./helpers.ts";

const base = presets.o365info?.topology as Topology;
const mailbox = base.users[0]?.mailbox ?? "";
/** The o365info organisation with `n` users u0 ... u(n-1), all on one mailbox server. */
const crowd = (n: number): Topology => ({ ...base, users: Array.from({ length: n }, (_, i) => ({ name: `u${i}`, mailbox })) });
const rowsOf = async (res: Response): Promise<{ user: string; protocol: string }[]> =>
  ((await res.json()) as { rows: { user: string; protocol: string }[] }).rows;

describe("audit bounds", () => {
  it("6,000 users are refused up front with a 413 that names the CLI and the scope parameters", async () => {
    const res = await post("/v1/audit?format=json", { topology: crowd(6000) });
    const p = await problem(res, 413);
    expect(p.type).toBe("urn:exflow:problem:audit-too-large");
    expect(p.detail).toContain("132000 rows (6000 users x 11 protocols x 2 client locations)");
    expect(p.detail).toMatch(/npx exflow audit/);
    expect(p.detail).toMatch(/\?users=/);
    expect(p.detail).toMatch(/\?protocols=/);
    expect(p as unknown as Record<string, unknown>).toMatchObject({ rows: 132000, maxRows: MAX_AUDIT_ROWS });
  });

  it("exactly the limit is answered, one user more is not", async () => {
    const users = MAX_AUDIT_ROWS / 22;
    expect((await post("/v1/audit", { topology: crowd(users) })).status).toBe(200);
    await problem(await post("/v1/audit", { topology: crowd(users + 1) }), 413);
  });

  it("?users= and ?protocols= narrow it to an answer (comma-separated; * matches any run)", async () => {
    await problem(await post("/v1/audit", { topology: crowd(600) }), 413);
    const res = await post("/v1/audit?users=u1*,u42&protocols=owa,activesync", { topology: crowd(600) });
    expect(res.status).toBe(200);
    const rows = await rowsOf(res);
    // u1, u10-u19, u100-u199 and u42
    expect(new Set(rows.map((r) => r.user)).size).toBe(1 + 10 + 100 + 1);
    expect(new Set(rows.map((r) => r.protocol))).toEqual(new Set(["owa", "activesync"]));
    expect(rows.length).toBe(112 * 2 * 2);
  });

  it("the body's options win over the query, and the answer says what it covers", async () => {
    const res = await post("/v1/audit?protocols=owa", { topology: crowd(10), options: { users: ["U3"], protocols: ["ews"] } });
    const a = (await res.json()) as { rows: { user: string; protocol: string }[]; scope: unknown; summary: { users: number } };
    expect(a.rows.map((r) => `${r.user} ${r.protocol}`)).toEqual(["u3 ews", "u3 ews"]);
    expect(a.scope).toEqual({ users: ["U3"], protocols: ["ews"] });
    expect(a.summary.users).toBe(1);
  });

  it("a scope that names nobody is a 422 with did-you-mean, not an empty answer", async () => {
    const p = await problem(await post("/v1/audit?users=alicia,zz*&protocols=owa,activesink", { preset: "o365info" }), 422);
    const messages = (p.errors ?? []).map((e) => e.message);
    expect(messages).toContain(
      'options.protocols[1]: "activesink" is not allowed; did you mean "activesync"? Allowed: ' +
        "autodiscover, outlook-anywhere, mapi-http, rpc-tcp, owa, ecp, activesync, ews, oab, pop3, imap4",
    );
    expect(messages.some((m) => m.startsWith('options.users[0]: no user "alicia"; did you mean "alice"?'))).toBe(true);
    expect(messages.some((m) => m.startsWith('options.users[1]: "zz*" matches no user'))).toBe(true);
  });

  it("empty ?users= and ?protocols= are unset, like every empty query value", async () => {
    const all = await (await post("/v1/audit?format=csv", { preset: "o365info" })).text();
    expect(
      await (await post("/v1/audit?format=csv&users=&protocols=&profile=&format=", { preset: "o365info" }, { Accept: "text/csv" })).text(),
    ).toBe(all);
  });

  it("the audit request is validated in core like the flow request: did-you-mean on keys, bounded echoes", async () => {
    const p = await problem(await post("/v1/audit", { preset: "o365info", optoins: {}, options: { profil: "microsoft" } }), 422);
    const messages = (p.errors ?? []).map((e) => e.message);
    expect(messages).toContain('optoins: unknown field; did you mean "options"? Allowed: topology, preset, options');
    expect(messages.some((m) => m.startsWith('options.profil: unknown field; did you mean "profile"?'))).toBe(true);
    const long = "x".repeat(5000);
    const q = await problem(await post("/v1/audit", { preset: long }), 422);
    expect(JSON.stringify(q).length).toBeLessThan(2000);
  });
});

describe("userMatches", () => {
  it.each([
    ["alice", "ALICE", true],
    ["ny-*", "NY-bob", true],
    ["*-bob", "ny-bob", true],
    ["a*c*e", "abcde", true],
    ["a*c*e", "abcdf", false],
    ["*", "", true],
    ["a.b", "axb", false],
    ["u1*", "u1", true],
    ["u1*", "u21", false],
  ])("%s ~ %s -> %s", (pattern, name, expected) => {
    expect(userMatches(pattern, name)).toBe(expected);
  });
});
