/**
 * HX diagnostics, one mutation each: break one thing in a healthy hybrid preset, and the audit
 * finds the code at the input path, every flow it breaks fails at the hop the reference names
 * (P1), and the flows it does not break keep working (OWA works while Outlook fails, SE-23).
 * HX-02/HX-03 are validation errors; HX-14 and HX-23 are warnings that fail nothing.
 */
import { describe, expect, it } from "vitest";
import { buildModel, presets, route } from "../../core/index.ts";
import { diagnose } from "../../core/diagnose/index.ts";
import { extendedProtectionOn } from "../../core/diagnose/hybrid-model.ts";
import type { Scenario, Server, Step, Topology } from "../../core/types.ts";
import { validateTopology } from "../../core/validate/index.ts";

const base = (id = "contoso-hybrid"): Topology => structuredClone(presets[id]!.topology);
const scenario = (name: string, id = "contoso-hybrid"): Scenario => presets[id]!.scenarios[name]!.scenario;
const server = (t: Topology, name: string): Server => t.servers.find((s) => s.name === name)!;
const ns = (t: Topology, host: string) => t.namespaces.find((n) => n.host === host)!;

interface Mutation {
  code: string;
  why: string;
  preset?: string;
  mutate: (t: Topology) => void;
  /** Input path of the diagnostic. */
  path: (string | number)[];
  /** Scenarios that must fail, with the failing hop [from, to, kind]. */
  fails: [scenario: string | Scenario, hop: [string, string, Step["kind"]]][];
  /** Scenarios that must keep working. */
  works?: string[];
}

