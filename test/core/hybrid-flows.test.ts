/**
 * Hybrid flows F-1..F-11 against the hop lists of exchange-hybrid-se.md section 5, by participant
 * and kind, on the contoso-hybrid presets. The reference's names map onto the preset:
 * browser/Outlook/device/app = client, LB = the namespace's load balancer, EX1 = the front end
 * drawn (the pool's first server by name, SE), EX2 = the mailbox server (2019), outlook.office.com
 * = exo-owa, outlook.office365.com = exo, login.microsoftonline.com = entra, EXO Autodiscover =
 * exo-autodiscover, AutoDetect = autodetect, EXO MRS = exo-mrs, EOP = eop, App Proxy = app-proxy.
 *
 * Where the reference writes a range ("7-9 respond back to Outlook"), the test checks that every
 * later step is a `fetch`/`respond` walking back and that the last one reaches the initiator; where
 * the reference stops at the client's connection (F-2, F-3), the flow adds the answer (P2).
 */
import { describe, expect, it } from "vitest";
import { presets, route } from "../../core/index.ts";
import type { Flow, Scenario, Step } from "../../core/types.ts";

type Hop = [n: number | null, from: string, to: string, kind: Step["kind"]];
const LB = "lb:mail.contoso.com";
const LBAD = "lb:autodiscover.contoso.com";

interface Case {
  id: string;
  preset: string;
  scenario: string;
  /** The reference's hops, in order, lookups unnumbered (null). */
  hops: Hop[];
  /** The flow ends with answers walking back to this participant. */
  backTo?: string;
  outcome: Flow["outcome"];
}

