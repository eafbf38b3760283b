// DNS and certificate names per topology (sources: S4, S14, S16 in core/route/sources.ts).
import { describe, expect, it } from "vitest";
import { buildModel } from "../../core/model/index.ts";
import { requiredNames } from "../../core/diagnose/names.ts";
import type { RequiredName } from "../../core/diagnose/names.ts";
import { contoso } from "../../core/presets/contoso.ts";
import { fabrikam } from "../../core/presets/fabrikam.ts";
import { o365info } from "../../core/presets/o365info.ts";
import type { Topology } from "../../core/types.ts";

const plan = (t: Topology) => requiredNames(buildModel(t));
const byHost = (names: RequiredName[], host: string) => names.find((n) => n.host === host);

describe("requiredNames: the article topology (S1)", () => {
  const r = plan(o365info.topology);

  it("classifies the four published names as section 7 lists them", () => {
    expect(r.names.slice(0, 4).map((n) => [n.host, n.kind, n.servers])).toEqual([
      ["mail.o365info.com", "primary", ["NY-CAS2013"]],
      ["autodiscover.o365info.com", "autodiscover", ["NY-CAS2013"]],
      ["legacy.mail.o365info.com", "legacy", ["NY-CAS2007"]],
      ["europe.mail.o365info.com", "regional", ["MAD-CAS2007"]],
    ]);
  });

  it("needs the legacy name in both DNS views and on a public certificate, for 2007 OWA/EWS/OAB", () => {
    const legacy = byHost(r.names, "legacy.mail.o365info.com");
    expect(legacy).toMatchObject({ internalDns: true, externalDns: true, certificate: "public", gaps: [] });
    expect(legacy?.uses).toEqual(["owa:internal", "owa:external", "ews:internal", "ews:external", "oab:internal", "oab:external"]);
    expect(legacy?.reasons.join(" ")).toContain("NY-MBX2007 and LA-MBX2007");
  });

  it("keeps server FQDNs internal, off the public certificate", () => {
    expect(byHost(r.names, "la-cas2007.o365info.local")).toMatchObject({
      kind: "server",
      externalDns: false,
      certificate: "internal",
      namespace: null,
      gaps: [],
    });
  });

  it("groups certificates by the servers that present them", () => {
    expect(r.certificates[0]).toEqual({
      servers: ["NY-CAS2013"],
      names: ["mail.o365info.com", "autodiscover.o365info.com"],
      internalNames: [],
    });
    expect(r.certificates.find((c) => c.servers.includes("NY-CAS2007"))?.names).toEqual(["legacy.mail.o365info.com"]);
    expect(r.missing).toEqual([]);
  });
});

describe("requiredNames: gaps", () => {
  it("reports unpublished and uncertified names (the facts DX-02/DX-03 read)", () => {
    const t = structuredClone(o365info.topology);
    t.namespaces[2]!.external = false;
    t.namespaces[3]!.certificate = false;
    const r = plan(t);
    expect(byHost(r.names, "legacy.mail.o365info.com")?.gaps).toEqual(["not-external"]);
    expect(byHost(r.names, "europe.mail.o365info.com")?.gaps).toEqual(["not-on-certificate"]);
  });

  it("flags an autodiscover.<domain> that no namespace declares", () => {
    const t = structuredClone(o365info.topology);
    t.namespaces.splice(1, 1);
    expect(byHost(plan(t).names, "autodiscover.o365info.com")).toMatchObject({ namespace: null, gaps: ["undeclared"], externalDns: true });
  });

  it("asks for a legacy name when 2007 mailboxes exist and none is published", () => {
    const t = structuredClone(o365info.topology);
    t.namespaces.splice(2, 2);
    expect(plan(t).missing).toEqual([expect.stringContaining("legacy.o365info.com")]);
  });
});

describe("requiredNames: 2010 with 2013/2016 needs no legacy name (S16)", () => {
  it.each([
    ["contoso", contoso.topology],
    ["fabrikam", fabrikam.topology],
  ])("%s: no legacy name for 2010 mailboxes", (_, t) => {
    const r = plan(t);
    expect(r.missing).toEqual([]);
    expect(r.names.filter((n) => n.kind === "legacy" && n.servers.every((s) => s.includes("2010")))).toEqual([]);
  });

  it("contoso: RPC/TCP CAS-array names resolve internally only and need no certificate", () => {
    expect(byHost(plan(contoso.topology).names, "outlook-site1.contoso.local")).toMatchObject({
      kind: "internal",
      externalDns: false,
      certificate: "none",
      uses: ["rpc-tcp:internal"],
    });
  });

  it("explains a leftover 2010 legacy name as removable", () => {
    const t = structuredClone(contoso.topology);
    const cas2010 = t.servers.find((s) => s.name === "S1-CAS2010")!;
    cas2010.urls!.owa!.external = "https://legacy2010.contoso.com/owa";
    t.namespaces.push({ host: "legacy2010.contoso.com", servers: ["S1-CAS2010"] });
    const n = byHost(plan(t).names, "legacy2010.contoso.com");
    expect(n?.kind).toBe("legacy");
    expect(n?.reasons.join(" ")).toContain("S16");
  });
});

describe("requiredNames: certificates shared by servers with the same names", () => {
  const cas = o365info.topology.servers.find((s) => s.name === "NY-CAS2013");
  // Four extra 2013 CAS servers: X0 and X2 publish a.o365info.com, X1 and X3 publish b.o365info.com.
  const extra = [0, 1, 2, 3].map((i) => ({
    ...cas,
    name: `X${i}`,
    fqdn: undefined,
    outlookAnywhere: undefined,
    autodiscoverInternalUri: undefined,
    urls: { owa: { external: `https://${i % 2 ? "b" : "a"}.o365info.com/owa` } },
  }));
  const t = { ...o365info.topology, servers: [...o365info.topology.servers, ...extra] } as Topology;
  const r = plan(t);

  it("gives servers that need exactly the same names one certificate, in server order", () => {
    expect(r.certificates.find((c) => c.servers.includes("X0"))).toEqual({
      servers: ["X0", "X2"],
      names: ["a.o365info.com"],
      internalNames: [],
    });
    expect(r.certificates.find((c) => c.servers.includes("X1"))).toEqual({
      servers: ["X1", "X3"],
      names: ["b.o365info.com"],
      internalNames: [],
    });
    expect(r.certificates.findIndex((c) => c.servers.includes("X0"))).toBeLessThan(
      r.certificates.findIndex((c) => c.servers.includes("X1")),
    );
  });
});
