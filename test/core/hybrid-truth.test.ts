/**
 * The review's findings on hybrid answers (W1-W9, D1-D5), each on a topology of its own: Fabrikam,
 * a 2019 CU14 + SE pool behind one load balancer, a regional SE site, classic hybrid, users on
 * both sides. Every test states the fact as Microsoft documents it and checks the flow exflow draws.
 */
import { describe, expect, it } from "vitest";
import { buildModel, route } from "../../core/index.ts";
import { diagnose } from "../../core/diagnose/index.ts";
import type { Flow, Scenario, Topology } from "../../core/types.ts";
import { validateTopology } from "../../core/validate/index.ts";

const web = (host: string) => ({
  owa: { internal: `https://${host}/owa`, external: `https://${host}/owa` },
  ews: { internal: `https://${host}/EWS/Exchange.asmx`, external: `https://${host}/EWS/Exchange.asmx` },
  activesync: { internal: `https://${host}/Microsoft-Server-ActiveSync`, external: `https://${host}/Microsoft-Server-ActiveSync` },
  "mapi-http": { internal: `https://${host}/mapi`, external: `https://${host}/mapi` },
  oab: { internal: `https://${host}/OAB`, external: `https://${host}/OAB` },
});

function fabrikam(): Topology {
  return {
    domain: "fabrikam.com",
    sites: [{ name: "Berlin" }, { name: "Madrid" }],
    servers: [
      {
        name: "BER-19",
        version: 2019,
        build: "15.2.1544.4",
        roles: ["mailbox"],
        site: "Berlin",
        urls: web("mail.fabrikam.com"),
        mrsProxy: true,
      },
      {
        name: "BER-SE",
        version: "SE",
        build: "15.2.2562.37",
        roles: ["mailbox"],
        site: "Berlin",
        urls: web("mail.fabrikam.com"),
        mrsProxy: true,
      },
      {
        name: "MAD-SE",
        version: "SE",
        build: "15.2.2562.37",
        roles: ["mailbox"],
        site: "Madrid",
        urls: { ews: { internal: "https://mad.fabrikam.com/EWS/Exchange.asmx" } },
      },
    ],
    namespaces: [
      { host: "mail.fabrikam.com", servers: ["BER-19", "BER-SE"], lb: { tls: "bridging", sameCertificate: true } },
      { host: "autodiscover.fabrikam.com", servers: ["BER-19", "BER-SE"], lb: { tls: "bridging", sameCertificate: true } },
    ],
    users: [
      { name: "hans", mailbox: "BER-SE" },
      { name: "lola", mailbox: "MAD-SE" },
      { name: "ines", location: "cloud", targetAddress: "ines@fabrikam.mail.onmicrosoft.com" },
    ],
    hybrid: {
      type: "classic",
      tenant: "fabrikam.onmicrosoft.com",
      routingDomain: "fabrikam.mail.onmicrosoft.com",
      orgRelationship: { onPrem: { targetOwaUrl: "https://outlook.office.com/mail" } },
      ioc: { onPrem: { enabled: true }, exo: { enabled: true } },
    },
  };
}

const variant = (mutate: (t: Topology) => void): Topology => {
  const t = fabrikam();
  mutate(t);
  const v = validateTopology(t);
  if (!v.ok) throw new Error(v.issues.map((i) => i.message).join("\n"));
  return t;
};
const fb = (from: string, to: string): Scenario => ({ user: from, protocol: "ews", client: "external", kind: "free-busy", target: to });
const tokenHost = (f: Flow) => f.steps.filter((s) => s.kind === "token").map((s) => `${s.to} ${s.url}`);
const failing = (f: Flow) => f.steps.find((s) => s.fails);
const reaches = (f: Flow, id: string) => f.steps.some((s) => s.to === id);

