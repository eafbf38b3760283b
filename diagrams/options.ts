/**
 * Render options shared by the views, and the themes. Colours that reach the SVG come only from
 * these tables or from a user background that passed `isSafeColor`, so no option can carry markup.
 */

import { BACKGROUND_HELP, DEFAULT_THEME, type DrawOptionName, isSafeColor, type OptionValues, type ThemeName } from "../core/index.ts";

/** Every option whose use is `draw` in the core's option table (theme, background, notes, label, scale). */
export type RenderOptions = Pick<OptionValues, DrawOptionName>;

export interface Theme {
  background: string;
  actorFill: string;
  actorStroke: string;
  actorText: string;
  lifeline: string;
  signal: string;
  text: string;
  noteFill: string;
  noteStroke: string;
  noteText: string;
  numberFill: string;
  numberText: string;
  siteStroke: string;
  siteText: string;
  fail: string;
}

/** Mermaid 11's sequence-diagram colours for its three stock themes (read from mermaid-cli's CSS). */
export const THEMES: Readonly<Record<ThemeName, Readonly<Theme>>> = {
  default: {
    background: "white", actorFill: "#ECECFF", actorStroke: "#9370DB", actorText: "black", lifeline: "#9370DB",
    signal: "#333", text: "#333", noteFill: "#fff5ad", noteStroke: "#aaaa33", noteText: "black",
    numberFill: "#333", numberText: "white", siteStroke: "#9370DB", siteText: "#333", fail: "#c62828",
  },
  neutral: {
    background: "white", actorFill: "#eee", actorStroke: "#d4d4d4", actorText: "#333", lifeline: "#d4d4d4",
    signal: "#333", text: "#333", noteFill: "#666", noteStroke: "#999", noteText: "#fff",
    numberFill: "#333", numberText: "white", siteStroke: "#999", siteText: "#333", fail: "#b71c1c",
  },
  dark: {
    background: "#333", actorFill: "#1f2020", actorStroke: "#ccc", actorText: "lightgrey", lifeline: "#ccc",
    signal: "lightgrey", text: "lightgrey", noteFill: "#474949", noteStroke: "#2f2f2f", noteText: "#b8b6b6",
    numberFill: "lightgrey", numberText: "black", siteStroke: "#ccc", siteText: "lightgrey", fail: "#ff8a80",
  },
};

/** Theme and background after validation; throws RangeError for anything not on the lists. */
export function resolveOptions(options: RenderOptions = {}): { themeName: ThemeName; theme: Theme; background: string } {
  const themeName = options.theme ?? DEFAULT_THEME;
  if (!Object.hasOwn(THEMES, themeName)) throw new RangeError(`unknown theme: ${String(themeName).slice(0, 40)}`);
  const theme = THEMES[themeName];
  const background = options.background ?? theme.background;
  if (typeof background !== "string" || !isSafeColor(background)) {
    throw new RangeError(`background must be ${BACKGROUND_HELP}`);
  }
  return { themeName, theme, background: background.toLowerCase() };
}
