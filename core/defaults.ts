/**
 * Every default the product applies, decided here and nowhere else: the rule profile a flow or an
 * audit is routed with, and the theme and view a diagram is drawn in. Entry points (compile(),
 * audit(), the CLI) ask these functions; views and routes never write a default of their own.
 */
import { OPTIONS, type ThemeName, type ViewName } from "./options.ts";

// The profile rule (scenario, then options, then the topology's own, then DEFAULT_PROFILE) is
// profileFor in types.ts, next to Profile; re-exported here so every default reads from one module.
export { DEFAULT_PROFILE, profileFor } from "./types.ts";
/** From the option table (options.ts), like every option default. */
export const DEFAULT_THEME: ThemeName = OPTIONS.theme.default;
export const DEFAULT_VIEW: ViewName = OPTIONS.view.default;
