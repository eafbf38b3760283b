/** A built-in topology with named scenarios, for runbooks and the playground. */
import type { Scenario, Topology } from "../types.ts";

export interface PresetScenario {
  title: string;
  scenario: Scenario;
}

export interface Preset {
  id: string;
  title: string;
  description: string;
  topology: Topology;
  scenarios: Record<string, PresetScenario>;
}
