/**
 * One case per decision row of docs/rules.md (core/route/rules.ts), named by its rule id: the
 * built-in presets with at most one mutation, a scenario, and the hops we expect, written by hand.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CODES } from "../../core/diagnose/codes.ts";
import { diagnose } from "../../core/diagnose/index.ts";
import { buildModel } from "../../core/model/index.ts";
import { presets } from "../../core/presets/index.ts";
import { route } from "../../core/route/index.ts";
import { RULES } from "../../core/route/rules.ts";
import type { Flow, Outcome, Scenario, Topology } from "../../core/types.ts";

type PresetId = "o365info" | "contoso" | "fabrikam" | "contoso-hybrid";

interface Case {
  rule: string;
  preset: PresetId;
  mutate?: (t: Topology) => void;
  scenario: Scenario;
  outcome?: Outcome;
  /** Numbered hops as "from>to:kind", in order (checked as a prefix when `prefix`). */
  hops?: string[];
  prefix?: boolean;
  /** Where the rule must show: in a step (default), a note, or a diagnostic code. */
  in?: "step" | "note";
  diagnostic?: string;
}

const server = (t: Topology, name: string) => t.servers.find((s) => s.name === name)!;
/** contoso with old.contoso.com landing on the Site1 CAS 2010: a legacy front end. */
const legacyFront = (t: Topology) => void t.namespaces.push({ host: "old.contoso.com", servers: ["S1-CAS2010"] });

