/**
 * Options several commands share (profile, theme, background, view, output file), built once so
 * their names, choices and help text read the same everywhere. Bad values are usage errors
 * (exit 2) raised by commander before a command runs.
 */
import { InvalidArgumentError, Option } from "commander";
import {
  BACKGROUND_HELP,
  DEFAULT_THEME,
  DEFAULT_VIEW,
  isSafeColor,
  PROFILES,
  type Profile,
  THEME_NAMES,
  type ThemeName,
  VIEW_NAMES,
} from "../core/index.ts";
import {
  DEFAULT_LABEL,
  DEFAULT_NOTES,
  LABEL_MODES,
  type LabelMode,
  NOTES_LEVELS,
  type NotesLevel,
  type RenderOptions,
} from "../diagrams/index.ts";

export const TOPOLOGY_ARG = "topology";
export const TOPOLOGY_HELP = "topology file (.yaml, .yml or .json; other names: by content), - for stdin, or preset:<id>";

export const profileOption = (): Option =>
  new Option(
    "--profile <profile>",
    "rule profile: microsoft (default; the topology may name its own) follows Microsoft's documentation, o365info reproduces the article",
  ).choices(PROFILES);

export const themeOption = (): Option => new Option("--theme <theme>", "diagram theme").choices(THEME_NAMES).default(DEFAULT_THEME);

export const backgroundOption = (): Option =>
  new Option(
    "--background <colour>",
    "SVG background: transparent, #rgb, #rrggbb, #rrggbbaa or a colour name (default: the theme's)",
  ).argParser((value: string) => {
    if (!isSafeColor(value)) throw new InvalidArgumentError(`Use ${BACKGROUND_HELP}.`);
    return value;
  });

export const viewOption = (): Option =>
  new Option(
    "--view <view>",
    "diagram view: sequence (numbered messages over time) or map (the sites with their servers and numbered arrows)",
  )
    .choices(VIEW_NAMES)
    .default(DEFAULT_VIEW);

export const notesOption = (): Option =>
  new Option(
    "--notes <level>",
    "diagnostic text in the picture: none, brief (one line per warning) or full; md and json always have all of it",
  )
    .choices(NOTES_LEVELS)
    .default(DEFAULT_NOTES);

export const labelOption = (): Option =>
  new Option("--label <label>", "participant boxes: role (CAS 2013), name (the server name) or both")
    .choices(LABEL_MODES)
    .default(DEFAULT_LABEL);

export const outputOption = (): Option => new Option("-o, --output <file>", "write to this file instead of stdout");

export interface RenderFlags {
  theme?: string;
  background?: string;
  notes?: string;
  label?: string;
}

export function renderOptions(flags: RenderFlags): RenderOptions {
  const out: RenderOptions = {};
  if (flags.theme) out.theme = flags.theme as ThemeName;
  if (flags.background) out.background = flags.background;
  if (flags.notes) out.notes = flags.notes as NotesLevel;
  if (flags.label) out.label = flags.label as LabelMode;
  return out;
}

export const asProfile = (p: string | undefined): Profile | undefined => p as Profile | undefined;
