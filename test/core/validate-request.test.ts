/**
 * validateScenario and validateFlowRequest: scenario fields, the user reference, preset
 * resolution, the request envelope and options.
 */
import { describe, expect, it } from "vitest";
import { presets } from "../../core/presets/index.ts";
import { o365info } from "../../core/presets/o365info.ts";
import type { Topology } from "../../core/types.ts";
import { validateFlowRequest, validateScenario } from "../../core/validate/index.ts";

const ok = { user: "alice", protocol: "activesync", client: "external" };

describe("validateScenario", () => {
  const rows = [
    {
      name: "unknown user",
      scenario: { ...ok, user: "alise" },
      code: "REFERENCE",
      path: ["user"],
      words: ['no user "alise"', 'did you mean "alice"?', "Known users: alice, bob, carmen, dave"],
    },
    { name: "user in other case", scenario: { ...ok, user: "Alice" }, code: "REFERENCE", path: ["user"], words: ['did you mean "alice"?'] },
    {
      name: "protocol in capitals",
      scenario: { ...ok, protocol: "ActiveSync" },
      code: "ENUM",
      path: ["protocol"],
      words: ['did you mean "activesync"?', "Allowed: autodiscover, outlook-anywhere"],
    },
    {
      name: "unknown client",
      scenario: { ...ok, client: "outside" },
      code: "ENUM",
      path: ["client"],
      words: ["allowed: internal, external"],
    },
    { name: "unknown profile", scenario: { ...ok, profile: "microsft" }, code: "ENUM", path: ["profile"], words: ['"microsoft"'] },
    { name: "bad host", scenario: { ...ok, host: "mail.o365info.com:443" }, code: "HOST", path: ["host"], words: ["host name only"] },
    {
      name: "missing protocol",
      scenario: { user: "alice", client: "internal" },
      code: "REQUIRED",
      path: ["protocol"],
      words: ["missing", "one of: autodiscover,"],
    },
    {
      name: "unknown field",
      scenario: { ...ok, protcol: "owa" },
      code: "UNKNOWN_FIELD",
      path: ["protcol"],
      words: ['did you mean "protocol"?'],
    },
  ];
  it.each(rows)("$name → $code", (row) => {
    const r = validateScenario(row.scenario, o365info.topology);
    expect(r.ok).toBe(false);
    const hit = !r.ok ? r.issues.find((i) => i.code === row.code) : undefined;
    expect(hit?.path).toEqual(["scenario", ...row.path]);
    expect(hit?.message.startsWith(`scenario.${row.path[0]}: `)).toBe(true);
    for (const w of row.words) expect(hit?.message).toContain(w);
  });

  it("accepts a valid scenario", () => {
    expect(validateScenario({ ...ok, host: "mail.o365info.com", profile: "microsoft" }, o365info.topology)).toEqual({
      ok: true,
      value: { ...ok, host: "mail.o365info.com", profile: "microsoft" },
    });
  });

  it("lists at most 20 known users", () => {
    const topology: Topology = {
      ...o365info.topology,
      users: Array.from({ length: 50 }, (_, i) => ({ name: `user${i}`, mailbox: "NY-MBX2013" })),
    };
    const r = validateScenario({ ...ok, user: "nobody" }, topology);
    expect(!r.ok && r.issues[0]?.message).toMatch(/user19 and 30 more$/);
  });
});

