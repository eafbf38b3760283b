/**
 * The five routing principles (P1-P5) as properties, over generated topologies (fast-check,
 * seeded) and over every preset, each also with its lists permuted:
 * P1 an error diagnostic that covers a flow makes it fail at a marked hop; P2 every flow ends
 * (fails at a marked hop, or answers the client); P3 permuting sites, servers, namespaces, a
 * namespace's servers and users changes no outcome, step or rule; P4 a client connects only to a
 * name it can reach; P5 what is not offered is n/a, never a failure. Plus: every code is catalogued.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CODES } from "../../core/diagnose/codes.ts";
import { buildModel, hostOf } from "../../core/model/index.ts";
import { presets } from "../../core/presets/index.ts";
import { HYBRID_ROWS } from "../../core/route/hybrid/rules.ts";
import { resolveHost } from "../../core/model/resolve.ts";
import { route } from "../../core/route/index.ts";
import { RULES_BY_ID } from "../../core/route/rules.ts";
import { CLIENTS, PROFILES, PROTOCOLS, type Flow, type Scenario, type Topology } from "../../core/types.ts";
import { caseArb } from "../support/arbitraries.ts";

const RUNS = { seed: 20261129, numRuns: 200 };

/** What must not change when lists are reordered: outcome, steps (kind, from, to, rule, fails), diagnostic codes. */
const signature = (f: Flow) =>
  JSON.stringify([f.outcome, f.steps.map((s) => [s.kind, s.from, s.to, s.rule, !!s.fails]), f.diagnostics.map((d) => d.code).sort()]);

