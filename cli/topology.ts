/**
 * The `<topology>` argument every command takes: a YAML or JSON file, `-` for stdin, or
 * `preset:<id>` for a built-in topology. A document may be the topology itself or an object
 * with a `topology` key (a saved flow request). Out: a validated Topology, or an exit-2 error
 * listing every issue as `path: message`.
 */
import { parseDocument, type Preset, presets, type Topology, validateTopology } from "../core/index.ts";
import { hint, listAllowed } from "../lib/suggest.ts";
import { isObject } from "../lib/plain.ts";
import { issueLines, usage } from "./errors.ts";
import { readInput } from "./io.ts";

export const PRESET_PREFIX = "preset:";

export interface LoadedTopology {
  topology: Topology;
  /** The file name, `(stdin)` or `preset:<id>`. */
  source: string;
  /** Set when the argument named a preset. */
  preset?: Preset;
}

/** The preset with this id, or an exit-2 error naming the ids there are. */
export function findPreset(id: string): Preset {
  const preset = Object.hasOwn(presets, id) ? presets[id] : undefined;
  if (!preset)
    throw usage(`${PRESET_PREFIX}${id}: no such preset${hint(id, Object.keys(presets))} (presets: ${listAllowed(Object.keys(presets))})`);
  return preset;
}

export async function loadTopology(arg: string): Promise<LoadedTopology> {
  if (arg.startsWith(PRESET_PREFIX)) {
    const preset = findPreset(arg.slice(PRESET_PREFIX.length));
    return { topology: preset.topology, source: arg, preset };
  }
  const input = await readInput(arg);
  const doc = parseDocument(input.text, input.format);
  if (!doc.ok) throw usage(issueLines(doc.issues));
  const wrapped = isObject(doc.value) && "topology" in doc.value && !("servers" in doc.value);
  const result = wrapped ? validateTopology((doc.value as { topology: unknown }).topology, ["topology"]) : validateTopology(doc.value, []);
  if (!result.ok) throw usage(issueLines(result.issues));
  return { topology: result.value, source: input.name };
}