const CASES: Case[] = [
  {
    id: "F-1",
    preset: "contoso-hybrid",
    scenario: "owa-cloud-user",
    outcome: "redirect",
    hops: [
      [1, "client", LB, "connect"],
      [2, LB, "EX1", "proxy"],
      [null, "EX1", "ad", "lookup"],
      [3, "EX1", "client", "redirect"],
      [4, "client", "exo-owa", "connect"],
      [5, "client", "entra", "token"],
      [6, "client", "exo-owa", "connect"],
      [7, "exo-owa", "client", "respond"],
    ],
  },
  {
    id: "F-2 (no Direct Connect)",
    preset: "contoso-hybrid",
    scenario: "autodiscover-cloud-user",
    outcome: "redirect",
    backTo: "client",
    hops: [
      [1, "client", LBAD, "autodiscover"],
      [2, LBAD, "EX1", "proxy"],
      [3, "EX1", "EX2", "proxy"],
      [null, "EX2", "ad", "lookup"],
      [4, "EX2", "client", "redirect"],
      [5, "client", "exo-autodiscover", "autodiscover"],
      [6, "exo-autodiscover", "client", "respond"],
      [7, "client", "entra", "token"],
      [8, "client", "exo", "connect"],
    ],
  },
  {
    // "With Direct Connect (HY-20) steps 1-4 disappear": the rest, numbered from 1.
    id: "F-2 (Direct Connect)",
    preset: "contoso-hybrid",
    scenario: "autodiscover-direct-connect",
    outcome: "direct",
    backTo: "client",
    hops: [
      [1, "client", "exo-autodiscover", "autodiscover"],
      [2, "exo-autodiscover", "client", "respond"],
      [3, "client", "entra", "token"],
      [4, "client", "exo", "connect"],
    ],
  },
  {
    id: "F-3",
    preset: "contoso-hybrid",
    scenario: "activesync-after-move",
    outcome: "redirect",
    backTo: "client",
    hops: [
      [1, "client", LB, "connect"],
      [2, LB, "EX1", "proxy"],
      [null, "EX1", "ad", "lookup"],
      [3, "EX1", "client", "redirect"],
      [4, "client", "exo", "connect"],
    ],
  },
  {
    // The reference writes "AutoDetect->LB->EX1" as one numbered hop: the load balancer's pass-through is unnumbered.
    id: "F-4",
    preset: "contoso-hybrid",
    scenario: "outlook-mobile-hma",
    outcome: "proxy",
    backTo: "client",
    hops: [
      [1, "client", "autodetect", "autodiscover"],
      [2, "autodetect", "exo-autodiscover", "autodiscover"],
      [3, "exo-autodiscover", "autodetect", "redirect"],
      [4, "autodetect", LBAD, "autodiscover"],
      [null, LBAD, "EX1", "proxy"],
      [5, "autodetect", LB, "connect"],
      [null, LB, "EX1", "proxy"],
      [6, "EX1", "autodetect", "respond"],
      [7, "autodetect", "client", "respond"],
      [8, "client", "entra", "token"],
      [9, "client", "exo", "connect"],
      [10, "exo", "entra", "token"],
      [11, "exo", LB, "proxy"],
      [null, LB, "EX1", "proxy"],
      [12, "EX1", "EX2", "proxy"],
    ],
  },
  {
    id: "F-5",
    preset: "contoso-hybrid",
    scenario: "free-busy-to-cloud",
    outcome: "proxy",
    backTo: "client",
    hops: [
      [1, "client", LB, "connect"],
      [2, LB, "EX1", "proxy"],
      [3, "EX1", "EX2", "proxy"],
      [null, "EX2", "ad", "lookup"],
      [4, "EX2", "exo-autodiscover", "autodiscover"],
      [5, "EX2", "entra", "token"],
      [6, "EX2", "exo", "proxy"],
    ],
  },
  {
    // The target, carol, is in Europe: the reference's EX2 ("target's MBX; cross-site per HY-44") is EX3 here.
    id: "F-6",
    preset: "contoso-hybrid",
    scenario: "free-busy-from-cloud",
    outcome: "proxy",
    backTo: "client",
    hops: [
      [1, "client", "exo", "connect"],
      [null, "exo", "exo-directory", "lookup"],
      [2, "exo", "entra", "token"],
      [3, "exo", LBAD, "autodiscover"],
      [null, LBAD, "EX1", "proxy"],
      [4, "EX1", "exo", "respond"],
      [5, "exo", LB, "proxy"],
      [6, LB, "EX1", "proxy"],
      [7, "EX1", "EX3", "proxy"],
      [8, "EX3", "EX1", "fetch"],
    ],
  },
  {
    id: "F-7",
    preset: "contoso-modern-hybrid",
    scenario: "free-busy-from-cloud",
    outcome: "proxy",
    backTo: "client",
    hops: [
      [1, "client", "exo", "connect"],
      [null, "exo", "exo-directory", "lookup"],
      // The preset names no IntraOrganizationConnector: DAuth, with the federation gateway's token (W1).
      [2, "exo", "fedgw", "token"],
      [3, "exo", "app-proxy", "proxy"],
      [4, "app-proxy", "hybrid-agent", "tunnel"],
      [5, "hybrid-agent", "EX1", "proxy"],
      [6, "EX1", "EX2", "proxy"],
      [7, "EX2", "EX1", "fetch"],
    ],
  },
  {
    id: "F-8",
    preset: "contoso-hybrid",
    scenario: "move-onboarding",
    outcome: "proxy",
    hops: [
      [1, "exo-mrs", LB, "connect"],
      [2, LB, "EX1", "proxy"],
      [3, "EX1", "EX2", "proxy"],
      [4, "EX2", "EX1", "fetch"],
      [5, "EX1", "exo-mrs", "respond"],
    ],
  },
  {
    // No Edge server in the preset: the reference's optional "[Edge]" hop is not drawn; EX2 is a source server of the connector.
    id: "F-9",
    preset: "contoso-hybrid",
    scenario: "smtp-to-cloud",
    outcome: "direct",
    hops: [
      [1, "EX2", "eop", "smtp"],
      [2, "eop", "exo", "smtp"],
      [3, "exo", "exo-mailbox", "smtp"],
    ],
  },
  {
    id: "F-10",
    preset: "contoso-hybrid",
    scenario: "smtp-from-cloud",
    outcome: "direct",
    hops: [
      [1, "exo", "eop", "smtp"],
      [2, "eop", LB, "smtp"],
      [3, LB, "EX1", "smtp"],
      [4, "EX1", "EX2", "smtp"],
    ],
  },
  {
    id: "F-11",
    preset: "contoso-hybrid",
    scenario: "outlook-hma",
    outcome: "proxy",
    backTo: "client",
    hops: [
      [1, "client", LB, "connect"],
      [2, LB, "EX1", "proxy"],
      [3, "EX1", "client", "respond"],
      [4, "client", "entra", "token"],
      [5, "client", LB, "connect"],
      [6, LB, "EX1", "proxy"],
      [7, "EX1", "EX2", "proxy"],
      [8, "EX2", "EX1", "fetch"],
    ],
  },
];

function flowOf(preset: string, name: string): Flow {
  const p = presets[preset];
  const s = p?.scenarios[name]?.scenario;
  if (!p || !s) throw new Error(`no scenario ${preset}/${name}`);
  return route(p.topology, s as Scenario);
}

