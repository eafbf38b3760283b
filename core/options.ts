/**
 * The allowed values of every option a request, the CLI or a view takes, written once. The schema
 * (core/validate/schema.ts), the views (diagrams/), the worker and the CLI import these lists instead of
 * spelling them again, so what OpenAPI advertises is exactly what the renderers draw.
 */
import { DEFAULT_PROFILE, PROFILES, type Profile, PROTOCOLS } from "./types.ts";

export { PROFILES, type Profile };

export const BACKGROUND_HELP = "transparent, #rgb, #rrggbb, #rrggbbaa or a colour name such as white";

export const THEME_NAMES = ["default", "neutral", "dark"] as const;
export type ThemeName = (typeof THEME_NAMES)[number];

export const VIEW_NAMES = ["sequence", "map"] as const;
export type ViewName = (typeof VIEW_NAMES)[number];

/** How much diagnostic text goes into a picture. */
export const NOTES = ["none", "brief", "full"] as const;
/** What a participant box says: its role, its server name, or both. */
export const LABELS = ["role", "name", "both"] as const;
/** PNG pixels per SVG pixel (HiDPI screens, Office documents). */
export const SCALES = [1, 2, 3, 4] as const;

/**
 * What an option does, which decides who derives what from it: `route` (the routing profile),
 * `view` (which view draws), `draw` (handed to every drawer: RenderOptions), `scope` (audit only).
 */
export type OptionUse = "route" | "view" | "draw" | "scope";

export interface OptionSpec {
  /** `enum`: one of `values`; `color`: isSafeColor; `list`: several (of `values` when given; free text otherwise). */
  readonly kind: "enum" | "color" | "list";
  readonly values?: readonly (string | number)[];
  readonly use: OptionUse;
  /** One sentence for the person choosing: the schema's description, the OpenAPI parameter, the CLI's --help. */
  readonly help: string;
  /** The value when none is given; `undefined` when it is decided elsewhere (`defaultHelp` says where). */
  readonly default?: string | number;
  readonly defaultHelp?: string;
  /** The CLI applies `default` itself (commander's default); false when a topology may bring its own. */
  readonly cliDefault?: boolean;
  /** `--name <placeholder>` in the CLI. */
  readonly placeholder: string;
  /** The playground draws a select for it from this entry (options with hand-made controls say false). */
  readonly playground: boolean;
}

/**
 * Every request option, declared once: values, default and help. The zod schema and its JSON Schema
 * (core/validate/schema.ts), the OpenAPI parameters and the query reader (worker/), the CLI flags
 * (cli/options.ts), the playground's controls and every default derive from this table, so a new
 * option is one row here, its drawer, its test and its docs. Order: the order the docs list them.
 */
export const OPTIONS = {
  profile: {
    kind: "enum",
    values: PROFILES,
    use: "route",
    help: "Routing profile: microsoft follows Microsoft's documentation, o365info reproduces the o365info article where they disagree.",
    default: DEFAULT_PROFILE,
    defaultHelp: "the scenario's, else the topology's own, else microsoft",
    cliDefault: false,
    placeholder: "profile",
    playground: false,
  },
  theme: {
    kind: "enum",
    values: THEME_NAMES,
    use: "draw",
    help: "Diagram theme.",
    default: "default",
    placeholder: "theme",
    playground: false,
  },
  background: {
    kind: "color",
    use: "draw",
    help: `Diagram background: ${BACKGROUND_HELP}.`,
    defaultHelp: "the theme's",
    placeholder: "colour",
    playground: false,
  },
  view: {
    kind: "enum",
    values: VIEW_NAMES,
    use: "view",
    help:
      "Diagram view: sequence (numbered messages over time) or map (the sites with their servers and numbered arrows); " +
      "md keeps the numbered steps and puts the chosen view's Mermaid in its fence.",
    default: "sequence",
    placeholder: "view",
    playground: false,
  },
  notes: {
    kind: "enum",
    values: NOTES,
    use: "draw",
    help: "Diagnostic text in the picture: none, brief (one short line per warning) or full; JSON and Markdown text carry all of it.",
    default: "brief",
    placeholder: "level",
    playground: true,
  },
  label: {
    kind: "enum",
    values: LABELS,
    use: "draw",
    help: "Participant boxes: role (CAS 2013), name (the server name) or both (NY-CAS2013, CAS 2013).",
    default: "both",
    placeholder: "label",
    playground: true,
  },
  scale: {
    kind: "enum",
    values: SCALES,
    use: "draw",
    help: "PNG only: pixels per SVG pixel, 1 to 4 (2 for HiDPI screens and Office documents); other formats are drawn as they are.",
    default: 1,
    placeholder: "factor",
    playground: true,
  },
  users: {
    kind: "list",
    use: "scope",
    help: "Audit only these users: names, compared case-insensitively, or `*` patterns (ny-*, alice). Default: every user.",
    placeholder: "names",
    playground: false,
  },
  protocols: {
    kind: "list",
    values: PROTOCOLS,
    use: "scope",
    help: `Audit only these protocols (${PROTOCOLS.join(", ")}). Default: all.`,
    placeholder: "protocols",
    playground: false,
  },
} as const satisfies Record<string, OptionSpec>;

export type OptionName = keyof typeof OPTIONS;
type ValueOf<S> = S extends { kind: "list"; values: readonly (infer V)[] }
  ? V[]
  : S extends { kind: "list" }
    ? string[]
    : S extends { values: readonly (infer V)[] }
      ? V
      : string;
/** Every option's value type, from the table. */
export type OptionValues = { -readonly [K in OptionName]?: ValueOf<(typeof OPTIONS)[K]> };
type NamesWhere<U extends OptionUse> = { [K in OptionName]: (typeof OPTIONS)[K]["use"] extends U ? K : never }[OptionName];
/** What a flow request takes (`options`, `?name=`): everything but the audit's scope. */
export type FlowOptionName = NamesWhere<"route" | "view" | "draw">;
/** What the drawers take (RenderOptions). */
export type DrawOptionName = NamesWhere<"draw">;

const namesWhere = <N extends OptionName>(uses: readonly OptionUse[]): N[] =>
  (Object.keys(OPTIONS) as OptionName[]).filter((k) => uses.includes(OPTIONS[k].use)) as N[];
/** The flow request's options, in the order the docs list them. */
export const OPTION_NAMES: readonly FlowOptionName[] = namesWhere<FlowOptionName>(["route", "view", "draw"]);
/** The audit takes these too (rendering ones are accepted and ignored, so one document serves both). */
export const AUDIT_OPTION_NAMES: readonly OptionName[] = namesWhere(["route", "view", "draw", "scope"]);
export const DRAW_OPTION_NAMES: readonly DrawOptionName[] = namesWhere<DrawOptionName>(["draw"]);

/** A query string value as the option's type: numbers for numeric enums (`?scale=2`), lists split on commas. */
export function fromQuery(name: OptionName, value: string): string | number | string[] {
  const spec: OptionSpec = OPTIONS[name];
  if (spec.kind === "list")
    return [
      ...new Set(
        value
          .split(",")
          .map((v) => v.trim())
          .filter(Boolean),
      ),
    ];
  if (typeof spec.values?.[0] === "number" && /^\d+$/.test(value)) return Number(value);
  return value;
}

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

/** The one background rule: the schema, the CLI and every drawer accept exactly these. */
export function isSafeColor(value: string): boolean {
  return /^#(?:[0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i.test(value) || NAMED_COLORS.includes(value.toLowerCase());
}