describe("hybrid findings W1-W9", () => {
  it("W1a: an organization relationship without an IntraOrganizationConnector is DAuth, with the federation gateway's token", () => {
    const t = variant((t) => delete t.hybrid!.ioc);
    for (const s of [fb("hans", "ines"), fb("ines", "hans")]) {
      const f = route(t, s);
      expect(f.outcome).toBe("proxy");
      expect(tokenHost(f)).toEqual(["fedgw https://login.microsoftonline.com/extSTS.srf"]);
      expect(f.participants.find((p) => p.id === "fedgw")?.label).toMatch(/Federation Gateway/);
      expect(f.notes.map((n) => n.text).join(" ")).toMatch(/Authentication of this cross-premises call: DAuth/);
    }
  });

  it("W1a: an enabled connector on both sides is OAuth, with Entra ID's token", () => {
    const f = route(fabrikam(), fb("hans", "ines"));
    expect(tokenHost(f)).toEqual(["entra https://login.microsoftonline.com/"]);
  });

  it("W1b: neither a connector nor a relationship: no free/busy in either direction (HX-29)", () => {
    const t = variant((t) => {
      delete t.hybrid!.ioc;
      delete t.hybrid!.orgRelationship;
    });
    for (const s of [fb("hans", "ines"), fb("ines", "lola")]) {
      const f = route(t, s);
      expect(f.outcome).toBe("fail");
      expect(f.diagnostics.map((d) => d.code)).toContain("HX-29");
      expect(f.steps.some((s) => s.kind === "token")).toBe(false);
    }
  });

  it("W2: no dedicated hybrid app stops on-premises users' lookups of cloud users only", () => {
    const t = variant((t) => (t.hybrid!.dedicatedApp = false));
    const out = route(t, fb("hans", "ines"));
    expect(out.outcome).toBe("fail");
    expect(failing(out)).toMatchObject({ from: "BER-SE", to: "exo", kind: "proxy" });
    expect(route(t, fb("ines", "hans")).outcome).toBe("proxy");
    expect(route(t, { user: "hans", protocol: "ews", client: "external", kind: "mailbox-move" }).outcome).toBe("proxy");
    const hx15 = diagnose(buildModel(t)).find((d) => d.code === "HX-15");
    expect(hx15?.breaks).toEqual(["F-5"]);
  });

  it("W2: DAuth does not use the shared service principal, so it is not blocked", () => {
    const t = variant((t) => {
      t.hybrid!.dedicatedApp = false;
      delete t.hybrid!.ioc;
    });
    expect(route(t, fb("hans", "ines")).outcome).toBe("proxy");
  });

  it("W3: OAuth from the cloud discovers EWS through the connector's DiscoveryEndpoint, not autodiscover.<domain>", () => {
    const t = variant((t) => {
      t.namespaces = t.namespaces.filter((n) => !n.host.startsWith("autodiscover."));
      t.hybrid!.ioc!.exo = { enabled: true, discoveryEndpoint: "https://mail.fabrikam.com/autodiscover/autodiscover.svc" };
    });
    const f = route(t, fb("ines", "hans"));
    expect(f.outcome).toBe("proxy");
    expect(f.steps.find((s) => s.kind === "autodiscover")?.url).toBe("https://mail.fabrikam.com/autodiscover/autodiscover.svc");
    expect(diagnose(buildModel(t)).some((d) => d.code === "HX-09")).toBe(false);
  });

  it("W3: a DiscoveryEndpoint that names no on-premises name fails at Autodiscover with HX-09 at that field", () => {
    const t = variant((t) => (t.hybrid!.ioc!.exo = { discoveryEndpoint: "https://legacy.fabrikam.com/autodiscover/autodiscover.svc" }));
    const f = route(t, fb("ines", "hans"));
    expect(f.outcome).toBe("fail");
    expect(f.diagnostics.find((d) => d.code === "HX-09")?.path).toEqual(["topology", "hybrid", "ioc", "exo", "discoveryEndpoint"]);
  });

  it("W4a: SSL offload does not break SMTP from Exchange Online, nor Autodiscover; Outlook over MAPI breaks", () => {
    const t = variant((t) => {
      for (const n of t.namespaces) n.lb = { tls: "offload" };
    });
    const smtp = route(t, { user: "ines", protocol: "ews", client: "external", kind: "smtp", target: "hans" });
    expect(smtp.outcome).toBe("direct");
    expect(reaches(smtp, "BER-SE")).toBe(true);
    expect(route(t, { user: "hans", protocol: "autodiscover", client: "external" }).outcome).not.toBe("fail");
    expect(route(t, { user: "ines", protocol: "autodiscover", client: "external" }).outcome).not.toBe("fail");
    const mapi = route(t, { user: "hans", protocol: "mapi-http", client: "external", host: "mail.fabrikam.com" });
    expect(mapi.outcome).toBe("fail");
    expect(mapi.diagnostics.map((d) => d.code)).toContain("HX-04");
  });

  it("W4b: TLS bridging on another certificate does not break Outlook with HMA (Bearer tokens)", () => {
    const t = variant((t) => {
      for (const n of t.namespaces) n.lb = { tls: "bridging", sameCertificate: false };
      t.hybrid!.hma = true;
    });
    expect(route(t, { user: "hans", protocol: "mapi-http", client: "external", host: "mail.fabrikam.com" }).outcome).toBe("proxy");
    expect(route(t, { user: "hans", protocol: "activesync", client: "external", app: "outlook-mobile" }).outcome).toBe("proxy");
  });

  it("W4c: Autodiscover's virtual directory has Extended Protection off unless the input turns it on", () => {
    const t = variant((t) => {
      for (const n of t.namespaces) n.lb = { tls: "offload" };
      for (const s of t.servers) s.extendedProtectionVdirs = { autodiscover: { frontEnd: "require" } };
    });
    expect(route(t, { user: "hans", protocol: "autodiscover", client: "external" }).outcome).toBe("fail");
  });

  it(
    "W4d: Exchange Online's free/busy call and ActiveSync (not Windows authentication) pass an offloading load balancer; MRS " + "does not",
    () => {
      const t = variant((t) => {
        for (const n of t.namespaces) n.lb = { tls: "offload" };
      });
      expect(route(t, fb("ines", "hans")).outcome).toBe("proxy");
      expect(route(t, { user: "ines", protocol: "activesync", client: "external", host: "mail.fabrikam.com" }).outcome).toBe("redirect");
      const move = route(t, { user: "hans", protocol: "ews", client: "external", kind: "mailbox-move" });
      expect(move.outcome).toBe("fail");
      expect(failing(move)).toMatchObject({ from: "lb:mail.fabrikam.com", kind: "proxy" });
    },
  );

  it("W4d: with Extended Protection off on the front-end EWS vdir, MRS passes the offloading load balancer", () => {
    const t = variant((t) => {
      for (const n of t.namespaces) n.lb = { tls: "offload" };
      for (const s of t.servers) s.extendedProtectionVdirs = { ews: { frontEnd: "off" } };
    });
    expect(route(t, { user: "hans", protocol: "ews", client: "external", kind: "mailbox-move" }).outcome).toBe("proxy");
  });

  it("W5: modern hybrid moves need MRSProxy on the agent's registered server", () => {
    const agent = "0f0e0d0c-aaaa-4bbb-8ccc-fabrikam.resource.mailboxmigration.his.msappproxy.net";
    const t = variant((t) => {
      t.hybrid = { ...t.hybrid!, type: "modern", migrationEndpoint: agent, hybridAgent: { url: agent, targetServer: "BER-19" } };
      for (const s of t.servers) s.extendedProtection = false;
      t.servers[0]!.mrsProxy = false;
    });
    const f = route(t, { user: "hans", protocol: "ews", client: "external", kind: "mailbox-move" });
    expect(f.outcome).toBe("fail");
    expect(failing(f)).toMatchObject({ from: "hybrid-agent", to: "BER-19" });
    expect(f.diagnostics.map((d) => d.code)).toContain("HX-16");
  });

  it("W6: minimal hybrid has no organization relationship: no OWA hand-off and no ActiveSync 451", () => {
    const t = variant((t) => {
      t.hybrid = { type: "minimal", tenant: "fabrikam.onmicrosoft.com", routingDomain: "fabrikam.mail.onmicrosoft.com" };
    });
    for (const protocol of ["owa", "activesync"] as const) {
      const f = route(t, { user: "ines", protocol, client: "external", host: "mail.fabrikam.com" });
      expect(f.outcome, protocol).toBe("fail");
      expect(f.steps.some((s) => s.to === "exo" || s.to === "exo-owa" || /not set/.test(`${s.url} ${s.text}`))).toBe(false);
      expect(f.diagnostics.find((d) => d.code === "HX-01")?.message).toMatch(/minimal hybrid creates no organization relationship/);
    }
  });

  it("W7: Exchange 2019 CU15 beside Exchange 2013 is refused, as Setup refuses it", () => {
    const t: Topology = {
      domain: "fabrikam.com",
      sites: [{ name: "Berlin" }],
      servers: [
        { name: "E19", version: 2019, build: "CU15", roles: ["mailbox"], site: "Berlin" },
        { name: "E13", version: 2013, build: "CU23", roles: ["mailbox", "cas"], site: "Berlin" },
      ],
      namespaces: [{ host: "mail.fabrikam.com", servers: ["E19"] }],
      users: [{ name: "u", mailbox: "E13" }],
    };
    const v = validateTopology(t);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.issues[0]).toMatchObject({ code: "VERSION_MIX", path: ["topology", "servers", 1, "version"] });
    t.servers[0]!.build = "CU14";
    expect(validateTopology(t).ok).toBe(true);
  });

  it("W8: a regional site that publishes its own EWS name is called directly from the cloud", () => {
    const t = variant((t) => {
      t.servers[2]!.urls = {
        ews: { internal: "https://mad.fabrikam.com/EWS/Exchange.asmx", external: "https://mad.fabrikam.com/EWS/Exchange.asmx" },
      };
      t.namespaces.push({ host: "mad.fabrikam.com", servers: ["MAD-SE"] });
    });
    const f = route(t, fb("ines", "lola"));
    expect(f.outcome).toBe("proxy");
    expect(f.steps.find((s) => s.to === "MAD-SE")).toMatchObject({ from: "exo", url: "https://mad.fabrikam.com/EWS/Exchange.asmx" });
    expect(f.steps.some((s) => s.from === "BER-SE" && s.to === "MAD-SE")).toBe(false);
    // Without its own published name the request enters at the hybrid name and crosses sites (HY-44).
    const hq = route(fabrikam(), fb("ines", "lola"));
    expect(hq.steps.find((s) => s.to === "MAD-SE")).toMatchObject({ kind: "proxy", rule: "HY-44" });
  });

  it("W9: centralized transport sends Exchange Online's Internet mail through on-premises; without it EOP sends it", () => {
    const central = variant((t) => Object.assign(t.hybrid!, { centralizedTransport: true }));
    const out = route(central, { user: "ines", protocol: "ews", client: "external", kind: "smtp", target: "jo@contoso.net" });
    expect(out.outcome).toBe("direct");
    expect(reaches(out, "BER-SE")).toBe(true);
    expect(out.steps.at(-1)).toMatchObject({ to: "internet", kind: "smtp" });
    const direct = route(fabrikam(), { user: "ines", protocol: "ews", client: "external", kind: "smtp", target: "jo@contoso.net" });
    expect(direct.steps.map((s) => s.to)).toEqual(["eop", "internet"]);
  });

  it("W9: mx decides the inbound path from the Internet", () => {
    const s: Scenario = { user: "jo@contoso.net", protocol: "ews", client: "external", kind: "smtp", target: "ines" };
    const eop = route(fabrikam(), s);
    expect(eop.steps.map((x) => x.to)).toEqual(["eop", "exo", "exo-mailbox"]);
    const onprem = route(
      variant((t) => (t.hybrid!.mx = "onprem")),
      s,
    );
    expect(onprem.steps[0]).toMatchObject({ from: "internet", kind: "smtp", url: "smtp://mail.fabrikam.com" });
    expect(onprem.steps.map((x) => x.to)).toContain("eop");
    const toOnPrem = route(fabrikam(), { ...s, target: "hans" });
    expect(toOnPrem.steps.map((x) => x.to)).toEqual(["eop", "exo", "eop", "lb:mail.fabrikam.com", "BER-SE"]);
  });

  it("W9: mail between the two sides says that centralized transport and the MX do not change it", () => {
    const t = variant((t) => Object.assign(t.hybrid!, { centralizedTransport: true, mx: "onprem" }));
    for (const s of [
      { user: "ines", protocol: "ews", client: "external", kind: "smtp", target: "hans" },
      { user: "hans", protocol: "ews", client: "external", kind: "smtp", target: "ines" },
    ] as Scenario[]) {
      const f = route(t, s);
      expect(f.notes.map((n) => n.text).join(" ")).toMatch(/centralized transport \(on\) and the MX \(onprem\)/);
      expect(f.steps.map((x) => x.to)).toEqual(route(fabrikam(), s).steps.map((x) => x.to));
    }
  });

  it("W9: an address in one of the organisation's domains must be a user's", () => {
    const f = route(fabrikam(), { user: "ines", protocol: "ews", client: "external", kind: "smtp", target: "nobody@fabrikam.com" });
    expect(f.outcome).toBe("fail");
    expect(f.diagnostics[0]).toMatchObject({ code: "RT-USER", path: ["scenario", "target"] });
  });
});

