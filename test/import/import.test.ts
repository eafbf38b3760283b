/**
 * The importer on every fixture: import, validate, audit, and the expected topology checked field
 * by field (explicit facts per fixture, then the whole reviewed golden topology).
 */
import { describe, expect, it } from "vitest";
import { audit } from "../../core/audit/index.ts";
import { importInventory, type Imported } from "../../core/import/index.ts";
import type { Server } from "../../core/types.ts";
import { validateTopology } from "../../core/validate/index.ts";
import { bytesOf, FIXTURES, goldenOf, type FixtureName } from "./fixtures.ts";

function run(name: FixtureName): Imported {
  const r = importInventory(bytesOf(name));
  if (!r.ok) throw new Error(`${name}: ${r.issues.map((i) => i.message).join("; ")}`);
  return r.value;
}
const server = (i: Imported, name: string) => {
  const s = i.topology.servers.find((x) => x.name === name);
  if (!s) throw new Error(`no server ${name}`);
  return s as Server;
};
const ns = (i: Imported, host: string) => i.topology.namespaces.find((n) => n.host === host);
const codes = (entries: { code: string }[]) => entries.map((e) => e.code);

describe.each(FIXTURES)("fixture %s", (name) => {
  const imported = run(name);

  it("validates, audits, and matches the reviewed topology", () => {
    expect(imported.valid).toBe(true);
    const v = validateTopology(imported.topology, []);
    expect(v.ok, JSON.stringify(v.ok ? [] : v.issues)).toBe(true);
    if (!v.ok) return;
    const a = audit(v.value);
    expect(a.rows.length).toBe(v.value.users.length * 11 * 2);
    expect(imported.topology).toEqual(goldenOf(name));
  });

  it("report entries carry their path, and messages start with it", () => {
    const r = imported.report;
    for (const e of [...r.mapped, ...r.guessed, ...r.dropped, ...r.problems, ...r.notCollected]) {
      expect(Array.isArray(e.path)).toBe(true);
      expect(e.message.length).toBeGreaterThan(10);
    }
    for (const g of r.guessed) expect(g.property, g.message).toBeTruthy();
    expect(r.summary.servers).toBe(imported.topology.servers.length);
  });

  it("is deterministic", () => {
    expect(JSON.stringify(run(name))).toBe(JSON.stringify(imported));
  });
});

