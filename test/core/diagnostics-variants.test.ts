// Second triggers of DX codes, build parsing, scope matching, order and memoisation.
import { describe, expect, it } from "vitest";
import { affects, compareLevel, diagnose, diagnosticsFor, parseBuild } from "../../core/diagnose/index.ts";
import { buildModel } from "../../core/model/index.ts";
import { o365info } from "../../core/presets/o365info.ts";
import type { Server, Topology } from "../../core/types.ts";

const preset = (): Topology => structuredClone(o365info.topology);
const srv = (t: Topology, i: number): Server => t.servers[i] as Server;
const key = (d: { code: string; path: (string | number)[] }) => `${d.code} ${d.path.join(".")}`;
/** The unmodified preset's one finding (DX-02, Los Angeles EWS/OAB) is left out of every result. */
const baseline = new Set(diagnose(buildModel(preset())).map(key));
const run = (mutate: (t: Topology) => void) => {
  const t = preset();
  mutate(t);
  return diagnose(buildModel(t)).filter((d) => !baseline.has(key(d)));
};
/** Los Angeles on Exchange 2010 instead of 2007. */
const la2010 = (t: Topology) => {
  srv(t, 4).version = 2010;
  srv(t, 5).version = 2010;
};

describe("parseBuild", () => {
  it.each([
    [2007, "SP3 RU10", [3, 10]],
    [2007, "sp3ru10", [3, 10]],
    [2007, "SP3 Update Rollup 9", [3, 9]],
    [2010, "SP2", [2, 0]],
    [2010, "RTM", [0, 0]],
    [2013, "CU12", [12]],
    [2013, "cu 2", [2]],
    [2013, "SP1", [4]],
    [2013, "RTM", [0]],
    [2016, "CU23", [23]],
  ] as const)("%i %s", (v, s, want) => expect(parseBuild(v, s)).toEqual(want));

  it("returns null for missing or unreadable builds", () => {
    expect(parseBuild(2013, undefined)).toBeNull();
    expect(parseBuild(2010, "15.0.1178.4")).toBeNull();
  });

  it("compares levels element by element", () => {
    expect(compareLevel([3, 9], [3, 10])).toBe(-1);
    expect(compareLevel([3], [3, 0])).toBe(0);
    expect(compareLevel([12], [2])).toBe(1);
  });
});

