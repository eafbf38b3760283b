/**
 * The article's flows (source S1 in core/route/sources.ts), step by step: numbers, endpoints and kinds
 * as the article's figures number them (o365info profile), and the section 5.7 corrections under
 * the microsoft profile, each reported as a note.
 */
import { describe, expect, it } from "vitest";
import { presets } from "../../core/presets/index.ts";
import { route } from "../../core/route/index.ts";
import type { Flow, Profile } from "../../core/types.ts";

const o365 = presets.o365info!;
const flowOf = (name: string, profile: Profile = "o365info") => route(o365.topology, { ...o365.scenarios[name]!.scenario, profile });
const steps = (f: Flow) => f.steps.map((s) => `${s.n ?? "-"} ${s.from}>${s.to} ${s.kind}`);

const C13 = "NY-CAS2013",
  M13 = "NY-MBX2013",
  C07 = "NY-CAS2007",
  M07 = "NY-MBX2007";

describe("o365info profile reproduces the article's figures", () => {
  it("ActiveSync 1: 2007 mailbox in New York (5.1)", () => {
    const f = flowOf("activesync-new-york");
    expect(steps(f)).toEqual([
      `1 client>${C13} connect`,
      `- ${C13}>ad lookup`,
      `2 ${C13}>${M13} proxy`,
      `3 ${M13}>${C07} proxy`,
      `4 ${C07}>${M07} proxy`,
      `5 ${M07}>${C07} fetch`,
      `6 ${C07}>${M13} respond`,
      `7 ${M13}>${C13} respond`,
      `8 ${C13}>client respond`,
    ]);
    expect(f.steps[0]!.url).toBe("https://mail.o365info.com/Microsoft-Server-ActiveSync");
    // Number 3 uses the CAS 2007 *internal* EAS URL.
    expect(f.steps[3]!.url).toBe("https://ny-cas2007.o365info.local/Microsoft-Server-ActiveSync");
    expect(f.outcome).toBe("proxy");
  });

  it("ActiveSync 2: 2007 mailbox in the Los Angeles intranet site (5.2)", () => {
    const f = flowOf("activesync-los-angeles");
    expect(steps(f)).toEqual([
      `1 client>${C13} connect`,
      `- ${C13}>ad lookup`,
      `2 ${C13}>${M13} proxy`,
      `3 ${M13}>LA-CAS2007 proxy`,
      `4 LA-CAS2007>LA-MBX2007 proxy`,
      `5 LA-MBX2007>LA-CAS2007 fetch`,
      `6 LA-CAS2007>${M13} respond`,
      `7 ${M13}>${C13} respond`,
      `8 ${C13}>client respond`,
    ]);
  });

  it("ActiveSync 3, option A: Madrid user at mail.o365info.com, proxied by the external URL (5.3)", () => {
    const f = flowOf("activesync-madrid");
    expect(steps(f)).toEqual([
      `1 client>${C13} connect`,
      `- ${C13}>ad lookup`,
      `2 ${C13}>MAD-CAS2007 proxy`,
      `3 MAD-CAS2007>MAD-MBX2007 proxy`,
      `4 MAD-MBX2007>MAD-CAS2007 fetch`,
      `5 MAD-CAS2007>${C13} respond`,
      `6 ${C13}>client respond`,
    ]);
    expect(f.steps[2]!.url).toBe("https://europe.mail.o365info.com/Microsoft-Server-ActiveSync");
    // Unique row ids: the article's own variant of EAS-3 is row EAS-3a.
    expect(f.notes.some((n) => n.kind === "deviation" && n.rule === "EAS-3a")).toBe(true);
  });

  it("ActiveSync 3, option B: europe.mail.o365info.com, derived (5.4)", () => {
    const f = flowOf("activesync-madrid-regional");
    expect(steps(f)).toEqual([
      `1 client>MAD-CAS2007 connect`,
      `- MAD-CAS2007>ad lookup`,
      `2 MAD-CAS2007>MAD-MBX2007 proxy`,
      `3 MAD-MBX2007>MAD-CAS2007 fetch`,
      `4 MAD-CAS2007>client respond`,
    ]);
    expect(f.steps.every((s) => s.derived)).toBe(true);
    expect(f.participants.map((p) => p.id)).not.toContain(C13);
  });

  it("EWS 1: internal client, Autodiscover referral to the legacy name (5.5)", () => {
    const f = flowOf("ews-internal");
    expect(steps(f)).toEqual([`1 client>${C13} autodiscover`, `- ${C13}>ad lookup`, `2 ${C13}>client respond`, `3 client>${C07} connect`]);
    expect(f.steps[3]!.url).toBe("https://legacy.mail.o365info.com/EWS/Exchange.asmx");
    expect(f.outcome).toBe("autodiscover-referral");
  });

  it("EWS 2: external client, CAS 2013 proxies to CAS 2007 (5.6)", () => {
    const f = flowOf("ews-external");
    expect(steps(f)).toEqual([
      `1 client>${C13} connect`,
      `- ${C13}>ad lookup`,
      `2 ${C13}>${C07} proxy`,
      `3 ${C07}>${C13} respond`,
      `4 ${C13}>client respond`,
    ]);
    expect(f.outcome).toBe("proxy");
    // Unique row ids: the article's own variant of EWS-4 is row EWS-4a.
    expect(f.notes.some((n) => n.kind === "deviation" && n.rule === "EWS-4a")).toBe(true);
  });

  it("labels participants as the article does", () => {
    const f = flowOf("activesync-new-york");
    expect(f.participants.find((p) => p.id === C13)?.label).toBe("CAS 2013, New York (mail.o365info.com)");
    expect(f.participants.map((p) => p.id)).toEqual(["client", C13, "ad", M13, C07, M07]);
  });
});