describe("field by field", () => {
  it("worked example (reference 2.4): versions, builds, roles, URLs, OA, users", () => {
    const i = run("worked-example");
    expect(server(i, "EX16A")).toMatchObject({
      fqdn: "ex16a.contoso.local",
      version: 2016,
      build: "CU23",
      roles: ["mailbox"],
      site: "Site1",
    });
    expect(server(i, "EX16A").urls?.owa).toEqual({ internal: "https://mail.contoso.com/owa", external: "https://mail.contoso.com/owa" });
    expect(server(i, "EX16A").auth?.owa).toEqual(["basic", "forms"]);
    expect(server(i, "EX16A").auth?.["mapi-http"]).toEqual(["ntlm", "oauth", "negotiate"]);
    expect(server(i, "EX13B")).toMatchObject({ version: 2013, build: "CU23", roles: ["cas", "mailbox"], site: "Site2" });
    expect(server(i, "EX10C")).toMatchObject({
      version: 2010,
      roles: ["cas", "mailbox"],
      site: "Site1",
      rpcClientAccessServer: "outlook.contoso.local",
    });
    expect(server(i, "EX10C").build).toBeUndefined();
    expect(codes(i.report.problems)).toContain("RU_UNKNOWN");
    expect(server(i, "EX10C").outlookAnywhere).toEqual({
      enabled: true,
      externalHostname: "mail.contoso.com",
      clientAuth: "ntlm",
      iisAuth: ["basic", "ntlm"],
    });
    expect(i.topology.users).toEqual([
      { name: "user1", mailbox: "EX16A" },
      { name: "user2", mailbox: "EX13B" },
      { name: "user3", mailbox: "EX10C", oabAssigned: true },
    ]);
    expect(ns(i, "outlook.contoso.local")).toEqual({ host: "outlook.contoso.local", servers: ["EX10C"], internal: true, external: false });
    expect(i.report.notCollected.map((e) => e.path)).toEqual([["errors", 0]]);
  });

  it("2013 + 2010: DAG active copy, CAS arrays per site, OA absent on a 2010 CAS is a reported guess", () => {
    const i = run("e2013-e2010-cas-array");
    expect(i.topology.users[0]).toEqual({ name: "user1", mailbox: "NY-EX13-2" });
    expect(server(i, "LDN-CAS10B").outlookAnywhere).toEqual({ enabled: false });
    expect(i.report.guessed.find((g) => g.code === "OA_DISABLED")?.path).toEqual(["servers", 4]);
    expect(ns(i, "outlook-ldn.contoso.local")?.servers).toEqual(["LDN-CAS10A", "LDN-CAS10B"]);
    expect(server(i, "LDN-MBX10").rpcClientAccessServer).toBe("outlook-ldn.contoso.local");
    expect(i.topology.users[2]).toEqual({ name: "user3", mailbox: "LDN-MBX10", oabAssigned: false });
    expect(ns(i, "mail.contoso.com")).toEqual({
      host: "mail.contoso.com",
      servers: ["NY-EX13-1", "NY-EX13-2"],
      internal: true,
      external: true,
      certificate: true,
    });
    expect(i.report.namespaces.find((n) => n.host === "mail.contoso.com")?.olderServers).toEqual(["NY-EX10", "LDN-CAS10A"]);
  });

  it("2016 + 2010 regional: Paris keeps its own name, Edge and the back-end vdir are dropped, POP/IMAP host:port", () => {
    const i = run("e2016-e2010-regional");
    expect(i.topology.servers.map((s) => s.name)).not.toContain("EDGE01");
    expect(codes(i.report.dropped)).toEqual(expect.arrayContaining(["EDGE", "BACKEND_VDIR", "EMPTY_SITE"]));
    expect(ns(i, "europe.mail.contoso.com")?.servers).toEqual(["PAR-EX16"]);
    expect(server(i, "SEA-EX16A").urls?.pop3).toEqual({ internal: "sea-ex16a.contoso.local:995", external: "mail.contoso.com:995" });
    expect(server(i, "SEA-EX16A").urls?.owa?.internal).toBe("https://mail.contoso.com/owa");
    expect(server(i, "SEA-EX16A").build).toBe("CU22");
    expect(server(i, "PAR-EX16").build).toBe("CU23");
    expect(i.topology.sites.map((s) => s.name)).toEqual(["Seattle", "Paris"]);
  });

  it('2019 + SE: Subscription Edition is version "SE", one pool', () => {
    const i = run("e2019-se-pool");
    expect(server(i, "EXSE-1").version).toBe("SE");
    expect(server(i, "EX19-1")).toMatchObject({ version: 2019, build: "CU14" });
    expect(server(i, "EX19-2")).toMatchObject({ version: 2019, build: "CU15" });
    expect(ns(i, "mail.fabrikam.com")?.servers).toEqual(["EX19-1", "EX19-2", "EXSE-1", "EXSE-2"]);
    const v = validateTopology(i.topology, []);
    expect(v.ok && v.value.servers.find((s) => s.name === "EXSE-1")?.version).toBe("SE");
    expect(i.topology.users.map((u) => u.mailbox)).toEqual(["EXSE-1", "EXSE-2", "EX19-2"]);
  });

  it("2013 + 2007: the legacy /exchange vdir is dropped, legacy name external only, mailbox-only 2013 has no URLs", () => {
    const i = run("e2013-e2007");
    expect(server(i, "EX07-CAS")).toMatchObject({ version: 2007, roles: ["cas"] });
    expect(server(i, "EX07-CAS").urls?.owa).toEqual({
      internal: "https://ex07-cas.contoso.local/owa",
      external: "https://legacy.contoso.com/owa",
    });
    expect(i.report.dropped.find((d) => d.code === "EXTRA_VDIR")?.path).toEqual(["vdirs", 12]);
    expect(ns(i, "legacy.contoso.com")).toEqual({ host: "legacy.contoso.com", servers: ["EX07-CAS"], internal: false, external: true });
    expect(server(i, "EX13-MBX").urls).toBeUndefined();
    expect(codes(i.report.guessed)).toEqual(expect.arrayContaining(["ACTIVE_COPY", "OA_DISABLED"]));
    expect(server(i, "BR-EX07").outlookAnywhere).toEqual({ enabled: false });
  });

  it("hybrid: the hybrid block (type a reported guess), remote mailboxes as cloud users, MRSProxy from the EWS vdir", () => {
    const i = run("hybrid-e2016");
    expect(i.topology.hybrid).toEqual({
      type: "classic",
      routingDomain: "contoso.mail.onmicrosoft.com",
      onPremDomains: ["contoso.com"],
      hybridServers: ["EX16-1", "EX16-2"],
      orgRelationship: { onPrem: { targetOwaUrl: "https://outlook.office.com/mail", freeBusy: true } },
      ioc: { onPrem: { enabled: true, discoveryEndpoint: "https://autodiscover-s.outlook.com/autodiscover/autodiscover.svc" } },
    });
    expect(i.report.guessed.find((g) => g.code === "HYBRID_TYPE")?.property).toBe("hybrid");
    expect(i.topology.users.filter((u) => u.location === "cloud").map((u) => u.name)).toEqual(["remote1", "remote2", "remote3"]);
    expect(server(i, "EX16-1").mrsProxy).toBe(true);
    expect(ns(i, "autodiscover.contoso.com")?.external).toBe(true);
    expect(codes(i.report.guessed)).toContain("AUTODISCOVER_EXTERNAL");
  });

  it("remote mailboxes without a hybrid configuration are dropped with a reason", () => {
    const r = importInventory(
      JSON.stringify({
        schema: "exflow-inventory/1",
        servers: [{ name: "S", site: "A", adminDisplayVersion: "Version 15.1 (Build 2507.6)" }],
        remoteMailboxes: [{ id: "r1" }],
      }),
    );
    expect(r.ok && r.value.report.dropped.map((d) => d.code)).toEqual(["REMOTE_MAILBOX"]);
  });

  it("Extended Protection: on when a vdir checks the token (2019 CU14+, SE), off when all say None", () => {
    expect(server(run("e2019-se-pool"), "EXSE-1").extendedProtection).toBe(true);
    expect(server(run("e2016-e2010-regional"), "SEA-EX16A").extendedProtection).toBe(false);
    expect(server(run("worked-example"), "EX16A").extendedProtection).toBeUndefined();
  });

  it("damaged (UTF-16, enums as numbers, depth-truncated values, objects for scalars): mapped or reported at their paths", () => {
    const i = run("damaged-utf16");
    const at = (list: { path: (string | number)[]; code: string }[], path: (string | number)[]) =>
      list.filter((e) => JSON.stringify(e.path) === JSON.stringify(path)).map((e) => e.code);
    expect(server(i, "EX13A")).toMatchObject({
      version: 2013,
      build: "CU23",
      roles: ["cas", "mailbox"],
      site: "Main",
      fqdn: "ex13a.contoso.local",
    });
    expect(at(i.report.mapped, ["servers", 0, "serverRole"])).toEqual(["ROLE_NUMBER"]);
    expect(at(i.report.mapped, ["servers", 0, "adminDisplayVersion"])).toEqual(["VERSION_OBJECT"]);
    expect(server(i, "EX10B").site).toBe("Branch");
    expect(server(i, "EX10C")).toMatchObject({ roles: ["cas"], site: "Unknown site" });
    expect(at(i.report.problems, ["servers", 2, "site"])).toEqual(["TRUNCATED"]);
    expect(at(i.report.dropped, ["servers", 3, "adminDisplayVersion"])).toEqual(["NO_VERSION"]);
    expect(at(i.report.problems, ["vdirs", 0, "internalUrl"])).toEqual(["TRUNCATED"]);
    expect(server(i, "EX13A").urls?.owa).toEqual({ external: "https://mail.contoso.com/owa" });
    expect(server(i, "EX13A").urls?.ecp?.external).toBe("https://mail.contoso.com/ecp");
    expect(server(i, "EX13A").auth?.owa).toEqual(["basic", "forms"]);
    expect(at(i.report.problems, ["vdirs", 1, "externalAuth", 1])).toEqual(["ENUM_NUMBER"]);
    expect(at(i.report.problems, ["vdirs", 2, "internalAuth"])).toEqual(["TRUNCATED"]);
    expect(server(i, "EX13A").outlookAnywhere?.internalHostname).toBe("mail.contoso.com");
    expect(at(i.report.guessed, ["mailboxes", 1, "id"])).toEqual(["RETYPED"]);
    expect(i.topology.users.map((u) => u.name)).toEqual(["user1", "2"]);
    expect(ns(i, "mail.contoso.com")?.certificate).toBeUndefined();
    expect(i.report.notCollected[0]?.path).toEqual(["errors"]);
    // The collector could not ask EX10C about Outlook Anywhere: nothing is guessed for it.
    expect(server(i, "EX10C").outlookAnywhere).toBeUndefined();
  });
});