describe("second triggers", () => {
  it("DX-02 when the legacy name is not declared at all, pointing at the URL that names it", () => {
    const d = run((t) => void t.namespaces.splice(2, 1)).filter((x) => x.code === "DX-02");
    expect(d).toMatchObject([{ severity: "error", path: ["topology", "servers", 2, "urls", "owa", "external"] }]);
  });

  it("DX-02 when no name lands on a 2007 CAS, and DX-04 when no 2007 OWA ExternalUrl exists", () => {
    const d = run((t) => {
      for (const i of [2, 6]) for (const p of ["owa", "ews", "oab"] as const) delete srv(t, i).urls![p]!.external;
      t.namespaces.splice(2, 2);
    });
    // P4: the URLs that still name the removed hosts are also DX-20 (host unknown); checked, then set aside.
    expect(d.some((x) => x.code === "DX-20")).toBe(true);
    expect(d.filter((x) => x.code !== "DX-20").map((x) => [x.code, x.path])).toEqual([
      ["DX-02", ["topology", "namespaces"]],
      ["DX-04", ["topology", "servers", 2, "urls", "owa", "external"]],
    ]);
    expect(d[0]?.message).toContain("legacy.o365info.com");
  });

  it("DX-05 when a legacy CAS has no Outlook Anywhere settings at all (disabled by default)", () => {
    const d = run((t) => void delete srv(t, 4).outlookAnywhere);
    expect(d).toMatchObject([{ code: "DX-05", path: ["topology", "servers", 4, "outlookAnywhere"] }]);
  });

  it("DX-10 is an error for a 2010 mailbox whose site has Outlook Anywhere disabled (OAB-3)", () => {
    const d = run((t) => {
      la2010(t);
      srv(t, 4).outlookAnywhere!.enabled = false;
      t.users[1]!.oabAssigned = false;
    });
    expect(d.map((x) => `${x.code} ${x.severity}`)).toEqual(["DX-05 error", "DX-10 error"]);
  });

  it("DX-11 when the SCP is unset: Exchange's default is the server's own name", () => {
    const d = run((t) => void delete srv(t, 6).autodiscoverInternalUri);
    expect(d).toMatchObject([{ code: "DX-11", message: expect.stringContaining("mad-cas2007.o365info.local") }]);
  });

  it("DX-18 floors: 2013 below CU2, and unreadable builds as info", () => {
    const d = run((t) => {
      srv(t, 0).build = "CU1";
      srv(t, 3).build = "banana";
    });
    expect(d.map((x) => `${x.code} ${x.severity} ${x.path.join(".")}`)).toEqual([
      "DX-18 error topology.servers.0.build",
      "DX-18 info topology.servers.3.build",
    ]);
  });

  it("DX-18 with Exchange 2016: 2010 needs SP3 RU11, 2013 needs CU10", () => {
    const d = run((t) => {
      la2010(t);
      srv(t, 4).build = "SP3 RU10";
      srv(t, 5).build = "SP3 RU10";
      for (const i of [2, 3, 6, 7]) srv(t, i).version = 2016; // 2016 cannot coexist with 2007
      for (const i of [2, 3, 6, 7]) srv(t, i).build = "CU23";
      for (const i of [0, 1]) srv(t, i).build = "CU9";
    });
    expect(d.filter((x) => x.code === "DX-18").map((x) => x.path[2])).toEqual([0, 1, 4, 5]);
  });

  // Corrected DX-18: with Exchange 2019, 2013 needs CU21 or later and 2016 needs CU11 or later.
  it("DX-18 with Exchange 2019: 2013 needs CU21, 2016 needs CU11", () => {
    const d = run((t) => {
      t.servers.splice(4, 4); // 2019 cannot coexist with 2007/2010: drop servers 4 to 7
      t.users = t.users.filter((u) => t.servers.some((s) => s.name === u.mailbox));
      srv(t, 0).build = "CU20";
      srv(t, 1).build = "CU21";
      srv(t, 2).version = 2016;
      srv(t, 2).roles = ["mailbox"];
      srv(t, 2).build = "CU10";
      srv(t, 3).version = 2019;
      srv(t, 3).build = "CU1";
    });
    expect(d.filter((x) => x.code === "DX-18").map((x) => `${x.path[2]} ${x.message.includes("Exchange 2019")}`)).toEqual([
      "0 true",
      "2 true",
    ]);
  });

  it("DX-17 needs two legacy CAS of one version in one site", () => {
    expect(
      run((t) => {
        srv(t, 0).build = "CU11";
      }),
    ).toEqual([]);
  });
});

describe("scope and order", () => {
  const t = preset();
  t.namespaces[2]!.external = false; // DX-02: 2007 users of New York and Los Angeles
  t.users[3]!.recentlyMoved = true; // DX-16: dave only
  srv(t, 0).outlookAnywhere!.clientAuth = "negotiate"; // DX-19: every legacy mailbox
  const m = buildModel(t);

  it("sorts by code, then input order", () => {
    expect(diagnose(m).map(key)).toEqual([
      "DX-02 topology.namespaces.2.external",
      "DX-02 topology.servers.4.urls.ews.external",
      "DX-16 topology.users.3.recentlyMoved",
      "DX-19 topology.servers.0.outlookAnywhere.clientAuth",
    ]);
  });

  it("matches a flow by protocol, location and user", () => {
    const [dx02] = diagnose(m);
    expect(affects(dx02!, { user: "alice", mailbox: "NY-MBX2007", protocol: "owa", client: "external" })).toBe(true);
    expect(affects(dx02!, { user: "alice", mailbox: "NY-MBX2007", protocol: "owa", client: "internal" })).toBe(false);
    expect(affects(dx02!, { user: "carmen", mailbox: "MAD-MBX2007", protocol: "owa", client: "external" })).toBe(false);
    expect(diagnosticsFor(m, { user: "dave", protocol: "ecp", client: "internal" }).map((d) => d.code)).toEqual(["DX-16"]);
    expect(diagnosticsFor(m, { user: "bob", protocol: "outlook-anywhere", client: "external" }).map((d) => d.code)).toEqual(["DX-19"]);
  });

  it("memoises per model but hands out a fresh array", () => {
    const a = diagnose(m);
    a.pop();
    expect(diagnose(m)).toHaveLength(4);
  });
});