describe("microsoft profile applies the section 5.7 corrections", () => {
  it("5.7 item 4: Madrid via Exchange 2013 Mailbox and the Madrid CAS InternalUrl", () => {
    const f = flowOf("activesync-madrid", "microsoft");
    expect(steps(f).slice(2, 4)).toEqual([`2 ${C13}>${M13} proxy`, `3 ${M13}>MAD-CAS2007 proxy`]);
    expect(f.steps[3]!.url).toBe("https://mad-cas2007.o365info.local/Microsoft-Server-ActiveSync");
    expect(f.notes.some((n) => n.kind === "deviation")).toBe(true);
  });

  it("5.7 items 9 and 10: EWS external becomes an Autodiscover referral, the answer built by CAS 2007", () => {
    const f = flowOf("ews-external", "microsoft");
    expect(f.outcome).toBe("autodiscover-referral");
    // Part 1 of the hybrid review: Autodiscover for a 2007 mailbox is proxied to the earlier version
    // (CAS 2007), and CAS 2007 opening the mailbox over MAPI/RPC is a connection, not a proxy.
    expect(steps(f)).toEqual([
      `1 client>${C13} autodiscover`,
      `- ${C13}>ad lookup`,
      `2 ${C13}>${C07} proxy`,
      `3 ${C07}>${C13} respond`,
      `4 ${C13}>client respond`,
      `5 client>${C07} connect`,
      `6 ${C07}>${M07} connect`,
      `7 ${M07}>${C07} fetch`,
      `8 ${C07}>client respond`,
    ]);
    expect(f.notes.filter((n) => n.kind === "deviation").length).toBeGreaterThan(0);
  });

  it("flows where the profiles agree carry no deviation note", () => {
    // The profiles draw the same path; only the CAS 2007 -> Mailbox 2007 MAPI/RPC hop's kind differs
    // (the article draws it as a proxy, the microsoft profile as the connection it is).
    const same = (f: Flow) => steps(f).map((x) => x.replace(`${C07}>${M07} connect`, `${C07}>${M07} proxy`));
    for (const profile of ["o365info", "microsoft"] as const) {
      const f = flowOf("activesync-new-york", profile);
      expect(f.notes.filter((n) => n.kind === "deviation")).toEqual([]);
      expect(same(f)).toEqual(steps(flowOf("activesync-new-york")));
    }
    expect(steps(flowOf("activesync-new-york", "microsoft"))).toContain(`4 ${C07}>${M07} connect`);
  });
});
