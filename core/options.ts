/**
 * The allowed values of every option a request, the CLI or a view takes, written once. The schema
 * (core/validate/schema.ts), the views (diagrams/), the worker and the CLI import these lists instead of
 * spelling them again, so what OpenAPI advertises is exactly what the renderers draw.
 */
import { PROFILES, type Profile } from "./types.ts";

export { PROFILES, type Profile };

/** The request options (`options` in a flow request, `?name=` in the query), in the order the docs list them. */
export const OPTION_NAMES = ["profile", "theme", "background", "view", "notes", "label"] as const;

export const THEME_NAMES = ["default", "neutral", "dark"] as const;
export type ThemeName = (typeof THEME_NAMES)[number];

export const VIEW_NAMES = ["sequence", "map"] as const;
export type ViewName = (typeof VIEW_NAMES)[number];

/** How much diagnostic text goes into a picture. */
export const NOTES = ["none", "brief", "full"] as const;
/** What a participant box says: its role, its server name, or both. */
export const LABELS = ["role", "name", "both"] as const;

/**
 * Output formats of one flow, in the worker's negotiation order (json first). png after svg and
 * the text formats: `Accept: image/*` (an <img>) keeps getting SVG; PNG needs image/png or ?format=png.
 */
export const FLOW_FORMATS = ["json", "svg", "mmd", "md", "png"] as const;
export type FlowFormat = (typeof FLOW_FORMATS)[number];

export const AUDIT_FORMATS = ["json", "md", "csv"] as const;
export type AuditFormat = (typeof AUDIT_FORMATS)[number];

/** Colour names a background may use; anything else is written as hex. A short list keeps markup out of the SVG. */
export const NAMED_COLORS: readonly string[] = [
  "white",
  "black",
  "transparent",
  "silver",
  "gray",
  "grey",
  "lightgrey",
  "lightgray",
  "whitesmoke",
  "gainsboro",
  "ivory",
  "beige",
  "linen",
  "snow",
  "azure",
  "aliceblue",
  "lavender",
  "honeydew",
  "mintcream",
  "navy",
  "red",
  "green",
  "blue",
];

export const BACKGROUND_HELP = "transparent, #rgb, #rrggbb, #rrggbbaa or a colour name such as white";

/** The one background rule: the schema, the CLI and every drawer accept exactly these. */
export function isSafeColor(value: string): boolean {
  return /^#(?:[0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i.test(value) || NAMED_COLORS.includes(value.toLowerCase());
}