/** A seeded permutation (mulberry32), so a failing case reproduces from its seed. */
function shuffle<T>(list: T[], seed: number): T[] {
  let a = seed >>> 0;
  const rnd = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

function permute(t: Topology, seed: number): Topology {
  const c = structuredClone(t);
  return {
    ...c,
    sites: shuffle(c.sites, seed),
    servers: shuffle(c.servers, seed + 1),
    namespaces: shuffle(c.namespaces, seed + 2).map((ns, i) => ({ ...ns, servers: shuffle(ns.servers, seed + 3 + i) })),
    users: shuffle(c.users, seed + 99),
  };
}

/** P1, P2, P4, P5 and the catalogue, for one routed flow. */
function checkFlow(t: Topology, s: Scenario, f: Flow): void {
  const tag = `${s.protocol}:${s.client}`;
  const where = `${s.user} ${tag} ${s.host ?? ""} ${f.scenario.profile}`;
  // P1
  if (f.diagnostics.some((d) => d.severity === "error" && (d.breaks.includes(tag) || d.breaks.includes(s.protocol))))
    expect(f.outcome, where).toBe("fail");
  // P2
  if (f.outcome === "fail")
    expect(
      f.steps.some((st) => st.fails),
      where,
    ).toBe(true);
  else if (f.outcome !== "n/a") {
    const articleStop = f.scenario.profile === "o365info" && s.protocol === "ews" && f.outcome === "autodiscover-referral";
    if (!articleStop) expect(f.steps.at(-1)?.to, where).toBe("client");
  }
  expect(f.diagnostics.map((d) => d.code)).not.toContain("RT-INCOMPLETE");
  // P4: every connect the client makes that does not fail goes to a server its name lands on.
  const m = buildModel(t);
  for (const st of f.steps) {
    if (st.from !== "client" || st.fails || st.kind === "respond" || !st.url || s.protocol === "rpc-tcp") continue;
    // Hybrid: a load balancer is reached by its own name; Microsoft 365 endpoints are public names.
    if (st.to.startsWith("lb:")) {
      expect(hostOf(st.url), where).toBe(st.to.slice(3));
      continue;
    }
    if (f.participants.find((p) => p.id === st.to)?.kind === "cloud") continue;
    const landing = resolveHost(m, hostOf(st.url) ?? "", s.client);
    expect(landing.ok, `${where}: ${st.url}`).toBe(true);
    if (landing.ok)
      expect(
        landing.pool.map((x) => x.name),
        where,
      ).toContain(st.to);
  }
  // P5
  if (f.outcome === "n/a") {
    expect(f.steps).toEqual([]);
    expect(f.diagnostics.map((d) => [d.code, d.severity])).toEqual([["RT-NA", "info"]]);
    const naRule = f.notes[0]?.rule;
    // A cloud user's RPC/TCP, Outlook Anywhere and ECP are n/a by a hybrid reference row.
    if (!(naRule && Object.hasOwn(HYBRID_ROWS, naRule))) expect(naRule && RULES_BY_ID.get(naRule)?.action).toBe("not-applicable");
  }
  const mbx = t.servers.find((x) => x.name === t.users.find((u) => u.name === s.user)?.mailbox);
  if (s.protocol === "mapi-http" && mbx && (mbx.version === 2007 || mbx.version === 2010)) expect(f.outcome, where).toBe("n/a");
  if (
    (s.protocol === "pop3" || s.protocol === "imap4") &&
    !t.servers.some((x) => x.urls?.[s.protocol]?.internal || x.urls?.[s.protocol]?.external)
  )
    expect(f.outcome, where).toBe("n/a");
  // One catalogue: every code and rule in the output is defined.
  for (const d of f.diagnostics) expect(Object.keys(CODES), where).toContain(d.code);
  for (const st of f.steps) expect(RULES_BY_ID.has(st.rule) || Object.hasOwn(HYBRID_ROWS, st.rule), `${where}: ${st.rule}`).toBe(true);
}

describe("routing principles on generated topologies", () => {
  it("P1, P2, P4, P5: errors fail the flow, every flow ends, clients reach only reachable names, not offered is n/a", () => {
    fc.assert(
      fc.property(caseArb, ([topology, scenarios]) => {
        const m = buildModel(topology);
        for (const s of scenarios) checkFlow(topology, s, route(m, s));
      }),
      RUNS,
    );
  });

  it("P3: permuting sites, servers, namespaces, a namespace's servers and users changes no outcome, step or rule", () => {
    fc.assert(
      fc.property(caseArb, fc.integer({ min: 1, max: 2 ** 30 }), ([topology, scenarios], seed) => {
        const a = buildModel(topology);
        const b = buildModel(permute(topology, seed));
        for (const s of scenarios) expect(signature(route(b, s)), JSON.stringify(s)).toBe(signature(route(a, s)));
      }),
      RUNS,
    );
  });
});

describe("routing principles on the presets", () => {
  for (const [id, preset] of Object.entries(presets)) {
    it(`${id}: every user x protocol x client x profile keeps P1-P5, and the reversed twin answers the same`, () => {
      const t = preset.topology;
      const m = buildModel(t);
      const twin = buildModel(permute(t, 7));
      const reversed = buildModel({
        ...structuredClone(t),
        sites: [...t.sites].reverse(),
        servers: [...t.servers].reverse(),
        users: [...t.users].reverse(),
        namespaces: [...t.namespaces].reverse().map((n) => ({ ...n, servers: [...n.servers].reverse() })),
      });
      const hosts = [undefined, ...t.namespaces.map((n) => n.host)];
      for (const u of t.users)
        for (const protocol of PROTOCOLS)
          for (const client of CLIENTS)
            for (const profile of PROFILES)
              for (const host of hosts) {
                const s: Scenario = { user: u.name, protocol, client, profile, ...(host ? { host } : {}) };
                const f = route(m, s);
                checkFlow(t, s, f);
                expect(signature(route(twin, s)), JSON.stringify(s)).toBe(signature(f));
                expect(signature(route(reversed, s)), JSON.stringify(s)).toBe(signature(f));
              }
    });
  }

  it("P3: a load-balanced 2019/2016 pool is routed from each member and says when they differ (RT-POOL)", () => {
    const t = structuredClone(presets.fabrikam!.topology);
    const hq = t.servers.find((s) => s.name === "HQ-EX2016")!;
    t.servers.push({ ...structuredClone(hq), name: "HQ-EX2019", fqdn: "hq-ex2019.fabrikam.local", version: 2019, build: "CU14" });
    const ns = t.namespaces.find((n) => n.servers.includes("HQ-EX2016"))!;
    ns.servers.push("HQ-EX2019");
    t.users.push({ name: "zoe", mailbox: "HQ-EX2019" });
    const f = route(t, { user: "zoe", protocol: "owa", client: "external", host: ns.host });
    // Shown: the newest member, which holds the mailbox; the 2016 member would proxy to it.
    expect(f.steps[0]?.to).toBe("HQ-EX2019");
    expect(f.outcome).toBe("direct");
    const pool = f.diagnostics.find((d) => d.code === "RT-POOL");
    expect(pool?.message).toMatch(/HQ-EX2016 \(Exchange 2016\): proxy/);
    ns.servers.reverse();
    expect(signature(route(t, { user: "zoe", protocol: "owa", client: "external", host: ns.host }))).toBe(signature(f));
  });
});