const CASES: Case[] = [
  {
    rule: "AD-4",
    preset: "o365info",
    scenario: { user: "alice", protocol: "autodiscover", client: "internal" },
    hops: ["client>NY-CAS2013:autodiscover"],
    prefix: true,
  },
  {
    rule: "AD-5",
    preset: "o365info",
    scenario: { user: "alice", protocol: "autodiscover", client: "external" },
    hops: ["client>NY-CAS2013:autodiscover"],
    prefix: true,
  },
  {
    rule: "AD-1",
    preset: "o365info",
    scenario: { user: "dave", protocol: "autodiscover", client: "external" },
    outcome: "proxy",
    hops: ["client>NY-CAS2013:autodiscover", "NY-CAS2013>NY-MBX2013:proxy", "NY-MBX2013>NY-CAS2013:respond", "NY-CAS2013>client:respond"],
  },
  {
    rule: "AD-2",
    preset: "contoso",
    scenario: { user: "cat", protocol: "autodiscover", client: "external" },
    outcome: "proxy",
    hops: ["client>S1-CAS2013:autodiscover", "S1-CAS2013>S2-CAS2010:proxy", "S2-CAS2010>S1-CAS2013:respond", "S1-CAS2013>client:respond"],
  },
  {
    rule: "AD-3",
    preset: "o365info",
    scenario: { user: "alice", protocol: "autodiscover", client: "external" },
    hops: ["client>NY-CAS2013:autodiscover", "NY-CAS2013>client:respond"],
  },
  {
    rule: "AD-3",
    preset: "o365info",
    scenario: { user: "alice", protocol: "autodiscover", client: "external", profile: "microsoft" },
    // Microsoft: Autodiscover for a 2007 mailbox is proxied to the earlier version, a CAS 2007 (part 1, AD-3).
    hops: ["client>NY-CAS2013:autodiscover", "NY-CAS2013>NY-CAS2007:proxy", "NY-CAS2007>NY-CAS2013:respond", "NY-CAS2013>client:respond"],
  },
  {
    rule: "AD-7",
    preset: "contoso",
    mutate: (t) => t.namespaces.push({ host: "old.contoso.com", servers: ["S1-CAS2007"] }),
    scenario: { user: "ben", protocol: "autodiscover", client: "internal", host: "old.contoso.com" },
    outcome: "redirect",
    hops: ["client>S1-CAS2007:autodiscover", "S1-CAS2007>client:redirect", "client>S1-CAS2010:autodiscover", "S1-CAS2010>client:respond"],
  },
  {
    rule: "OL-1",
    preset: "o365info",
    scenario: { user: "alice", protocol: "rpc-tcp", client: "internal" },
    outcome: "direct",
    hops: ["client>NY-MBX2007:connect", "NY-MBX2007>client:respond"],
  },
  // Corrected (P5): RPC/TCP from the Internet is not offered (n/a, OL-4), not a failure.
  {
    rule: "OL-4",
    preset: "o365info",
    scenario: { user: "alice", protocol: "rpc-tcp", client: "external" },
    outcome: "n/a",
    in: "note",
    diagnostic: "RT-NA",
  },
  {
    rule: "OL-2",
    preset: "contoso",
    scenario: { user: "ben", protocol: "rpc-tcp", client: "internal" },
    outcome: "direct",
    hops: ["client>S1-CAS2010:connect", "S1-CAS2010>S1-MBX2010:connect", "S1-MBX2010>S1-CAS2010:fetch", "S1-CAS2010>client:respond"],
  },
  {
    rule: "OL-2",
    preset: "contoso",
    mutate: (t) => {
      server(t, "S1-MBX2010").rpcClientAccessServer = "mail.contoso.com";
    },
    scenario: { user: "ben", protocol: "rpc-tcp", client: "internal" },
    outcome: "fail",
    diagnostic: "DX-09",
  },
  // Unique ids: RPC/TCP to 2013+ is its own row, OL-3b, and n/a rather than a failure (P5).
  { rule: "OL-3b", preset: "o365info", scenario: { user: "dave", protocol: "rpc-tcp", client: "internal" }, outcome: "n/a", in: "note" },
  {
    rule: "OL-3",
    preset: "o365info",
    scenario: { user: "dave", protocol: "outlook-anywhere", client: "external" },
    outcome: "proxy",
    hops: ["client>NY-CAS2013:connect", "NY-CAS2013>NY-MBX2013:proxy", "NY-MBX2013>NY-CAS2013:fetch", "NY-CAS2013>client:respond"],
  },
  {
    rule: "OA-1",
    preset: "contoso",
    scenario: { user: "ben", protocol: "outlook-anywhere", client: "external" },
    outcome: "proxy",
    hops: [
      "client>S1-CAS2013:connect",
      "S1-CAS2013>S1-CAS2010:proxy",
      "S1-CAS2010>S1-MBX2010:connect",
      "S1-MBX2010>S1-CAS2010:fetch",
      "S1-CAS2010>S1-CAS2013:respond",
      "S1-CAS2013>client:respond",
    ],
  },
  {
    rule: "OA-2",
    preset: "contoso",
    scenario: { user: "dan", protocol: "outlook-anywhere", client: "external" },
    outcome: "proxy",
    hops: ["client>S1-CAS2013:connect", "S1-CAS2013>S3-CAS2010:proxy"],
    prefix: true,
  },
  {
    rule: "OA-3",
    preset: "contoso",
    scenario: { user: "cat", protocol: "outlook-anywhere", client: "external", host: "mail.contoso.com" },
    outcome: "proxy",
    hops: ["client>S1-CAS2013:connect", "S1-CAS2013>S2-CAS2010:proxy"],
    prefix: true,
  },
  {
    rule: "OA-4",
    preset: "o365info",
    scenario: { user: "bob", protocol: "outlook-anywhere", client: "external" },
    outcome: "proxy",
    hops: ["client>NY-CAS2013:connect", "NY-CAS2013>LA-CAS2007:proxy", "LA-CAS2007>LA-MBX2007:proxy"],
    prefix: true,
  },
  {
    rule: "OA-5",
    preset: "contoso",
    mutate: (t) => {
      server(t, "S1-CAS2010").outlookAnywhere!.enabled = false;
    },
    scenario: { user: "ben", protocol: "outlook-anywhere", client: "external", host: "mail.contoso.com" },
    outcome: "fail",
    hops: ["client>S1-CAS2013:connect", "S1-CAS2013>S1-CAS2010:proxy"],
    diagnostic: "DX-05",
  },
  // Corrected (MH-1, corrections file): Outlook falls back to Outlook Anywhere; n/a naming the fallback, never a failure.
  {
    rule: "MH-1",
    preset: "o365info",
    scenario: { user: "alice", protocol: "mapi-http", client: "external", host: "mail.o365info.com" },
    outcome: "n/a",
    in: "note",
  },
  {
    rule: "MH-2",
    preset: "o365info",
    mutate: (t) => {
      server(t, "NY-MBX2013").build = "CU3";
    },
    scenario: { user: "dave", protocol: "mapi-http", client: "external" },
    outcome: "n/a",
    in: "note",
  },
  {
    rule: "PI-5",
    preset: "o365info",
    mutate: (t) =>
      t.servers.forEach((s) => {
        delete s.urls?.pop3;
        delete s.urls?.imap4;
      }),
    scenario: { user: "dave", protocol: "pop3", client: "external" },
    outcome: "n/a",
    in: "note",
  },
  {
    rule: "NS-1",
    preset: "o365info",
    scenario: { user: "dave", protocol: "owa", client: "external", host: "nowhere.o365info.com" },
    outcome: "fail",
    diagnostic: "RT-HOST",
  },
  {
    rule: "OWA-1",
    preset: "o365info",
    scenario: { user: "alice", protocol: "owa", client: "external", host: "mail.o365info.com" },
    outcome: "redirect",
    hops: [
      "client>NY-CAS2013:connect",
      "NY-CAS2013>client:redirect",
      "client>NY-CAS2007:connect",
      "NY-CAS2007>NY-MBX2007:proxy",
      "NY-MBX2007>NY-CAS2007:fetch",
      "NY-CAS2007>client:respond",
    ],
  },
  {
    rule: "OWA-2",
    preset: "o365info",
    scenario: { user: "bob", protocol: "owa", client: "internal", host: "mail.o365info.com" },
    outcome: "redirect",
    hops: ["client>NY-CAS2013:connect", "NY-CAS2013>client:redirect", "client>LA-CAS2007:connect"],
    prefix: true,
  },
  {
    rule: "OWA-3",
    preset: "o365info",
    mutate: (t) => {
      for (const s of t.servers) if (s.version === 2007) delete s.urls?.owa;
    },
    scenario: { user: "alice", protocol: "owa", client: "external", host: "mail.o365info.com" },
    outcome: "fail",
    diagnostic: "DX-04",
  },
  {
    rule: "OWA-4",
    preset: "contoso",
    scenario: { user: "ben", protocol: "owa", client: "external", host: "mail.contoso.com" },
    outcome: "proxy",
    hops: ["client>S1-CAS2013:connect", "S1-CAS2013>S1-CAS2010:proxy", "S1-CAS2010>S1-MBX2010:connect"],
    prefix: true,
  },
  {
    rule: "OWA-5",
    preset: "contoso",
    scenario: { user: "cat", protocol: "owa", client: "external", host: "mail.contoso.com" },
    outcome: "silent-redirect",
    hops: ["client>S1-CAS2013:connect", "S1-CAS2013>client:redirect", "client>S2-CAS2013:connect", "S2-CAS2013>S2-CAS2010:proxy"],
    prefix: true,
  },
  // Unset OWA auth is Exchange's forms-based default (as DX-14's check already read it),
  // so the non-silent case names another method.
  {
    rule: "OWA-5",
    preset: "contoso",
    mutate: (t) => {
      server(t, "S2-CAS2010").auth = { owa: ["windows"] };
    },
    scenario: { user: "cat", protocol: "owa", client: "external", host: "mail.contoso.com" },
    outcome: "redirect",
    diagnostic: "DX-14",
  },
  {
    rule: "OWA-6",
    preset: "contoso",
    scenario: { user: "dan", protocol: "owa", client: "external", host: "mail.contoso.com" },
    outcome: "proxy",
    hops: ["client>S1-CAS2013:connect", "S1-CAS2013>S3-CAS2010:proxy"],
    prefix: true,
  },
  {
    rule: "OWA-7b",
    preset: "contoso",
    scenario: { user: "ann", protocol: "owa", client: "external" },
    outcome: "proxy",
    hops: ["client>S1-CAS2013:connect", "S1-CAS2013>S1-MBX2013:proxy", "S1-MBX2013>S1-CAS2013:fetch", "S1-CAS2013>client:respond"],
  },
  {
    rule: "OWA-7",
    preset: "contoso",
    scenario: { user: "fay", protocol: "owa", client: "external", host: "mail.contoso.com" },
    outcome: "silent-redirect",
    hops: ["client>S1-CAS2013:connect", "S1-CAS2013>client:redirect", "client>S2-CAS2013:connect", "S2-CAS2013>S2-MBX2013:proxy"],
    prefix: true,
  },
  // P5: Exchange 2007 has no ECP: n/a, not a failure.
  {
    rule: "ECP-1",
    preset: "o365info",
    scenario: { user: "alice", protocol: "ecp", client: "external", host: "mail.o365info.com" },
    outcome: "n/a",
    in: "note",
  },
  {
    rule: "ECP-2b",
    preset: "contoso",
    scenario: { user: "ben", protocol: "ecp", client: "external", host: "mail.contoso.com" },
    outcome: "proxy",
    hops: ["client>S1-CAS2013:connect", "S1-CAS2013>S1-CAS2010:proxy"],
    prefix: true,
  },
  {
    rule: "ECP-2",
    preset: "contoso",
    scenario: { user: "cat", protocol: "ecp", client: "external", host: "mail.contoso.com" },
    outcome: "silent-redirect",
  },
  // Doubtful ECP-3 (corrections file): kept for o365info; microsoft decides as a 2013 front end does (ECP-2/ECP-2b).
  {
    rule: "ECP-3",
    preset: "fabrikam",
    scenario: { user: "ida", protocol: "ecp", client: "external", profile: "o365info" },
    outcome: "proxy",
    hops: ["client>HQ-EX2016:connect", "HQ-EX2016>HQ-CAS2010:proxy"],
    prefix: true,
  },
  {
    rule: "ECP-2b",
    preset: "fabrikam",
    scenario: { user: "ida", protocol: "ecp", client: "external" },
    outcome: "proxy",
    hops: ["client>HQ-EX2016:connect", "HQ-EX2016>HQ-CAS2010:proxy"],
    prefix: true,
  },
  {
    rule: "ECP-4b",
    preset: "fabrikam",
    mutate: (t) => {
      server(t, "BR-EX2016").urls!.ecp = { external: "https://branch.fabrikam.com/ecp" };
      server(t, "HQ-EX2016").version = 2019;
    },
    scenario: { user: "kim", protocol: "ecp", client: "external", profile: "o365info" },
    outcome: "fail",
    diagnostic: "DX-15",
  },
  {
    rule: "ECP-4",
    preset: "fabrikam",
    mutate: (t) => {
      server(t, "BR-EX2016").urls!.ecp = { external: "https://branch.fabrikam.com/ecp" };
    },
    scenario: { user: "kim", protocol: "ecp", client: "external" },
    outcome: "fail",
    diagnostic: "DX-15",
  },
  {
    rule: "EAS-1",
    preset: "o365info",
    scenario: { user: "dave", protocol: "activesync", client: "external" },
    outcome: "proxy",
    hops: ["client>NY-CAS2013:connect", "NY-CAS2013>NY-MBX2013:proxy", "NY-MBX2013>NY-CAS2013:fetch", "NY-CAS2013>client:respond"],
  },
  {
    rule: "EAS-2",
    preset: "contoso",
    scenario: { user: "dan", protocol: "activesync", client: "external", host: "mail.contoso.com" },
    outcome: "proxy",
    hops: [
      "client>S1-CAS2013:connect",
      "S1-CAS2013>S3-CAS2010:proxy",
      "S3-CAS2010>S3-MBX2010:connect",
      "S3-MBX2010>S3-CAS2010:fetch",
      "S3-CAS2010>S1-CAS2013:respond",
      "S1-CAS2013>client:respond",
    ],
  },
  {
    rule: "EAS-2",
    preset: "contoso",
    scenario: { user: "cat", protocol: "activesync", client: "external", host: "mail.contoso.com" },
    outcome: "proxy",
    hops: ["client>S1-CAS2013:connect", "S1-CAS2013>S2-CAS2010:proxy"],
    prefix: true,
  },
  {
    rule: "EAS-3",
    preset: "o365info",
    scenario: { user: "bob", protocol: "activesync", client: "external", host: "mail.o365info.com" },
    outcome: "proxy",
    hops: [
      "client>NY-CAS2013:connect",
      "NY-CAS2013>NY-MBX2013:proxy",
      "NY-MBX2013>LA-CAS2007:proxy",
      "LA-CAS2007>LA-MBX2007:proxy",
      "LA-MBX2007>LA-CAS2007:fetch",
      "LA-CAS2007>NY-MBX2013:respond",
      "NY-MBX2013>NY-CAS2013:respond",
      "NY-CAS2013>client:respond",
    ],
  },
  {
    rule: "EAS-5",
    preset: "contoso",
    mutate: legacyFront,
    scenario: { user: "cat", protocol: "activesync", client: "external", host: "old.contoso.com" },
    outcome: "redirect",
    hops: ["client>S1-CAS2010:connect", "S1-CAS2010>client:redirect", "client>S2-CAS2013:connect"],
    prefix: true,
  },
  {
    rule: "EAS-6",
    preset: "contoso",
    mutate: legacyFront,
    scenario: { user: "eve", protocol: "activesync", client: "external", host: "old.contoso.com" },
    outcome: "redirect",
    hops: ["client>S1-CAS2010:connect", "S1-CAS2010>client:redirect"],
    prefix: true,
  },
  {
    rule: "EWS-1",
    preset: "o365info",
    scenario: { user: "dave", protocol: "ews", client: "internal" },
    outcome: "proxy",
    hops: ["client>NY-CAS2013:connect", "NY-CAS2013>NY-MBX2013:proxy", "NY-MBX2013>NY-CAS2013:fetch", "NY-CAS2013>client:respond"],
  },
  {
    rule: "EWS-2",
    preset: "contoso",
    scenario: { user: "dan", protocol: "ews", client: "external", host: "mail.contoso.com" },
    outcome: "proxy",
    hops: ["client>S1-CAS2013:connect", "S1-CAS2013>S3-CAS2010:proxy", "S3-CAS2010>S3-MBX2010:connect"],
    prefix: true,
  },
  {
    rule: "EWS-3",
    preset: "contoso",
    scenario: { user: "cat", protocol: "ews", client: "external", host: "mail.contoso.com" },
    outcome: "proxy",
    hops: ["client>S1-CAS2013:connect", "S1-CAS2013>S2-CAS2010:proxy"],
    prefix: true,
  },
  {
    rule: "EWS-4",
    preset: "o365info",
    scenario: { user: "alice", protocol: "ews", client: "internal" },
    outcome: "autodiscover-referral",
    hops: ["client>NY-CAS2013:autodiscover", "NY-CAS2013>client:respond", "client>NY-CAS2007:connect"],
  },
  {
    rule: "EWS-4a",
    preset: "o365info",
    scenario: { user: "bob", protocol: "ews", client: "external", host: "mail.o365info.com" },
    outcome: "proxy",
    hops: ["client>NY-CAS2013:connect", "NY-CAS2013>LA-CAS2007:proxy"],
    prefix: true,
  },
  {
    rule: "EAS-3a",
    preset: "o365info",
    scenario: { user: "carmen", protocol: "activesync", client: "external", host: "mail.o365info.com" },
    outcome: "proxy",
    hops: ["client>NY-CAS2013:connect", "NY-CAS2013>MAD-CAS2007:proxy"],
    prefix: true,
  },
  {
    rule: "EWS-4",
    preset: "o365info",
    scenario: { user: "bob", protocol: "ews", client: "external" },
    outcome: "fail",
    diagnostic: "DX-02",
  },
  {
    rule: "EWS-5",
    preset: "contoso",
    mutate: legacyFront,
    scenario: { user: "dan", protocol: "ews", client: "external", host: "old.contoso.com" },
    outcome: "proxy",
    hops: ["client>S1-CAS2010:connect", "S1-CAS2010>S3-CAS2010:proxy", "S3-CAS2010>S3-MBX2010:connect"],
    prefix: true,
  },
  {
    rule: "OAB-1",
    preset: "contoso",
    scenario: { user: "ben", protocol: "oab", client: "external", host: "mail.contoso.com" },
    outcome: "proxy",
    hops: ["client>S1-CAS2013:connect", "S1-CAS2013>S1-CAS2010:proxy", "S1-CAS2010>S1-CAS2013:respond", "S1-CAS2013>client:respond"],
  },
  {
    rule: "OAB-2",
    preset: "o365info",
    scenario: { user: "alice", protocol: "oab", client: "external" },
    outcome: "autodiscover-referral",
    hops: ["client>NY-CAS2013:autodiscover", "NY-CAS2013>client:respond", "client>NY-CAS2007:connect", "NY-CAS2007>client:respond"],
  },
  {
    rule: "OAB-3",
    preset: "contoso",
    mutate: (t) => {
      t.users.find((u) => u.name === "ben")!.oabAssigned = false;
      server(t, "S1-CAS2010").outlookAnywhere!.enabled = false;
    },
    scenario: { user: "ben", protocol: "oab", client: "external", host: "mail.contoso.com" },
    outcome: "fail",
    diagnostic: "DX-10",
  },
  {
    rule: "X-OAB-1",
    preset: "o365info",
    scenario: { user: "dave", protocol: "oab", client: "external" },
    outcome: "proxy",
    hops: ["client>NY-CAS2013:connect", "NY-CAS2013>NY-MBX2013:proxy"],
    prefix: true,
  },
  {
    rule: "PI-1",
    preset: "contoso",
    scenario: { user: "fay", protocol: "imap4", client: "external", host: "mail.contoso.com" },
    outcome: "proxy",
    hops: ["client>S1-CAS2013:connect", "S1-CAS2013>S2-MBX2013:proxy", "S2-MBX2013>S1-CAS2013:fetch", "S1-CAS2013>client:respond"],
  },
  {
    rule: "PI-2",
    preset: "contoso",
    scenario: { user: "ben", protocol: "pop3", client: "external" },
    outcome: "proxy",
    hops: ["client>S1-CAS2013:connect", "S1-CAS2013>S1-CAS2010:proxy", "S1-CAS2010>S1-MBX2010:connect"],
    prefix: true,
  },
  {
    rule: "PI-3",
    preset: "o365info",
    scenario: { user: "alice", protocol: "pop3", client: "external" },
    outcome: "proxy",
    hops: ["client>NY-CAS2013:connect", "NY-CAS2013>NY-CAS2007:proxy", "NY-CAS2007>NY-MBX2007:proxy"],
    prefix: true,
  },
  {
    rule: "PI-4",
    preset: "contoso",
    mutate: legacyFront,
    scenario: { user: "dan", protocol: "pop3", client: "external", host: "old.contoso.com" },
    outcome: "proxy",
    hops: ["client>S1-CAS2010:connect", "S1-CAS2010>S3-CAS2010:proxy"],
    prefix: true,
  },
  {
    rule: "E16-2",
    preset: "fabrikam",
    scenario: { user: "hal", protocol: "activesync", client: "external" },
    outcome: "proxy",
    hops: ["client>HQ-EX2016:connect", "HQ-EX2016>HQ-EX2013:proxy", "HQ-EX2013>HQ-EX2016:fetch", "HQ-EX2016>client:respond"],
  },
  { rule: "E16-1", preset: "fabrikam", scenario: { user: "jon", protocol: "ews", client: "external" }, in: "note" },
  { rule: "E16-3", preset: "fabrikam", scenario: { user: "kim", protocol: "mapi-http", client: "external" }, in: "note", outcome: "proxy" },
  // Subscription Edition in mixed pools (exchange-hybrid-se.md SE-14, SE-15).
  {
    rule: "SE-15",
    preset: "contoso-hybrid",
    scenario: { user: "alice", protocol: "ews", client: "external", host: "mail.contoso.com" },
    in: "note",
    outcome: "proxy",
  },
  {
    rule: "SE-14",
    preset: "contoso-hybrid",
    mutate: (t) => {
      const ex2 = t.servers.find((x) => x.name === "EX2")!;
      ex2.version = 2016;
      ex2.build = "CU23";
      t.namespaces[0]!.servers = ["EX2"];
    },
    scenario: { user: "carol", protocol: "ews", client: "external", host: "mail.contoso.com" },
    in: "note",
    outcome: "proxy",
  },
  {
    rule: "SE-14b",
    preset: "contoso-hybrid",
    mutate: (t) => {
      const ex2 = t.servers.find((x) => x.name === "EX2")!;
      ex2.version = 2016;
      ex2.build = "CU23";
    },
    scenario: { user: "alice", protocol: "ews", client: "external", host: "mail.contoso.com" },
    in: "note",
    outcome: "proxy",
  },
  {
    rule: "X-LEG-1",
    preset: "o365info",
    scenario: { user: "carmen", protocol: "autodiscover", client: "external", host: "europe.mail.o365info.com" },
    outcome: "direct",
    hops: ["client>MAD-CAS2007:autodiscover", "MAD-CAS2007>client:respond"],
  },
  {
    rule: "X-LEG-2",
    preset: "o365info",
    scenario: { user: "carmen", protocol: "activesync", client: "external", host: "europe.mail.o365info.com" },
    outcome: "direct",
    hops: ["client>MAD-CAS2007:connect", "MAD-CAS2007>MAD-MBX2007:proxy", "MAD-MBX2007>MAD-CAS2007:fetch", "MAD-CAS2007>client:respond"],
  },
  {
    rule: "X-LEG-3b",
    preset: "contoso",
    scenario: { user: "ann", protocol: "owa", client: "external", host: "legacy.contoso.com" },
    outcome: "fail",
    diagnostic: "RT-VERSION",
  },
  // Corrected (X-LEG-3, corrections file): a legacy CAS answers ActiveSync for a newer mailbox with 451 to the newer URL.
  {
    rule: "X-LEG-3",
    preset: "contoso",
    scenario: { user: "ann", protocol: "activesync", client: "external", host: "legacy.contoso.com" },
    outcome: "redirect",
    hops: ["client>S1-CAS2007:connect", "S1-CAS2007>client:redirect", "client>S1-CAS2013:connect"],
    prefix: true,
  },
  // Corrected (X-LEG-4, corrections file): a 2010 CAS redirects cross-site with a link page unless CrossSiteRedirectType is Silent.
  {
    rule: "X-LEG-4",
    preset: "contoso",
    mutate: legacyFront,
    scenario: { user: "cat", protocol: "owa", client: "external", host: "old.contoso.com" },
    outcome: "redirect",
    hops: ["client>S1-CAS2010:connect", "S1-CAS2010>client:redirect"],
    prefix: true,
    diagnostic: "DX-14",
  },
  {
    rule: "X-LEG-4",
    preset: "contoso",
    mutate: (t) => {
      legacyFront(t);
      server(t, "S1-CAS2010").crossSiteRedirectType = "Silent";
    },
    scenario: { user: "cat", protocol: "owa", client: "external", host: "old.contoso.com" },
    outcome: "silent-redirect",
    hops: ["client>S1-CAS2010:connect", "S1-CAS2010>client:redirect"],
    prefix: true,
  },
  {
    rule: "X-LEG-5",
    preset: "contoso",
    mutate: legacyFront,
    scenario: { user: "dan", protocol: "owa", client: "external", host: "old.contoso.com" },
    outcome: "proxy",
    hops: ["client>S1-CAS2010:connect", "S1-CAS2010>S3-CAS2010:proxy"],
    prefix: true,
  },
];

