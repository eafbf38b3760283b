/**
 * Every default the product applies, decided here and nowhere else: the rule profile a flow or an
 * audit is routed with, and the theme and view a diagram is drawn in. Entry points (compile(),
 * audit(), the CLI) ask these functions; views and routes never write a default of their own.
 */
import type { Profile, ThemeName, ViewName } from "./options.ts";

export const DEFAULT_PROFILE: Profile = "o365info";
export const DEFAULT_THEME: ThemeName = "default";
export const DEFAULT_VIEW: ViewName = "sequence";

/**
 * The profile to route with: the first one given (scenario, then request options), else the default.
 * @example chooseProfile(undefined, "microsoft") // "microsoft"
 */
export function chooseProfile(...given: (Profile | undefined)[]): Profile {
  return given.find((p) => p !== undefined) ?? DEFAULT_PROFILE;
}