describe("other shapes and encodings", () => {
  const worked = new TextDecoder().decode(bytesOf("worked-example"));
  const fail = (input: string | Uint8Array) => {
    const r = importInventory(input);
    if (r.ok) throw new Error("expected an error");
    return r.issues;
  };

  it("a HealthChecker export, a topology, other JSON and a newer format name the expected format", () => {
    expect(fail(JSON.stringify({ HealthCheckerExchangeServer: { ServerName: "EX1" } }))[0]?.message).toMatch(
      /HealthChecker export.*exflow-inventory\/1/,
    );
    expect(fail(JSON.stringify({ sites: [], servers: [{ name: "A", version: 2016, roles: ["mailbox"] }] }))[0]?.message).toMatch(
      /already an exflow topology/,
    );
    expect(fail("[1,2]")[0]?.message).toMatch(/exflow-inventory\/1.*got a list/);
    expect(fail(JSON.stringify({ schema: "exflow-inventory/2" }))[0]).toMatchObject({ code: "VERSION", path: ["schema"] });
    expect(fail(JSON.stringify({ schema: "something/1" }))[0]?.message).toMatch(/^schema: "something\/1" is not an exflow inventory/);
    expect(fail("not json")[0]?.code).toBe("PARSE");
    expect(fail("")[0]?.code).toBe("PARSE");
  });

  it("UTF-8 with a BOM, UTF-16 LE and BE with or without a BOM give the same topology", () => {
    const base = importInventory(worked);
    const le = Buffer.from(worked, "utf16le");
    const be = Buffer.from(le).swap16();
    for (const bytes of [
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(worked)]),
      Buffer.concat([Buffer.from([0xff, 0xfe]), le]),
      le,
      Buffer.concat([Buffer.from([0xfe, 0xff]), be]),
      be,
    ]) {
      expect(importInventory(new Uint8Array(bytes))).toEqual(base);
    }
  });

  it("an inventory with nothing importable is still a report, and the topology says it does not validate", () => {
    const r = importInventory(
      JSON.stringify({
        schema: "exflow-inventory/1",
        servers: [{ name: "E", adminDisplayVersion: "Version 15.1 (Build 2507.6)", serverRole: "Edge" }],
      }),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.valid).toBe(false);
    expect(r.value.report.dropped[0]?.code).toBe("EDGE");
    expect(r.value.report.diagnostics.length).toBeGreaterThan(0);
  });

  it("version and build from AdminDisplayVersion for 2007 through SE; ExchangeVersion is never read", () => {
    const one = (adv: unknown, extra: Record<string, unknown> = {}) => {
      const r = importInventory(
        JSON.stringify({
          schema: "exflow-inventory/1",
          servers: [{ name: "S", site: "A", adminDisplayVersion: adv, serverRole: "Mailbox", ...extra }],
        }),
      );
      return r.ok ? r.value.topology.servers[0] : undefined;
    };
    expect(one("Version 8.3 (Build 83.6)")).toMatchObject({ version: 2007 });
    expect(one("Version 14.3 (Build 513.0)")).toMatchObject({ version: 2010 });
    expect(one("Version 15.0 (Build 847.32)")).toMatchObject({ version: 2013, build: "CU4" });
    expect(one("Version 15.1 (Build 225.42)")).toMatchObject({ version: 2016, build: "RTM" });
    expect(one("Version 15.2 (Build 2561.0)")).toMatchObject({ version: 2019, build: "CU15" });
    expect(one("Version 15.2 (Build 2562.17)")).toMatchObject({ version: "SE" });
    expect(one({ Major: 15, Minor: 1, Build: 2375, Revision: 7 })).toMatchObject({ version: 2016, build: "CU22" });
    expect(one(undefined, { exchangeVersion: "0.20 (15.0.0.0)" })).toBeUndefined();
    expect(one("Version 6.5 (Build 7638.2: Service Pack 2)")).toBeUndefined();
  });

  it("auth comes from the method lists, never from the booleans", () => {
    const r = importInventory(
      JSON.stringify({
        schema: "exflow-inventory/1",
        servers: [{ name: "S", site: "A", adminDisplayVersion: "Version 15.1 (Build 2507.6)", serverRole: "Mailbox" }],
        vdirs: [
          {
            server: "S",
            protocol: "owa",
            internalUrl: "https://m.contoso.com/owa",
            internalAuth: ["Fba"],
            FormsAuthentication: false,
            BasicAuthentication: true,
          },
        ],
      }),
    );
    expect(r.ok && r.value.topology.servers[0]?.auth).toEqual({ owa: ["forms"] });
  });
});
