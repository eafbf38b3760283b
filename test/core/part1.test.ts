/**
 * Part 1 of the hybrid review: the on-premises corrections still open after the first routing
 * review, each on a small topology of its own (not the review's).
 */
import { describe, expect, it } from "vitest";
import { buildModel, route } from "../../core/index.ts";
import { diagnose } from "../../core/diagnose/index.ts";
import type { Topology } from "../../core/types.ts";

const url = (host: string, path: string) => ({ internal: `https://${host}/${path}`, external: `https://${host}/${path}` });

describe("part 1 corrections", () => {
  it("OAB-1/OAB-2: the OAB URL Autodiscover hands a 2010 user comes from offlineAddressBook.distribution", () => {
    const t: Topology = {
      domain: "woodgrove.com",
      sites: [{ name: "North" }, { name: "South" }],
      servers: [
        { name: "N16", version: 2016, roles: ["mailbox"], site: "North", urls: { oab: url("mail.woodgrove.com", "OAB") } },
        {
          name: "NCAS",
          version: 2010,
          build: "SP3 RU30",
          roles: ["cas"],
          site: "North",
          urls: { oab: { internal: "https://ncas.woodgrove.com/OAB" } },
        },
        {
          name: "SCAS",
          version: 2010,
          build: "SP3 RU30",
          roles: ["cas"],
          site: "South",
          urls: { oab: { internal: "https://scas.woodgrove.com/OAB" } },
        },
        { name: "SMBX", version: 2010, build: "SP3 RU30", roles: ["mailbox"], site: "South" },
      ],
      namespaces: [
        { host: "mail.woodgrove.com", servers: ["N16"] },
        { host: "ncas.woodgrove.com", servers: ["NCAS"], external: false },
        { host: "scas.woodgrove.com", servers: ["SCAS"], external: false },
      ],
      users: [{ name: "sue", mailbox: "SMBX" }],
      offlineAddressBook: { distribution: ["NCAS"] },
    };
    const f = route(t, { user: "sue", protocol: "oab", client: "internal" });
    expect(f.steps[0]).toMatchObject({ from: "client", to: "NCAS", url: "https://ncas.woodgrove.com/OAB" });
    delete t.offlineAddressBook;
    expect(route(t, { user: "sue", protocol: "oab", client: "internal" }).steps[0]).toMatchObject({ to: "SCAS" });
  });

  const eas5 = (build: string): Topology => ({
    domain: "woodgrove.com",
    sites: [{ name: "North" }, { name: "South" }],
    servers: [
      {
        name: "NCAS",
        version: 2010,
        build,
        roles: ["cas"],
        site: "North",
        urls: { activesync: { external: "https://mail.woodgrove.com/Microsoft-Server-ActiveSync" } },
      },
      { name: "NMBX", version: 2010, build, roles: ["mailbox"], site: "North" },
      {
        name: "SCAS",
        version: 2010,
        build,
        roles: ["cas"],
        site: "South",
        urls: { activesync: { external: "https://south.woodgrove.com/Microsoft-Server-ActiveSync" } },
      },
      { name: "SMBX", version: 2010, build, roles: ["mailbox"], site: "South" },
    ],
    namespaces: [
      { host: "mail.woodgrove.com", servers: ["NCAS"] },
      { host: "south.woodgrove.com", servers: ["SCAS"] },
    ],
    users: [{ name: "sue", mailbox: "SMBX" }],
  });

  it("DX-12 knows the build that fixed it: Exchange 2010 SP2 RU6 (KB 2751417)", () => {
    const codes = (build: string) => diagnose(buildModel(eas5(build))).map((d) => d.code);
    expect(codes("SP2 RU4")).toContain("DX-12");
    expect(codes("SP2 RU6")).not.toContain("DX-12");
    expect(codes("SP3 RU30")).not.toContain("DX-12");
    expect(diagnose(buildModel(eas5("SP2 RU4"))).find((d) => d.code === "DX-12")?.message).toMatch(/SP2 RU6/);
  });

  it("P4: a host exflow does not know is reported as one it cannot place, not one the client cannot reach", () => {
    const t: Topology = {
      domain: "woodgrove.com",
      sites: [{ name: "North" }],
      servers: [
        {
          name: "N13",
          version: 2013,
          build: "CU23",
          roles: ["cas", "mailbox"],
          site: "North",
          urls: { owa: url("mail.woodgrove.com", "owa") },
        },
        {
          name: "N07",
          version: 2007,
          build: "SP3 RU23",
          roles: ["cas"],
          site: "North",
          urls: { owa: { internal: "https://n07.woodgrove.lan/owa" } },
        },
        { name: "M07", version: 2007, build: "SP3 RU23", roles: ["mailbox"], site: "North" },
      ],
      namespaces: [{ host: "mail.woodgrove.com", servers: ["N13"] }],
      users: [{ name: "old", mailbox: "M07" }],
    };
    const f = route(t, { user: "old", protocol: "owa", client: "internal", host: "mail.woodgrove.com" });
    const broke = f.steps.find((s) => s.fails);
    expect(broke?.text).toMatch(/^exflow cannot place the host of https:\/\/n07\.woodgrove\.lan\/owa/);
    expect(broke?.text).not.toMatch(/cannot reach/);
  });

  it("AD-3 (microsoft): Autodiscover for a 2007 mailbox is proxied to CAS 2007, which builds the answer", () => {
    const t: Topology = {
      domain: "woodgrove.com",
      sites: [{ name: "North" }],
      servers: [
        {
          name: "N16",
          version: 2016,
          build: "CU23",
          roles: ["mailbox"],
          site: "North",
          autodiscoverInternalUri: "https://mail.woodgrove.com/Autodiscover/Autodiscover.xml",
        },
        { name: "N07", version: 2007, build: "SP3 RU23", roles: ["cas"], site: "North", urls: { owa: url("legacy.woodgrove.com", "owa") } },
        { name: "M07", version: 2007, build: "SP3 RU23", roles: ["mailbox"], site: "North" },
      ],
      namespaces: [
        { host: "mail.woodgrove.com", servers: ["N16"] },
        { host: "legacy.woodgrove.com", servers: ["N07"] },
      ],
      users: [{ name: "old", mailbox: "M07" }],
    };
    const f = route(t, { user: "old", protocol: "autodiscover", client: "internal", profile: "microsoft" });
    expect(f.steps.filter((s) => s.n !== null).map((s) => `${s.from}>${s.to}:${s.kind}`)).toEqual([
      "client>N16:autodiscover",
      "N16>N07:proxy",
      "N07>N16:respond",
      "N16>client:respond",
    ]);
  });

  it("RT-POOL only when the members really answer differently", () => {
    const t: Topology = {
      domain: "woodgrove.com",
      sites: [{ name: "North" }, { name: "South" }],
      servers: [
        {
          name: "N19",
          version: 2019,
          build: "CU14",
          roles: ["mailbox"],
          site: "North",
          urls: { owa: url("mail.woodgrove.com", "owa") },
          auth: { owa: ["forms"] },
        },
        {
          name: "N16",
          version: 2016,
          build: "CU23",
          roles: ["mailbox"],
          site: "North",
          urls: { owa: url("mail.woodgrove.com", "owa") },
          auth: { owa: ["forms"] },
        },
        {
          name: "S16",
          version: 2016,
          build: "CU23",
          roles: ["mailbox"],
          site: "South",
          urls: { owa: url("south.woodgrove.com", "owa") },
          auth: { owa: ["forms"] },
        },
      ],
      namespaces: [
        { host: "mail.woodgrove.com", servers: ["N16", "N19"] },
        { host: "south.woodgrove.com", servers: ["S16"] },
      ],
      users: [
        { name: "sam", mailbox: "S16" },
        { name: "nina", mailbox: "N16" },
      ],
    };
    const same = route(t, { user: "sam", protocol: "owa", client: "external", host: "mail.woodgrove.com" });
    expect(same.outcome).toBe("silent-redirect");
    expect(same.diagnostics.map((d) => d.code)).not.toContain("RT-POOL");
    // Members that do differ still say so: N16 holds nina's mailbox and answers itself, N19 proxies to it.
    const differ = route(t, { user: "nina", protocol: "owa", client: "external", host: "mail.woodgrove.com" });
    expect(differ.diagnostics.map((d) => d.code)).toContain("RT-POOL");
  });

  it("no server proxies to itself: a CAS+Mailbox 2010 server's internal hand-off is not an arrow", () => {
    const t: Topology = {
      domain: "woodgrove.com",
      sites: [{ name: "North" }, { name: "South" }],
      servers: [
        {
          name: "N16",
          version: 2016,
          roles: ["mailbox"],
          site: "North",
          urls: { owa: { external: "https://mail.woodgrove.com/owa" }, ews: { external: "https://mail.woodgrove.com/EWS/Exchange.asmx" } },
        },
        {
          name: "S10",
          version: 2010,
          roles: ["cas", "mailbox"],
          site: "South",
          fqdn: "s10.woodgrove.lan",
          urls: { owa: { internal: "https://s10.woodgrove.lan/owa" }, ews: { internal: "https://s10.woodgrove.lan/EWS/Exchange.asmx" } },
        },
      ],
      namespaces: [{ host: "mail.woodgrove.com", servers: ["N16"] }],
      users: [{ name: "ben", mailbox: "S10" }],
    };
    for (const protocol of ["owa", "ews"] as const) {
      const f = route(t, { user: "ben", protocol, client: "external", host: "mail.woodgrove.com" });
      expect(f.outcome, protocol).toBe("proxy");
      expect(
        f.steps.filter((s) => s.from === s.to),
        protocol,
      ).toEqual([]);
      expect(
        f.steps.map((s) => `${s.from}>${s.to}:${s.kind}`),
        protocol,
      ).toContain("S10>N16:fetch");
    }
  });

  it("CAS 2007 -> Mailbox 2007 is a MAPI/RPC connection, not a proxy step (the o365info profile keeps the article's drawing)", () => {
    const t: Topology = {
      domain: "woodgrove.com",
      sites: [{ name: "North" }],
      servers: [
        { name: "N07", version: 2007, build: "SP3 RU23", roles: ["cas"], site: "North", urls: { owa: url("legacy.woodgrove.com", "owa") } },
        { name: "M07", version: 2007, build: "SP3 RU23", roles: ["mailbox"], site: "North" },
      ],
      namespaces: [{ host: "legacy.woodgrove.com", servers: ["N07"] }],
      users: [{ name: "old", mailbox: "M07" }],
    };
    const f = route(t, { user: "old", protocol: "owa", client: "external", host: "legacy.woodgrove.com" });
    expect(f.steps.find((s) => s.from === "N07" && s.to === "M07")?.kind).toBe("connect");
    const article = route(t, { user: "old", protocol: "owa", client: "external", host: "legacy.woodgrove.com", profile: "o365info" });
    expect(article.steps.find((s) => s.from === "N07" && s.to === "M07")?.kind).toBe("proxy");
  });
});
