/** The built-in topologies, by id. */
import { o365info } from "./o365info.ts";
import type { Preset } from "./types.ts";

export type { Preset, PresetScenario } from "./types.ts";

export const presets: Record<string, Preset> = { [o365info.id]: o365info };