describe("hybrid flows follow the reference's hop lists", () => {
  it.each(CASES.map((c) => [c.id, c] as const))("%s", (_, c) => {
    const f = flowOf(c.preset, c.scenario);
    const got: Hop[] = f.steps.map((s) => [s.n, s.from, s.to, s.kind]);
    expect(got.slice(0, c.hops.length)).toEqual(c.hops);
    expect(f.outcome).toBe(c.outcome);
    expect(f.steps.some((s) => s.fails)).toBe(false);
    const rest = f.steps.slice(c.hops.length);
    if (c.backTo) {
      // The answer walks back hop by hop to whoever started the flow.
      expect(rest.length).toBeGreaterThan(0);
      for (const s of rest) expect(["respond", "fetch"]).toContain(s.kind);
      for (let i = 1; i < rest.length; i++) expect(rest[i]?.from).toBe(rest[i - 1]?.to);
      expect(rest[rest.length - 1]?.to).toBe(c.backTo);
    } else expect(rest).toEqual([]);
    // Every participant a step names is in the cast, and cloud endpoints sit in the cloud site.
    const ids = new Set(f.participants.map((p) => p.id));
    for (const s of f.steps) {
      expect(ids).toContain(s.from);
      expect(ids).toContain(s.to);
    }
    for (const p of f.participants.filter((q) => q.kind === "cloud")) expect(p.site).toBe("Microsoft 365 (Exchange Online)");
  });

  it("draws the named Exchange Online endpoints", () => {
    const labels = (name: string) =>
      flowOf("contoso-hybrid", name)
        .participants.map((p) => p.label)
        .join(" | ");
    expect(labels("owa-cloud-user")).toContain("outlook.office.com");
    expect(labels("owa-cloud-user")).toContain("login.microsoftonline.com");
    expect(labels("autodiscover-cloud-user")).toContain("autodiscover-s.outlook.com");
    expect(labels("activesync-after-move")).toContain("outlook.office365.com");
    expect(labels("smtp-to-cloud")).toContain("contoso-com.mail.protection.outlook.com");
  });

  it("a device that cannot follow the 451 fails at the redirect (F-3, HX-22)", () => {
    const f = flowOf("contoso-hybrid", "activesync-no-451");
    const failing = f.steps.filter((s) => s.fails);
    expect(failing).toHaveLength(1);
    expect(failing[0]).toMatchObject({ n: 3, from: "EX1", to: "client", kind: "redirect" });
    expect(f.outcome).toBe("fail");
    expect(f.diagnostics.map((d) => d.code)).toContain("HX-22");
  });

  it("offboarding draws the same hops as onboarding and says the data flows the other way (F-8)", () => {
    const on = flowOf("contoso-hybrid", "move-onboarding");
    const off = flowOf("contoso-hybrid", "move-offboarding");
    expect(off.steps.map((s) => [s.from, s.to, s.kind])).toEqual(on.steps.map((s) => [s.from, s.to, s.kind]));
    expect(off.steps[0]?.text).toMatch(/offboarding/);
    expect(off.notes.some((n) => n.kind === "assumption")).toBe(true);
  });

  it("marks what the reference tags R or I, or lists as open, with an assumption note", () => {
    for (const name of [
      "owa-cloud-user",
      "autodiscover-cloud-user",
      "activesync-after-move",
      "free-busy-to-cloud",
      // free-busy-from-cloud no longer carries one: OAuth's plain /EWS/Exchange.asmx is settled (D5).
      "outlook-hma",
      "smtp-to-cloud",
    ]) {
      const notes = flowOf("contoso-hybrid", name).notes.filter((n) => n.kind === "assumption");
      expect(notes.length, name).toBeGreaterThan(0);
    }
  });

  it("does not depend on the order of the pool's servers or of the lists (P3)", () => {
    const p = presets["contoso-hybrid"]!;
    const t = structuredClone(p.topology);
    t.servers.reverse();
    t.users.reverse();
    t.namespaces.reverse();
    for (const ns of t.namespaces) ns.servers.reverse();
    for (const [name, s] of Object.entries(p.scenarios)) {
      if (name === "owa-onprem-user") continue; // the on-premises engine's pool choice is the routing issue's
      expect(route(t, s.scenario).steps, name).toEqual(route(p.topology, s.scenario).steps);
    }
  });

  it("needs a hybrid block to cross the boundary", () => {
    const t = structuredClone(presets["contoso-hybrid"]!.topology);
    delete t.hybrid;
    const f = route(t, { user: "alice", protocol: "ews", client: "internal", kind: "free-busy", target: "bob" });
    expect(f.outcome).toBe("fail");
    expect(f.diagnostics[0]).toMatchObject({ code: "RT-HYBRID", path: ["topology", "hybrid"] });
    expect(f.steps.filter((s) => s.fails)).toHaveLength(1);
  });
});

describe("topologies without hybrid answer as before", () => {
  it("no flow of the on-premises presets mentions Exchange Online or echoes the hybrid scenario fields", () => {
    for (const id of ["o365info", "contoso", "fabrikam"]) {
      const p = presets[id]!;
      for (const s of Object.values(p.scenarios)) {
        const f = route(p.topology, s.scenario);
        const text = JSON.stringify(f);
        expect(text).not.toMatch(/office365|microsoftonline|outlook\.office|protection\.outlook/i);
        expect(Object.keys(f.scenario).sort()).toEqual(["client", "host", "profile", "protocol", "user"]);
        expect(f.participants.every((q) => q.kind === "client" || q.kind === "server" || q.kind === "ad")).toBe(true);
      }
    }
  });
});