const MUTATIONS: Mutation[] = [
  {
    code: "HX-01",
    why: "TargetOwaURL missing",
    mutate: (t) => delete t.hybrid!.orgRelationship!.onPrem!.targetOwaUrl,
    path: ["topology", "hybrid", "orgRelationship", "onPrem", "targetOwaUrl"],
    // W6: without TargetOwaURL there is no link and no 451: the front end's answer is the failure.
    fails: [
      ["owa-cloud-user", ["EX1", "client", "respond"]],
      ["activesync-after-move", ["EX1", "client", "respond"]],
    ],
    works: ["free-busy-to-cloud", "outlook-hma"],
  },
  {
    code: "HX-01",
    why: "TargetOwaURL pointing back on-premises",
    mutate: (t) => (t.hybrid!.orgRelationship!.onPrem!.targetOwaUrl = "https://mail.contoso.com/owa"),
    path: ["topology", "hybrid", "orgRelationship", "onPrem", "targetOwaUrl"],
    fails: [["owa-cloud-user", ["EX1", "client", "redirect"]]],
  },
  {
    code: "HX-04",
    why: "SSL offloading with Extended Protection on (SE default)",
    mutate: (t) => (ns(t, "mail.contoso.com").lb = { tls: "offload" }),
    path: ["topology", "namespaces", 0, "lb", "tls"],
    // W4: with HMA on, Outlook's calls carry Bearer tokens; only MRS (NTLM) is a Windows-auth call here.
    fails: [["move-onboarding", ["lb:mail.contoso.com", "EX1", "proxy"]]],
    works: ["owa-cloud-user", "smtp-to-cloud", "smtp-from-cloud", "outlook-hma", "free-busy-to-cloud", "activesync-after-move"],
  },
  {
    code: "HX-05",
    why: "bridging with another certificate",
    mutate: (t) => (ns(t, "mail.contoso.com").lb = { tls: "bridging", sameCertificate: false }),
    path: ["topology", "namespaces", 0, "lb", "sameCertificate"],
    fails: [["move-onboarding", ["lb:mail.contoso.com", "EX1", "proxy"]]],
    works: ["owa-cloud-user", "outlook-hma", "autodiscover-cloud-user", "free-busy-from-cloud"],
  },
  {
    code: "HX-08",
    why: "no EWS ExternalUrl on the hybrid servers",
    mutate: (t) => {
      for (const n of ["EX1", "EX2"]) delete server(t, n).urls!.ews!.external;
    },
    path: ["topology", "servers", 0, "urls", "ews", "external"],
    fails: [["free-busy-from-cloud", ["EX1", "exo", "respond"]]],
    works: ["free-busy-to-cloud"],
  },
  {
    code: "HX-09",
    why: "Autodiscover pre-authenticated",
    mutate: (t) => (ns(t, "autodiscover.contoso.com").preAuth = true),
    path: ["topology", "namespaces", 1, "preAuth"],
    fails: [["free-busy-from-cloud", ["exo", "lb:autodiscover.contoso.com", "autodiscover"]]],
    works: ["move-onboarding"],
  },
  {
    code: "HX-09",
    why: "migration endpoint pre-authenticated",
    mutate: (t) => (ns(t, "mail.contoso.com").preAuth = true),
    path: ["topology", "namespaces", 0, "preAuth"],
    fails: [
      ["move-onboarding", ["exo-mrs", "lb:mail.contoso.com", "connect"]],
      ["free-busy-from-cloud", ["exo", "lb:mail.contoso.com", "proxy"]],
    ],
  },
  {
    code: "HX-10",
    why: "Autodiscover name not on the certificate",
    mutate: (t) => (ns(t, "autodiscover.contoso.com").certificate = false),
    path: ["topology", "namespaces", 1, "certificate"],
    fails: [["free-busy-from-cloud", ["exo", "lb:autodiscover.contoso.com", "autodiscover"]]],
  },
  {
    code: "HX-10",
    why: "transport certificate EOP does not trust",
    mutate: (t) => (t.hybrid!.sendConnector!.trustedCertificate = false),
    path: ["topology", "hybrid", "sendConnector", "trustedCertificate"],
    fails: [
      ["smtp-to-cloud", ["EX2", "eop", "smtp"]],
      ["smtp-from-cloud", ["eop", "lb:mail.contoso.com", "smtp"]],
    ],
    works: ["move-onboarding"],
  },
  {
    code: "HX-15",
    why: "no dedicated hybrid app",
    mutate: (t) => (t.hybrid!.dedicatedApp = false),
    path: ["topology", "hybrid", "dedicatedApp"],
    // W2: only on-premises users' lookups of cloud users (the shared service principal's calls) stop.
    fails: [["free-busy-to-cloud", ["EX2", "exo", "proxy"]]],
    works: ["owa-cloud-user", "move-onboarding", "free-busy-from-cloud"],
  },
  {
    code: "HX-16",
    why: "MRSProxy off on every server behind the endpoint",
    mutate: (t) => {
      server(t, "EX1").mrsProxy = false;
      server(t, "EX2").mrsProxy = false;
    },
    path: ["topology", "servers", 1, "mrsProxy"],
    fails: [
      ["move-onboarding", ["lb:mail.contoso.com", "EX1", "proxy"]],
      ["move-offboarding", ["lb:mail.contoso.com", "EX1", "proxy"]],
    ],
    works: ["free-busy-from-cloud"],
  },
  {
    code: "HX-18",
    why: "the Hybrid Agent's registered server offline",
    preset: "contoso-modern-hybrid",
    mutate: (t) => (t.hybrid!.hybridAgent!.online = false),
    path: ["topology", "hybrid", "hybridAgent", "online"],
    fails: [
      ["free-busy-from-cloud", ["hybrid-agent", "EX1", "proxy"]],
      ["move-onboarding", ["hybrid-agent", "EX1", "proxy"]],
    ],
    works: ["owa-cloud-user"],
  },
  {
    code: "HX-19",
    why: "Extended Protection on the agent-published server",
    preset: "contoso-modern-hybrid",
    mutate: (t) => delete server(t, "EX1").extendedProtection,
    path: ["topology", "servers", 0, "extendedProtection"],
    fails: [["free-busy-from-cloud", ["hybrid-agent", "EX1", "proxy"]]],
  },
  {
    code: "HX-21",
    why: "on-premises names missing from the SPNs",
    mutate: (t) => (t.hybrid!.spns = ["mail.contoso.com"]),
    path: ["topology", "hybrid", "spns"],
    fails: [
      ["outlook-hma", ["client", "entra", "token"]],
      ["outlook-mobile-hma", ["client", "entra", "token"]],
    ],
    works: ["owa-cloud-user"],
  },
  {
    code: "HX-27",
    why: "HMA below the 2019 floor",
    mutate: (t) => {
      for (const s of t.servers) {
        s.version = 2019;
        s.build = s.name === "EX2" ? "RTM" : "CU15";
      }
    },
    path: ["topology", "servers", 1, "build"],
    fails: [["outlook-hma", ["client", "entra", "token"]]],
    works: ["free-busy-to-cloud"],
  },
  {
    code: "HX-28",
    why: "outbound 443 blocked on the requester's mailbox server",
    mutate: (t) => (server(t, "EX2").outbound443 = false),
    path: ["topology", "servers", 1, "outbound443"],
    fails: [["free-busy-to-cloud", ["EX2", "exo-autodiscover", "autodiscover"]]],
    works: ["free-busy-from-cloud"],
  },
];