/** Configuration rows are advice; the diagnostics check them (code in brackets). */
const CONFIG: { rule: string; code: string; preset: PresetId; mutate: (t: Topology) => void }[] = [
  {
    rule: "AD-6",
    code: "DX-11",
    preset: "o365info",
    mutate: (t) => {
      server(t, "LA-CAS2007").autodiscoverInternalUri = "https://la-cas2007.o365info.local/Autodiscover/Autodiscover.xml";
    },
  },
  {
    rule: "OA-6",
    code: "DX-08",
    preset: "o365info",
    mutate: (t) => {
      server(t, "LA-CAS2007").outlookAnywhere!.externalHostname = "la.o365info.com";
    },
  },
  {
    rule: "EAS-4",
    code: "DX-13",
    preset: "o365info",
    mutate: (t) => {
      server(t, "NY-CAS2007").urls!.activesync!.external = "https://legacy.mail.o365info.com/Microsoft-Server-ActiveSync";
    },
  },
];

function topologyOf(preset: PresetId, mutate?: (t: Topology) => void): Topology {
  const t = structuredClone(presets[preset]!.topology);
  mutate?.(t);
  return t;
}

const sig = (f: Flow) => f.steps.filter((s) => s.n !== null).map((s) => `${s.from}>${s.to}:${s.kind}`);

