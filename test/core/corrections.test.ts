/**
 * The corrected rows of the decision table (each with its source in core/route/sources.ts), one case
 * each, on the presets with one mutation: what the flow does now, with the source in the comment.
 */
import { describe, expect, it } from "vitest";
import { presets } from "../../core/presets/index.ts";
import { route } from "../../core/route/index.ts";
import type { Flow, Topology } from "../../core/types.ts";

const preset = (id: string, mutate?: (t: Topology) => void): Topology => {
  const t = structuredClone(presets[id]!.topology);
  mutate?.(t);
  return t;
};
const server = (t: Topology, name: string) => t.servers.find((s) => s.name === name)!;
const hops = (f: Flow) => f.steps.filter((s) => s.n !== null).map((s) => `${s.from}>${s.to}:${s.kind}${s.fails ? "!" : ""}`);

describe("corrected rows", () => {
  // learn.microsoft.com/exchange/address-books/offline-address-books: "the destination for OAB download
  // requests is the Mailbox server that holds the active copy of the organization mailbox".
  it("X-OAB-1: OAB for a 2013+ mailbox goes to the OAB generation server, not the user's mailbox server", () => {
    const assumed = route(preset("fabrikam"), { user: "kim", protocol: "oab", client: "external" });
    expect(hops(assumed)).toEqual([
      "client>HQ-EX2016:connect",
      "HQ-EX2016>HQ-EX2013:proxy",
      "HQ-EX2013>HQ-EX2016:respond",
      "HQ-EX2016>client:respond",
    ]);
    expect(assumed.notes.some((n) => n.kind === "assumption" && n.text.includes("generationServer"))).toBe(true);
    const named = route(
      preset("fabrikam", (t) => {
        t.offlineAddressBook = { generationServer: "BR-EX2016" };
      }),
      { user: "hal", protocol: "oab", client: "external" },
    );
    expect(hops(named)).toEqual([
      "client>HQ-EX2016:connect",
      "HQ-EX2016>BR-EX2016:proxy",
      "BR-EX2016>HQ-EX2016:respond",
      "HQ-EX2016>client:respond",
    ]);
  });

  // Same page: the OAB's distribution virtual directories decide which URL Autodiscover hands out.
  it("OAB-2: a 2007 user in an intranet site downloads from the CAS that distributes the OAB", () => {
    const before = route(preset("o365info"), { user: "bob", protocol: "oab", client: "external", profile: "microsoft" });
    expect(before.outcome).toBe("fail"); // Los Angeles publishes no OAB URL
    const f = route(
      preset("o365info", (t) => {
        t.offlineAddressBook = { distribution: ["NY-CAS2007"] };
      }),
      { user: "bob", protocol: "oab", client: "external", profile: "microsoft" },
    );
    expect(f.outcome).toBe("autodiscover-referral");
    expect(hops(f).slice(-2)).toEqual(["client>NY-CAS2007:connect", "NY-CAS2007>client:respond"]);
  });

  // technet ee332346: "If the user's mailbox is in a different site, the request is referred to a
  // Client Access server in the remote site."
  it("X-LEG-1: 2010 Outlook Anywhere across sites reaches RPC Client Access on a CAS in the mailbox's site", () => {
    const f = route(preset("fabrikam"), {
      user: "jon",
      protocol: "outlook-anywhere",
      client: "internal",
      host: "hq-cas2010.fabrikam.local",
    });
    expect(hops(f)).toEqual([
      "client>HQ-CAS2010:connect",
      "HQ-CAS2010>BR-CAS2010:proxy",
      "BR-CAS2010>BR-MBX2010:connect",
      "BR-MBX2010>BR-CAS2010:fetch",
      "BR-CAS2010>HQ-CAS2010:respond",
      "HQ-CAS2010>client:respond",
    ]);
  });

  // client-access architecture page: a front end "might redirect the request ... on a more recent version".
  it("E16-2 no longer hides the cross-site OWA redirect (OWA-7)", () => {
    const t = preset("fabrikam", (x) => {
      const e13 = server(x, "HQ-EX2013");
      e13.site = "Branch";
      e13.urls = { ...e13.urls, owa: { internal: "https://branch.fabrikam.com/owa", external: "https://branch.fabrikam.com/owa" } };
      x.namespaces.push({ host: "branch.fabrikam.com", servers: ["HQ-EX2013"] });
    });
    const f = route(t, { user: "hal", protocol: "owa", client: "external", host: "mail.fabrikam.com" });
    expect(f.steps.find((s) => s.kind === "redirect")).toMatchObject({ rule: "OWA-7", url: "https://branch.fabrikam.com/owa" });
    expect(route(t, { user: "hal", protocol: "activesync", client: "external", host: "mail.fabrikam.com" }).steps[0]?.rule).toBe("E16-2");
  });

  // P1 with DX-07 (S10, S30): a legacy /rpc without NTLM breaks Outlook Anywhere at the proxy hop.
  it("DX-07: Outlook Anywhere through a legacy /rpc without NTLM fails at the hop to that CAS", () => {
    const f = route(
      preset("o365info", (t) => {
        server(t, "LA-CAS2007").outlookAnywhere!.iisAuth = ["basic"];
      }),
      { user: "bob", protocol: "outlook-anywhere", client: "external" },
    );
    expect(f.outcome).toBe("fail");
    expect(hops(f).at(-1)).toBe("NY-CAS2013>LA-CAS2007:proxy!");
    expect(f.steps.at(-1)?.text).toContain("DX-07");
  });

  // P4: leaving out the optional fqdn no longer turns an internal 2007 OWA redirect into DX-04.
  it("P4: an internal OWA redirect to a URL whose host is unknown fails at that hop and says what to add", () => {
    const f = route(
      preset("o365info", (t) => void delete server(t, "LA-CAS2007").fqdn),
      { user: "bob", protocol: "owa", client: "internal" },
    );
    expect(f.outcome).toBe("fail");
    expect(hops(f).slice(-2)).toEqual(["NY-CAS2013>client:redirect", "client>LA-CAS2007:connect!"]);
    const codes = f.diagnostics.map((d) => d.code);
    expect(codes).toContain("RT-TARGET");
    expect(codes).not.toContain("DX-04");
    expect(f.diagnostics.find((d) => d.code === "DX-20")?.message).toMatch(/set fqdn: la-cas2007\.o365info\.local on server LA-CAS2007/);
  });

  // Default profile: Microsoft's documented behaviour for a user's own topology; the preset keeps its own.
  it("a topology without a profile routes under microsoft; the o365info preset names o365info", () => {
    const own = preset("o365info", (t) => void delete t.profile);
    expect(route(own, { user: "alice", protocol: "ews", client: "external" }).scenario.profile).toBe("microsoft");
    expect(route(preset("o365info"), { user: "alice", protocol: "ews", client: "external" }).scenario.profile).toBe("o365info");
  });
});