describe("the healthy hybrid presets", () => {
  it.each(["contoso-hybrid", "contoso-modern-hybrid"])(
    "%s: valid, no HX error, every scenario works except the one about a device without 451",
    (id) => {
      const t = base(id);
      expect(validateTopology(t).ok).toBe(true);
      expect(diagnose(buildModel(t)).filter((d) => d.code.startsWith("HX") && d.severity === "error")).toEqual([]);
      for (const [name, s] of Object.entries(presets[id]!.scenarios)) {
        const f = route(t, s.scenario);
        expect(f.outcome === "fail", name).toBe(name === "activesync-no-451");
      }
    },
  );
});

describe("HX mutations fail their flows at the hop", () => {
  it.each(MUTATIONS.map((m) => [`${m.code} (${m.why})`, m] as const))("%s", (_, m) => {
    const id = m.preset ?? "contoso-hybrid";
    const t = base(id);
    m.mutate(t);
    expect(validateTopology(t)).toMatchObject({ ok: true });
    const found = diagnose(buildModel(t)).filter((d) => d.code === m.code);
    expect(found.map((d) => d.path)).toContainEqual(m.path);
    for (const [s, hop] of m.fails) {
      const f = route(t, typeof s === "string" ? scenario(s, id) : s);
      const failing = f.steps.filter((x) => x.fails);
      expect(f.outcome, String(s)).toBe("fail");
      expect(failing, String(s)).toHaveLength(1);
      expect([failing[0]?.from, failing[0]?.to, failing[0]?.kind], String(s)).toEqual(hop);
      expect(f.steps[f.steps.length - 1]?.fails, "nothing happens after the failing hop").toBe(true);
      expect(f.diagnostics.map((d) => d.code)).toContain(m.code);
    }
    for (const name of m.works ?? []) expect(route(t, scenario(name, id)).outcome, name).not.toBe("fail");
  });

  it("HX-14 (IntraOrganizationConnector disabled) warns and draws DAuth instead of OAuth", () => {
    const t = base();
    t.hybrid!.ioc!.onPrem!.enabled = false;
    const f = route(t, scenario("free-busy-to-cloud"));
    expect(f.outcome).toBe("proxy");
    expect(f.diagnostics.find((d) => d.code === "HX-14")?.severity).toBe("warning");
    expect(f.steps.find((s) => s.kind === "token")?.url).toContain("extSTS.srf");
    expect(route(base(), scenario("free-busy-to-cloud")).steps.find((s) => s.kind === "token")?.url).not.toContain("extSTS");
  });

  it("HX-23 (SCPs left while most users are in the cloud) warns on Autodiscover and fails nothing", () => {
    const t = base();
    t.users.push({ name: "erin", location: "cloud" }, { name: "finn", location: "cloud" });
    const f = route(t, { user: "bob", protocol: "autodiscover", client: "internal" });
    expect(f.outcome).not.toBe("fail");
    expect(f.diagnostics.find((d) => d.code === "HX-23")?.severity).toBe("warning");
    expect(diagnose(buildModel(base())).some((d) => d.code === "HX-23")).toBe(false);
  });
});