describe("decision rows", () => {
  it.each(
    CASES.map(
      (c) =>
        [
          [
            `${c.rule}: ${c.preset} ${c.scenario.user} ${c.scenario.protocol}`,
            `${c.scenario.client}${c.scenario.host ? ` @${c.scenario.host}` : ""}${c.scenario.profile ? ` (${c.scenario.profile})` : ""}`,
          ].join(" "),
          c,
        ] as const,
    ),
  )("%s", (_, c) => {
    const flow = route(topologyOf(c.preset, c.mutate), c.scenario);
    const where = c.in === "note" ? flow.notes.map((n) => n.rule) : flow.steps.map((s) => s.rule);
    expect(where).toContain(c.rule);
    if (c.outcome) expect(flow.outcome).toBe(c.outcome);
    if (c.hops) {
      const got = sig(flow);
      expect(c.prefix ? got.slice(0, c.hops.length) : got).toEqual(c.hops);
    }
    if (c.diagnostic) expect(flow.diagnostics.map((d) => d.code)).toContain(c.diagnostic);
    if (flow.outcome === "fail") expect(flow.steps.some((s) => s.fails) || flow.steps.length === 0).toBe(true);
  });

  it.each(CONFIG.map((c) => [`${c.rule} is checked by ${c.code}`, c] as const))("%s", (_, c) => {
    expect(diagnose(buildModel(presets[c.preset]!.topology)).map((d) => d.code)).not.toContain(c.code);
    expect(diagnose(buildModel(topologyOf(c.preset, c.mutate))).map((d) => d.code)).toContain(c.code);
  });

  it("covers every decision row of the rule table", () => {
    const tested = new Set([...CASES.map((c) => c.rule), ...CONFIG.map((c) => c.rule)]);
    expect(RULES.map((r) => r.id).filter((id) => !tested.has(id))).toEqual([]);
  });
});

