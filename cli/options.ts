/**
 * Options several commands share (profile, theme, background, view, output file), built once so
 * their names, choices and help text read the same everywhere. Bad values are usage errors
 * (exit 2) raised by commander before a command runs.
 */
import { InvalidArgumentError, Option } from "commander";
import { BACKGROUND_HELP, DRAW_OPTION_NAMES, isSafeColor, type OptionName, OPTIONS, type OptionSpec, type Profile } from "../core/index.ts";
import type { RenderOptions } from "../diagrams/index.ts";

export const TOPOLOGY_ARG = "topology";
export const TOPOLOGY_HELP = "topology file (.yaml, .yml or .json; other names: by content), - for stdin, or preset:<id>";

/** `--name <placeholder>` from the core's option table: its values as choices, its default, its help. */
export function optionFlag(name: OptionName): Option {
  const spec: OptionSpec = OPTIONS[name];
  const defaultHelp = spec.defaultHelp && spec.cliDefault !== false ? ` (default: ${spec.defaultHelp})` : "";
  const help = spec.cliDefault === false && spec.defaultHelp ? `${spec.help} Default: ${spec.defaultHelp}.` : spec.help + defaultHelp;
  const option = new Option(`--${name} <${spec.placeholder}>`, help);
  if (spec.kind === "color")
    return option.argParser((value: string) => {
      if (!isSafeColor(value)) throw new InvalidArgumentError(`Use ${BACKGROUND_HELP}.`);
      return value;
    });
  const values = spec.values?.map(String);
  if (values) option.choices(values);
  if (values && typeof spec.values?.[0] === "number")
    option.argParser((value: string) => {
      if (!values.includes(value)) throw new InvalidArgumentError(`Allowed choices are ${values.join(", ")}.`);
      return Number(value);
    });
  if (spec.default !== undefined && spec.cliDefault !== false) option.default(spec.default);
  return option;
}

export const profileOption = (): Option => optionFlag("profile");
export const viewOption = (): Option => optionFlag("view");
/** Every drawing option (theme, background, notes, label, scale ...), for each command that draws. */
export const drawOptions = (): Option[] => DRAW_OPTION_NAMES.map(optionFlag);

export const outputOption = (): Option => new Option("-o, --output <file>", "write to this file instead of stdout");

/** The drawing options among a command's parsed flags. */
export function renderOptions(flags: object): RenderOptions {
  const given = flags as Record<string, unknown>;
  return Object.fromEntries(DRAW_OPTION_NAMES.filter((k) => given[k] !== undefined && given[k] !== "").map((k) => [k, given[k]]));
}

export const asProfile = (p: string | undefined): Profile | undefined => p as Profile | undefined;
