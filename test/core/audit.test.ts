// The audit matrix over the built-in presets: shape, n/a reasons, real outcomes, summary counts.
import { describe, expect, it } from "vitest";
import { audit } from "../../core/audit/index.ts";
import { notApplicable } from "../../core/audit/each-flow.ts";
import type { AuditRow } from "../../core/audit/index.ts";
import { presets } from "../../core/presets/index.ts";
import { o365info } from "../../core/presets/o365info.ts";
import { CLIENTS, PROTOCOLS } from "../../core/types.ts";
import type { Server } from "../../core/types.ts";

const a = audit(o365info.topology);
const row = (user: string, protocol: string, client: string): AuditRow => {
  const r = a.rows.find((x) => x.user === user && x.protocol === protocol && x.client === client);
  if (!r) throw new Error(`no row ${user}/${protocol}/${client}`);
  return r;
};

describe("audit: matrix shape", () => {
  it("has one row per user x protocol x location, in input and PROTOCOLS order", () => {
    const users = o365info.topology.users.map((u) => u.name);
    expect(a.rows).toHaveLength(users.length * PROTOCOLS.length * CLIENTS.length);
    expect(a.rows.slice(0, 4).map((r) => `${r.user} ${r.protocol} ${r.client}`)).toEqual([
      "alice autodiscover internal",
      "alice autodiscover external",
      "alice outlook-anywhere internal",
      "alice outlook-anywhere external",
    ]);
    expect([...new Set(a.rows.map((r) => r.user))]).toEqual(users);
  });

  it("adds the mailbox's version and site to each row", () => {
    expect(row("carmen", "owa", "external")).toMatchObject({ mailbox: "MAD-MBX2007", version: 2007, site: "Madrid" });
  });

  it("summary counts add up", () => {
    const s = a.summary;
    expect(s.rows).toBe(a.rows.length);
    expect(Object.values(s.byOutcome).reduce((x, y) => x + y, 0)).toBe(s.rows);
    expect(s.flows + s.notApplicable).toBe(s.rows);
    expect(s.byProtocol.ecp["n/a"]).toBe(6); // three 2007 users, both locations
  });

  it("carries the topology-wide diagnostics and the name plan", () => {
    expect(a.diagnostics.map((d) => d.code)).toEqual(["DX-02"]);
    expect(a.summary.diagnostics).toEqual({ error: 1, warning: 0, info: 0 });
    expect(a.names.names.map((n) => n.host).slice(0, 4)).toEqual([
      "mail.o365info.com",
      "autodiscover.o365info.com",
      "legacy.mail.o365info.com",
      "europe.mail.o365info.com",
    ]);
  });
});

describe("audit: n/a cells say why", () => {
  it.each([
    // Unique row ids: RPC/TCP to 2013+ is OL-3b, RPC/TCP from outside OL-4.
    ["dave", "rpc-tcp", "internal", "OL-3b"],
    ["alice", "rpc-tcp", "external", "OL-4"],
    ["alice", "mapi-http", "internal", "MH-1"],
    ["bob", "ecp", "external", "ECP-1"],
  ])("%s %s %s -> n/a (%s)", (user, protocol, client, rule) => {
    const r = row(user, protocol, client);
    expect(r).toMatchObject({ outcome: "n/a", steps: 0, host: null, rules: [] });
    expect(r.note).toMatch(new RegExp(`^${rule}:`));
  });

  it("MAPI/HTTP needs 2013 SP1 (CU4) on the mailbox server", () => {
    const mbx = { name: "M", version: 2013, roles: ["mailbox"], site: "S" } as Server;
    // The 2013-before-SP1 row has its own id.
    expect(notApplicable({ ...mbx, build: "CU3" }, "mapi-http", "internal")).toMatch(/^MH-2/);
    expect(notApplicable({ ...mbx, build: "SP1" }, "mapi-http", "internal")).toBeNull();
    expect(notApplicable(mbx, "mapi-http", "internal")).toBeNull();
  });
});

describe("audit: real outcomes", () => {
  it("alice (2007, New York) ActiveSync from outside is proxied via MBX2013 (EAS-3)", () => {
    expect(row("alice", "activesync", "external")).toMatchObject({ outcome: "proxy", host: "mail.o365info.com", rules: ["EAS-3"] });
    expect(row("alice", "activesync", "external").steps).toBeGreaterThan(4);
  });

  it("alice's OWA from outside is redirected to the legacy name (OWA-1)", () => {
    expect(row("alice", "owa", "external")).toMatchObject({ outcome: "redirect", rules: ["OWA-1"] });
  });

  it("alice's internal Outlook over RPC/TCP goes straight to the 2007 mailbox (OL-1)", () => {
    expect(row("alice", "rpc-tcp", "internal")).toMatchObject({ outcome: "direct", rules: ["OL-1"] });
  });

  it("bob (Los Angeles intranet site) has no EWS outside, and the row names DX-02", () => {
    expect(row("bob", "ews", "external")).toMatchObject({ outcome: "fail", diagnostics: ["DX-02"] });
    expect(row("bob", "ews", "internal").outcome).toBe("autodiscover-referral");
  });

  it("dave (2013) is proxied for MAPI/HTTP", () => {
    expect(row("dave", "mapi-http", "external")).toMatchObject({ outcome: "proxy", host: "mail.o365info.com" });
  });

  it("numbers only numbered steps", () => {
    for (const r of a.rows) expect(r.steps).toBeGreaterThanOrEqual(0);
    expect(row("dave", "owa", "external").steps).toBe(4);
  });
});

describe("audit: options and other presets", () => {
  it("passes the profile to every flow", () => {
    expect(audit(o365info.topology, { profile: "microsoft" }).profile).toBe("microsoft");
  });

  it.each(Object.keys(presets))("%s audits without routing errors", (id) => {
    const r = audit(presets[id]!.topology);
    expect(r.rows.filter((x) => x.note?.startsWith("routing error"))).toEqual([]);
    expect(r.summary.users).toBe(presets[id]!.topology.users.length);
  });

  it("is deterministic", () => {
    expect(JSON.stringify(audit(o365info.topology))).toBe(JSON.stringify(a));
  });
});