describe("rules as data", () => {
  it("gives every row a unique id", () => {
    const ids = RULES.map((r) => r.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it("says on every fail row what the failure means (code, input field), and on every n/a row why", () => {
    for (const r of RULES.filter((x) => x.action === "fail")) {
      expect(r.fails, r.id).toBeDefined();
      expect(Object.keys(CODES), r.id).toContain(r.fails!.code);
      expect(r.fails!.field, r.id).toMatch(/^(target|fe|mailbox|user|scenario)\.\w/);
    }
    for (const r of RULES.filter((x) => x.action === "not-applicable")) expect(r.match.fe, r.id).toBeUndefined();
  });

  it("keeps row ids out of the actions: no switch or comparison on a rule id string", () => {
    for (const file of readdirSync(new URL("../../core/route/actions/", import.meta.url))) {
      const src = readFileSync(new URL(`../../core/route/actions/${file}`, import.meta.url), "utf8");
      expect(src, file).not.toMatch(/switch\s*\(\s*rule\.id|rule\.id\s*[!=]==/);
    }
  });

  it("points a failing row's diagnostic at the field the row names", () => {
    const t = topologyOf("o365info", (x) => {
      server(x, "LA-CAS2007").outlookAnywhere!.enabled = false;
    });
    const f = route(t, { user: "bob", protocol: "outlook-anywhere", client: "external" });
    expect(f.diagnostics.find((d) => d.code === "DX-05")?.path).toEqual(["topology", "servers", 4, "outlookAnywhere", "enabled"]);
    expect(f.steps.find((s) => s.fails)).toMatchObject({ from: "NY-CAS2013", to: "LA-CAS2007", rule: "OA-5" });
  });
});
