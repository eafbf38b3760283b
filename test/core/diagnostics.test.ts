// One case per DX code: the o365info preset with one mutation, and the diagnostic it must raise.
import { describe, expect, it } from "vitest";
import { CODES } from "../../core/diagnose/codes.ts";
import { diagnose } from "../../core/diagnose/index.ts";
import { buildModel } from "../../core/model/index.ts";
import { o365info } from "../../core/presets/o365info.ts";
import type { Server, Topology } from "../../core/types.ts";

const preset = (): Topology => structuredClone(o365info.topology);
const srv = (t: Topology, i: number): Server => t.servers[i] as Server;
// Preset indexes: servers 0 NY-CAS2013, 1 NY-MBX2013, 2 NY-CAS2007, 3 NY-MBX2007, 4 LA-CAS2007,
// 5 LA-MBX2007, 6 MAD-CAS2007, 7 MAD-MBX2007; namespaces 0 mail, 1 autodiscover, 2 legacy, 3 europe;
// users 0 alice (NY 2007), 1 bob (LA 2007), 2 carmen (Madrid 2007), 3 dave (NY 2013).
const S = (i: number, ...rest: (string | number)[]) => ["topology", "servers", i, ...rest];

interface Case {
  code: string;
  mutate: (t: Topology) => void;
  severity: "error" | "warning" | "info";
  path: (string | number)[];
  breaks: string[];
  /** Other codes the same mutation legitimately raises. */
  also?: string[];
}

const cases: Case[] = [
  {
    code: "DX-01",
    mutate: (t) => void t.servers.splice(4, 1),
    severity: "error",
    path: ["topology", "sites", 1],
    breaks: ["outlook-anywhere", "owa", "activesync", "ews", "pop3", "imap4"],
  },
  {
    code: "DX-02",
    mutate: (t) => {
      t.namespaces[2]!.external = false;
    },
    severity: "error",
    path: ["topology", "namespaces", 2, "external"],
    breaks: ["owa:external", "ews:external", "oab:external"],
  },
  {
    code: "DX-03",
    mutate: (t) => {
      t.namespaces[2]!.certificate = false;
    },
    severity: "error",
    path: ["topology", "namespaces", 2, "certificate"],
    breaks: ["owa:internal", "owa:external", "ews:internal", "ews:external", "oab:internal", "oab:external"],
  },
  {
    code: "DX-04",
    mutate: (t) => {
      srv(t, 2).urls!.owa!.external = "https://mail.o365info.com/owa";
    },
    severity: "error",
    path: S(2, "urls", "owa", "external"),
    breaks: ["owa:external"],
  },
  {
    code: "DX-05",
    mutate: (t) => {
      srv(t, 4).outlookAnywhere!.enabled = false;
    },
    severity: "error",
    path: S(4, "outlookAnywhere", "enabled"),
    breaks: ["outlook-anywhere"],
  },
  {
    code: "DX-06",
    mutate: (t) => {
      srv(t, 6).outlookAnywhere!.rpcProxyInstalled = false;
    },
    severity: "error",
    path: S(6, "outlookAnywhere", "rpcProxyInstalled"),
    breaks: ["outlook-anywhere"],
  },
  {
    code: "DX-07",
    mutate: (t) => {
      srv(t, 2).outlookAnywhere!.iisAuth = ["basic"];
    },
    severity: "error",
    path: S(2, "outlookAnywhere", "iisAuth"),
    breaks: ["outlook-anywhere"],
  },
  {
    code: "DX-08",
    mutate: (t) => {
      srv(t, 2).outlookAnywhere!.externalHostname = "legacy.mail.o365info.com";
    },
    severity: "warning",
    path: S(2, "outlookAnywhere", "externalHostname"),
    breaks: ["outlook-anywhere:external"],
  },
  {
    code: "DX-09",
    // Los Angeles runs Exchange 2010 and its databases keep the old CAS-array name, now on 2013.
    mutate: (t) => {
      srv(t, 4).version = 2010;
      srv(t, 5).version = 2010;
      srv(t, 5).rpcClientAccessServer = "mail.o365info.com";
    },
    severity: "error",
    path: S(5, "rpcClientAccessServer"),
    breaks: ["rpc-tcp:internal"],
  },
  {
    code: "DX-10",
    mutate: (t) => {
      t.users[0]!.oabAssigned = false;
    },
    severity: "warning",
    path: ["topology", "users", 0, "oabAssigned"],
    breaks: ["oab"],
  },
  {
    code: "DX-11",
    mutate: (t) => {
      srv(t, 4).autodiscoverInternalUri = "https://la-cas2007.o365info.local/Autodiscover/Autodiscover.xml";
    },
    severity: "warning",
    path: S(4, "autodiscoverInternalUri"),
    breaks: ["autodiscover:internal"],
  },
  // Madrid's CAS2007 is a legacy EAS front end (europe.mail lands on it); LA now publishes EAS too.
  // la.mail.o365info.com is no namespace of the preset, so the URL is also DX-20 (P4).
  {
    code: "DX-12",
    mutate: (t) => {
      srv(t, 4).urls!.activesync!.external = "https://la.mail.o365info.com/Microsoft-Server-ActiveSync";
    },
    severity: "warning",
    path: S(4, "urls", "activesync", "external"),
    breaks: ["activesync:external"],
    also: ["DX-20"],
  },
  {
    code: "DX-13",
    mutate: (t) => {
      srv(t, 2).urls!.activesync!.external = "https://legacy.mail.o365info.com/Microsoft-Server-ActiveSync";
    },
    severity: "warning",
    path: S(2, "urls", "activesync", "external"),
    breaks: ["activesync:external"],
    // The same URL also makes NY a 451 target for devices that enter through Madrid's legacy front end.
    also: ["DX-12"],
  },
  {
    code: "DX-14",
    // Madrid runs Exchange 2010 with Basic auth on OWA: the 2013 -> Madrid OWA redirect cannot be silent.
    mutate: (t) => {
      srv(t, 6).version = 2010;
      srv(t, 7).version = 2010;
      srv(t, 6).auth = { owa: ["basic"] };
    },
    severity: "warning",
    path: S(6, "auth", "owa"),
    breaks: ["owa:external"],
  },
  {
    code: "DX-15",
    // The whole organisation on Exchange 2016, with ECP published in New York and Madrid.
    mutate: (t) => {
      for (const s of t.servers) Object.assign(s, { version: 2016, build: "CU23" });
      srv(t, 6).urls!.ecp = { external: "https://europe.mail.o365info.com/ecp" };
    },
    severity: "error",
    path: S(6, "urls", "ecp", "external"),
    breaks: ["ecp:external"],
  },
  {
    code: "DX-16",
    mutate: (t) => {
      t.users[3]!.recentlyMoved = true;
    },
    severity: "warning",
    path: ["topology", "users", 3, "recentlyMoved"],
    breaks: ["owa", "ecp"],
  },
  {
    code: "DX-17",
    // 2013 before CU12 with two CAS2007 in New York to spread load over.
    mutate: (t) => {
      srv(t, 0).build = "CU11";
      t.servers.push({ ...structuredClone(srv(t, 2)), name: "NY-CAS2007B", fqdn: "ny-cas2007b.o365info.local" });
    },
    severity: "warning",
    path: S(0, "build"),
    breaks: ["autodiscover", "outlook-anywhere", "owa", "ecp", "activesync", "ews", "oab"],
  },
  {
    code: "DX-18",
    mutate: (t) => {
      srv(t, 2).build = "SP3 RU9";
    },
    severity: "error",
    path: S(2, "build"),
    breaks: ["autodiscover", "outlook-anywhere", "mapi-http", "owa", "ecp", "activesync", "ews", "oab", "pop3", "imap4"],
  },
  {
    code: "DX-19",
    mutate: (t) => {
      srv(t, 0).outlookAnywhere!.clientAuth = "negotiate";
    },
    severity: "warning",
    path: S(0, "outlookAnywhere", "clientAuth"),
    breaks: ["outlook-anywhere"],
  },
  {
    code: "DX-20",
    mutate: (t) => {
      srv(t, 4).urls!.owa!.internal = "https://la-owa.o365info.local/owa";
    },
    severity: "warning",
    path: S(4, "urls", "owa", "internal"),
    breaks: ["owa:internal"],
  },
  {
    code: "DX-21",
    mutate: (t) => {
      srv(t, 0).auth = { ...srv(t, 0).auth, pop3: ["basic"] };
    },
    severity: "info",
    path: S(0, "auth", "pop3"),
    breaks: [],
  },
];

