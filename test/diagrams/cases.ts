/**
 * The golden cases for diagrams/: the article's six flows and a failing flow come from the real
 * router (`route()` over the o365info preset, one topology changed for the failure); cases whose
 * folder holds a hand-written `flow.json` and no router entry (hostile labels) are read as input.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { presets } from "../../core/presets/index.ts";
import { route } from "../../core/route/index.ts";
import type { Flow, Scenario, Topology } from "../../core/types.ts";

export const CASES_DIR = fileURLToPath(new URL("../cases/", import.meta.url));

const preset = presets.o365info;
if (!preset) throw new Error("o365info preset missing");

/** The Los Angeles site without its CAS 2007: 2013 has nowhere to proxy to (DX-01). */
function withoutLaCas(t: Topology): Topology {
  return { ...t, servers: t.servers.filter((s) => s.name !== "LA-CAS2007") };
}

interface RoutedCase {
  topology: Topology;
  scenario: Scenario;
}

export const ROUTED: Record<string, RoutedCase> = {
  ...Object.fromEntries(Object.entries(preset.scenarios).map(([name, s]) => [name, { topology: preset.topology, scenario: s.scenario }])),
  "activesync-fail-no-la-cas": {
    topology: withoutLaCas(preset.topology),
    scenario: { user: "bob", protocol: "activesync", client: "external", host: "mail.o365info.com" },
  },
};

export interface GoldenCase {
  name: string;
  flow: Flow;
  /** True when flow.json is produced by route() (and so is itself a golden). */
  routed: boolean;
}

export function goldenCases(): GoldenCase[] {
  const routed = Object.entries(ROUTED).map(([name, c]) => ({ name, flow: route(c.topology, c.scenario), routed: true }));
  const fixtures = readdirSync(CASES_DIR)
    .filter((name) => !(name in ROUTED) && existsSync(`${CASES_DIR}${name}/flow.json`))
    .sort()
    .map((name) => ({ name, flow: JSON.parse(readFileSync(`${CASES_DIR}${name}/flow.json`, "utf8")) as Flow, routed: false }));
  return [...routed, ...fixtures];
}