describe("doubtful answers D1-D5", () => {
  it("D2: HMA with the Hybrid Agent is unsupported, a warning; the flow is drawn as working", () => {
    const agent = "0f0e0d0c-aaaa-4bbb-8ccc-fabrikam.resource.mailboxmigration.his.msappproxy.net";
    const t = variant((t) => {
      t.hybrid = { ...t.hybrid!, type: "modern", hma: true, hybridAgent: { url: agent, targetServer: "BER-19" } };
    });
    const f = route(t, { user: "hans", protocol: "mapi-http", client: "external", host: "mail.fabrikam.com" });
    expect(f.outcome).toBe("proxy");
    expect(f.diagnostics.find((d) => d.code === "HX-20")).toMatchObject({ severity: "warning" });
  });

  it("D3: one pool member without MRSProxy makes moves fail intermittently: a warning, not a drawn failure", () => {
    const t = variant((t) => (t.servers[1]!.mrsProxy = false));
    const f = route(t, { user: "hans", protocol: "ews", client: "external", kind: "mailbox-move" });
    expect(f.outcome).toBe("proxy");
    const d = f.diagnostics.find((x) => x.code === "HX-16");
    expect(d).toMatchObject({ severity: "warning", path: ["topology", "servers", 1, "mrsProxy"] });
    expect(d?.message).toMatch(/intermittently/);
  });

  it("D4: on-premises to cloud free/busy over DAuth calls /EWS/Exchange.asmx/WSSecurity", () => {
    const f = route(
      variant((t) => delete t.hybrid!.ioc),
      fb("hans", "ines"),
    );
    expect(f.steps.find((s) => s.to === "exo" && s.kind === "proxy")?.url).toBe(
      "https://outlook.office365.com/EWS/Exchange.asmx/WSSecurity",
    );
  });

  it("D5: cloud to on-premises free/busy over OAuth calls plain /EWS/Exchange.asmx with a Bearer token; DAuth uses /WSSecurity", () => {
    const oauth = route(fabrikam(), fb("ines", "hans"));
    expect(oauth.steps.find((s) => s.from === "exo" && s.kind === "proxy")?.url).toBe("https://mail.fabrikam.com/EWS/Exchange.asmx");
    const dauth = route(
      variant((t) => delete t.hybrid!.ioc),
      fb("ines", "hans"),
    );
    expect(dauth.steps.find((s) => s.from === "exo" && s.kind === "proxy")?.url).toBe(
      "https://mail.fabrikam.com/EWS/Exchange.asmx/WSSecurity",
    );
    expect(oauth.notes.some((n) => /wssecurity/i.test(n.text) && n.kind === "assumption")).toBe(false);
  });
});