/** Diagnostics a mutation adds to those of the unmodified preset (keyed by code and path). */
const key = (d: { code: string; path: (string | number)[] }) => `${d.code} ${d.path.join(".")}`;
const baseline = new Set(diagnose(buildModel(preset())).map(key));

describe("diagnose: one preset mutation per DX code", () => {
  it.each(cases)("$code", ({ code, mutate, severity, path, breaks, also = [] }) => {
    const t = preset();
    mutate(t);
    const all = diagnose(buildModel(t)).filter((d) => !baseline.has(key(d)));
    const hits = all.filter((d) => d.code === code);
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ code, severity, path, breaks });
    expect(hits[0]?.message.length).toBeGreaterThan(60);
    expect([...new Set(all.map((d) => d.code))].sort()).toEqual([code, ...also].sort());
  });

  it("covers every DX code of the catalogue", () => {
    expect(cases.map((c) => c.code)).toEqual(Object.keys(CODES).filter((c) => c.startsWith("DX-")));
  });
});

describe("diagnose: the unmodified article topology", () => {
  // The article's organisation is a working coexistence: legacy name published and on the
  // certificate, every site with 2007 mailboxes has a CAS2007, OA enabled with NTLM everywhere,
  // legacy OA and SCPs pointed at 2013, 2007 EAS ExternalUrl on the primary name (EAS-4),
  // builds at the floors (2007 SP3 RU10, 2013 CU12). Madrid's europe.mail is a regional name,
  // not a legacy one, so its EAS ExternalUrl is the article's option B, not DX-13.
  // One real gap remains: Los Angeles is an intranet site, so its CAS2007 publishes no EWS/OAB
  // ExternalUrl; Autodiscover hands 2007 users their own site's URLs (EWS-4, OAB-2) and nothing
  // proxies 2007 EWS across sites, so bob has no EWS/OAB outside (route fails those flows too).
  it("raises exactly one diagnostic: DX-02 for Los Angeles' external EWS and OAB", () => {
    expect(diagnose(buildModel(preset()))).toMatchObject([
      {
        code: "DX-02",
        severity: "error",
        path: S(4, "urls", "ews", "external"),
        breaks: ["ews:external", "oab:external"],
        scope: { mailboxes: ["LA-MBX2007"] },
      },
    ]);
  });
});
