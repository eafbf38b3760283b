/**
 * `exflow presets [id]`: without an id, list the built-in topologies (id, title, scenario
 * names); with one, print that topology as YAML (or JSON) to start your own from.
 */
import { type Command, Option } from "commander";
import { type Preset, presets, printYaml } from "../../core/index.ts";
import { writeOutput } from "../io.ts";
import { outputOption } from "../options.ts";
import { findPreset } from "../topology.ts";

interface PresetsFlags {
  format: "yaml" | "json";
  output?: string;
}

const EXAMPLES = `
Examples:
  $ exflow presets                          # ids, titles and scenario names
  $ exflow presets o365info > topology.yaml # start from the article's organisation
  $ exflow presets o365info --format json -o topology.json`;

export function listPresets(list: readonly Preset[]): string {
  const out: string[] = [];
  for (const p of list) {
    if (out.length) out.push("");
    out.push(`${p.id}  ${p.title}`);
    const width = Math.max(0, ...Object.keys(p.scenarios).map((n) => n.length));
    for (const [name, s] of Object.entries(p.scenarios)) out.push(`  ${name.padEnd(width)}  ${s.title}`);
  }
  out.push("", "Use one as preset:<id>, e.g. exflow flow preset:o365info --scenario <name>, or print it with exflow presets <id>.");
  return `${out.join("\n")}\n`;
}

/** The preset's topology as YAML under a comment naming it, so the file explains itself. */
export function presetYaml(p: Preset): string {
  const header = [`# ${p.title}`, ...wrap(p.description, 96).map((l) => `# ${l}`), `# Scenarios: ${Object.keys(p.scenarios).join(", ")}`];
  return `${header.join("\n")}\n${printYaml(p.topology)}`;
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

export function registerPresets(program: Command): void {
  program
    .command("presets")
    .summary("list the built-in topologies, or print one")
    .description(
      "Without an id: list the built-in topologies with their scenario names. With an id: print that topology as YAML (or JSON), to start your own from.",
    )
    .argument("[id]", "preset id")
    .addOption(new Option("-f, --format <format>", "format of a printed topology").choices(["yaml", "json"]).default("yaml"))
    .addOption(outputOption())
    .addHelpText("after", EXAMPLES)
    .action((id: string | undefined, flags: PresetsFlags) => {
      if (id === undefined) return writeOutput(listPresets(Object.values(presets)), flags.output);
      const preset = findPreset(id);
      writeOutput(flags.format === "json" ? `${JSON.stringify(preset.topology, null, 2)}\n` : presetYaml(preset), flags.output);
    });
}