describe("Subscription Edition coexistence and builds are validation errors with reasons (HX-02, HX-03)", () => {
  const issues = (mutate: (t: Topology) => void) => {
    const t = base();
    mutate(t);
    const r = validateTopology(t);
    return r.ok ? [] : r.issues;
  };
  it("HX-02: no Exchange 2013 in an SE organisation (SE-6)", () => {
    const got = issues((t) => t.servers.push({ name: "OLD13", version: 2013, build: "CU23", roles: ["mailbox"], site: "HQ" }));
    expect(got).toContainEqual(
      expect.objectContaining({
        code: "VERSION_MIX",
        path: ["topology", "servers", 3, "version"],
        message: expect.stringMatching(/Exchange SE: its Setup refuses.*2013.*SE-6/),
      }),
    );
  });
  it("HX-03: SE CU2 refuses 2016/2019 (SE-8)", () => {
    const got = issues((t) => (server(t, "EX1").build = "CU2"));
    expect(got).toContainEqual(
      expect.objectContaining({ code: "VERSION_MIX", path: ["topology", "servers", 0, "build"], message: expect.stringContaining("SE-8") }),
    );
  });
  it("D1: CU floors beside SE (2019 below CU14, 2016 below CU23, SE-7) are a warning, not a refusal", () => {
    const floor = (mutate: (t: Topology) => void) => {
      const t = base();
      mutate(t);
      return { issues: issues(mutate), found: diagnose(buildModel(t)).filter((d) => d.code === "HX-31") };
    };
    const a = floor((t) => (server(t, "EX2").build = "15.2.1258.12"));
    expect(a.issues).toEqual([]);
    expect(a.found).toContainEqual(expect.objectContaining({ severity: "warning", path: ["topology", "servers", 1, "build"] }));
    expect(a.found[0]?.message).toContain("CU14");
    const b = floor((t) => t.servers.push({ name: "EX16", version: 2016, build: "CU22", roles: ["mailbox"], site: "HQ" }));
    expect(b.issues).toEqual([]);
    expect(b.found[0]?.message).toContain("CU23");
    expect(
      floor((t) => t.servers.push({ name: "EX16", version: 2016, build: "15.1.2507.6", roles: ["mailbox"], site: "HQ" })).found,
    ).toEqual([]);
  });
  it("a build number that names another version", () => {
    expect(issues((t) => (server(t, "EX1").build = "15.2.1748.10"))).toContainEqual(
      expect.objectContaining({ code: "BUILD", path: ["topology", "servers", 0, "build"] }),
    );
  });
  it("cloud users need the hybrid block and no on-premises mailbox; on-premises users need one", () => {
    expect(issues((t) => delete t.hybrid)).toContainEqual(
      expect.objectContaining({ code: "HYBRID", path: ["topology", "users", 2, "location"] }),
    );
    expect(issues((t) => (t.users[2]!.mailbox = "EX1"))).toContainEqual(
      expect.objectContaining({ code: "HYBRID", path: ["topology", "users", 2, "mailbox"] }),
    );
    expect(issues((t) => delete t.users[0]!.mailbox)).toContainEqual(
      expect.objectContaining({ code: "REQUIRED", path: ["topology", "users", 0, "mailbox"] }),
    );
  });
  it('version SE is the string "SE"', () => {
    expect(issues((t) => ((server(t, "EX1") as unknown as { version: unknown }).version = "se"))).toContainEqual(
      expect.objectContaining({ path: ["topology", "servers", 0, "version"] }),
    );
  });
});

describe("Extended Protection defaults by build (SE-21)", () => {
  const s = (version: Server["version"], build?: string, extendedProtection?: boolean): Server => ({
    name: "X",
    version,
    roles: ["mailbox"],
    site: "HQ",
    ...(build ? { build } : {}),
    ...(extendedProtection === undefined ? {} : { extendedProtection }),
  });
  it.each([
    ["SE RTM", s("SE", "15.2.2562.17"), true],
    ["SE, no build", s("SE"), true],
    ["2019 CU14 by number", s(2019, "15.2.1544.4"), true],
    ["2019 CU13", s(2019, "CU13"), false],
    ["2019, no build", s(2019), false],
    ["2016 CU23", s(2016, "15.1.2507.6"), false],
    ["SE turned off", s("SE", "15.2.2562.17", false), false],
    ["2016 turned on", s(2016, "CU23", true), true],
  ] as const)("%s", (_, server, on) => expect(extendedProtectionOn(server)).toBe(on));
});

describe("load balancer TLS mode without hybrid (HX-04 through the on-premises engine)", () => {
  const onprem = (): Topology => {
    const t = base();
    delete t.hybrid;
    t.users = t.users.filter((u) => u.location !== "cloud");
    return t;
  };
  it(
    "offloading in front of Extended Protection fails Windows-authenticated Outlook at the load-balanced name, while OWA and " +
      "ActiveSync work",
    () => {
      const t = onprem();
      ns(t, "mail.contoso.com").lb = { tls: "offload" };
      expect(route(t, { user: "alice", protocol: "activesync", client: "external", host: "mail.contoso.com" }).outcome).not.toBe("fail");
      for (const protocol of ["mapi-http", "ews"] as const) {
        const f = route(t, { user: "alice", protocol, client: "external", host: "mail.contoso.com" });
        expect(f.outcome, protocol).toBe("fail");
        expect(f.steps.find((s) => s.fails)?.url, protocol).toContain("mail.contoso.com");
        expect(
          f.diagnostics.map((d) => d.code),
          protocol,
        ).toContain("HX-04");
      }
      expect(route(t, { user: "alice", protocol: "owa", client: "external", host: "mail.contoso.com" }).outcome).not.toBe("fail");
    },
  );
  it("passthrough, or offloading in front of servers without Extended Protection, breaks nothing", () => {
    for (const mutate of [
      (t: Topology) => {
        ns(t, "mail.contoso.com").lb = { tls: "passthrough" };
      },
      (t: Topology) => {
        ns(t, "mail.contoso.com").lb = { tls: "offload" };
        for (const s of t.servers) s.extendedProtection = false;
      },
    ]) {
      const t = onprem();
      mutate(t);
      expect(route(t, { user: "alice", protocol: "mapi-http", client: "external", host: "mail.contoso.com" }).outcome).not.toBe("fail");
    }
  });
});