describe("validateFlowRequest", () => {
  const scenario = { user: "alice", protocol: "ews", client: "internal" };

  it("resolves a preset, defaults options to {}", () => {
    const r = validateFlowRequest({ preset: "o365info", scenario }, presets);
    expect(r).toEqual({ ok: true, value: { topology: o365info.topology, scenario, options: {} } });
  });

  it("accepts an inline topology and options", () => {
    const options = { profile: "microsoft", theme: "dark", background: "#0b0b0b", view: "map" };
    const r = validateFlowRequest({ topology: structuredClone(o365info.topology), scenario, options }, presets);
    expect(r).toEqual({ ok: true, value: { topology: o365info.topology, scenario, options } });
  });

  const rows = [
    { name: "not an object", input: [1], code: "TYPE", path: [], words: ["(document): expected an object", "an array"] },
    {
      name: "both topology and preset",
      input: { topology: o365info.topology, preset: "o365info", scenario },
      code: "CONFLICT",
      path: ["preset"],
      words: ["either", "not both"],
    },
    {
      name: "neither topology nor preset",
      input: { scenario },
      code: "REQUIRED",
      path: ["topology"],
      words: ["o365info, contoso, fabrikam"],
    },
    {
      name: "unknown preset",
      input: { preset: "o365", scenario },
      code: "REFERENCE",
      path: ["preset"],
      words: ['no preset "o365"', 'did you mean "o365info"? Built-in presets: o365info, contoso, fabrikam'],
    },
    {
      name: "inherited name as preset",
      input: { preset: "toString", scenario },
      code: "REFERENCE",
      path: ["preset"],
      words: ['no preset "toString"'],
    },
    {
      name: "__proto__ as preset",
      input: { preset: "__proto__", scenario },
      code: "REFERENCE",
      path: ["preset"],
      words: ['no preset "__proto__"'],
    },
    { name: "preset not a string", input: { preset: 1, scenario }, code: "TYPE", path: ["preset"], words: ["expected a string"] },
    { name: "missing scenario", input: { preset: "o365info" }, code: "REQUIRED", path: ["scenario"], words: ["missing"] },
    {
      name: "unknown top-level field",
      input: { preset: "o365info", scenario, option: {} },
      code: "UNKNOWN_FIELD",
      path: ["option"],
      words: ['did you mean "options"?'],
    },
    {
      name: "unknown theme",
      input: { preset: "o365info", scenario, options: { theme: "drak" } },
      code: "ENUM",
      path: ["options", "theme"],
      words: ['did you mean "dark"?'],
    },
    {
      name: "markup as background",
      input: { preset: "o365info", scenario, options: { background: "red'><script>" } },
      code: "FORMAT",
      path: ["options", "background"],
      words: ["not an allowed background"],
    },
    {
      name: "scenario user not in the preset",
      input: { preset: "contoso", scenario },
      code: "REFERENCE",
      path: ["scenario", "user"],
      words: ['no user "alice"'],
    },
    {
      name: "inline topology problem",
      input: { topology: { ...o365info.topology, servers: [] }, scenario },
      code: "EMPTY",
      path: ["topology", "servers"],
      words: ["at least 1"],
    },
  ];
  it.each(rows)("$name → $code", (row) => {
    const r = validateFlowRequest(row.input, presets);
    expect(r.ok).toBe(false);
    const hit = !r.ok ? r.issues.find((i) => i.code === row.code) : undefined;
    expect(hit, JSON.stringify(r)).toBeDefined();
    expect(hit?.path).toEqual(row.path);
    for (const w of row.words) expect(hit?.message).toContain(w);
  });

  it("reports topology and scenario problems together, checking the user against the broken topology's users", () => {
    const topology = { ...structuredClone(o365info.topology), sites: "New York" };
    const r = validateFlowRequest({ topology, scenario: { ...scenario, user: "alicia", protocol: "EWS" } }, presets);
    expect(!r.ok && r.issues.map((i) => [i.code, i.path.join(".")])).toEqual([
      ["TYPE", "topology.sites"],
      ["REFERENCE", "topology.servers.0.site"],
      ["REFERENCE", "topology.servers.1.site"],
      ["REFERENCE", "topology.servers.2.site"],
      ["REFERENCE", "topology.servers.3.site"],
      ["REFERENCE", "topology.servers.4.site"],
      ["REFERENCE", "topology.servers.5.site"],
      ["REFERENCE", "topology.servers.6.site"],
      ["REFERENCE", "topology.servers.7.site"],
      ["REFERENCE", "scenario.user"],
      ["ENUM", "scenario.protocol"],
    ]);
  });

  it("never resolves presets through the prototype chain", () => {
    const r = validateFlowRequest({ preset: "constructor", scenario }, presets);
    expect(r.ok).toBe(false);
  });
});
