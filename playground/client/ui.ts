/**
 * The page's elements (looked up once; a missing one is a bug in page.ts and fails loudly) and the
 * script's state. Every other client module reads and writes these.
 */
/** The element with this id, typed by the caller; throws when page.ts lost it. */
export function $<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`playground: no #${id} on the page`);
  return node as T;
}

type Input = HTMLInputElement;
type Select = HTMLSelectElement;
type Area = HTMLTextAreaElement;

export const ui = {
  preset: $<Select>("preset"),
  format: $<Select>("format"),
  presetInfo: $("preset-info"),
  topology: $<Area>("topology"),
  errors: $<HTMLUListElement>("error-list"),
  errorBox: $("errors"),
  example: $<Select>("example"),
  user: $<Select>("user"),
  protocol: $<Select>("protocol"),
  client: $<Select>("client"),
  host: $<Input>("host"),
  hosts: $<HTMLDataListElement>("hosts"),
  kind: $<Select>("kind"),
  target: $<Input>("target"),
  targets: $<HTMLDataListElement>("targets"),
  app: $<Select>("app"),
  profile: $<Select>("profile"),
  theme: $<Select>("theme"),
  background: $<Input>("background"),
  /** The selects page.ts draws from the core's option table (notes, label, scale ...). */
  drawOptions: [...document.querySelectorAll<Select>("select[data-option]")],
  result: $("result"),
  resultStale: $("result-stale"),
  outcome: $("outcome"),
  diagram: $<HTMLImageElement>("diagram"),
  caption: $("caption"),
  steps: $("steps-body"),
  participants: $<HTMLUListElement>("participant-list"),
  notes: $<HTMLUListElement>("note-list"),
  diagnostics: $<HTMLUListElement>("diagnostic-list"),
  audit: $("audit"),
  auditSummary: $("audit-summary"),
  auditDiagnostics: $<HTMLUListElement>("audit-diagnostic-list"),
  status: $("status"),
  live: $<HTMLAnchorElement>("link-live-open"),
  download: $<HTMLAnchorElement>("download-svg"),
  downloadPng: $<HTMLAnchorElement>("download-png"),
  zoom: $<HTMLButtonElement>("zoom"),
  diagramBox: $("diagram-box"),
  shareSection: $("share-section"),
  shareStale: $("share-stale"),
  views: Array.from(document.querySelectorAll<Input>("input[name=view]")),
  share: {
    svg: $<Input>("link-svg"),
    png: $<Input>("link-png"),
    md: $<Area>("link-md"),
    curl: $<Area>("link-curl"),
    mmd: $<Area>("link-mmd"),
    live: $<Input>("link-live"),
  },
};

/**
 * The optional scenario fields after user, protocol and client, each with its control, in the
 * order a request lists them: the page sends every one that is set (the kind only when it is not
 * the default "client"), so an example or a link draws the flow it names.
 */
export const OPTIONAL_FIELDS = ["host", "kind", "target", "app"] as const;
export type OptionalField = (typeof OPTIONAL_FIELDS)[number];
export const DEFAULT_KIND = "client";

export interface PresetScenario {
  title?: string;
  scenario: Record<string, string | undefined>;
}

export interface State {
  /** The preset the editor holds (edited or not); null for a custom topology. */
  presetId: string | null;
  presetTopology: unknown;
  /** The preset as printed into the editor: while the text equals it, requests name the preset. */
  presetText: string;
  /** The last editor text the page could read, and what it read. */
  known: { text: string; topology: Record<string, unknown> } | null;
  /** The preset an edit turned away from, so that undoing the edit chooses it again. */
  left: { id: string; topology: unknown; text: string; info: string; examples: Record<string, PresetScenario> } | null;
  users: string[];
  examples: Record<string, PresetScenario>;
  flowCtl: AbortController | null;
  auditCtl: AbortController | null;
  auditKey: string;
  flowTimer: ReturnType<typeof setTimeout> | undefined;
  auditTimer: ReturnType<typeof setTimeout> | undefined;
  blobUrl: string | null;
}

export const state: State = {
  presetId: null,
  presetTopology: null,
  presetText: "",
  known: null,
  left: null,
  users: [],
  examples: {},
  flowCtl: null,
  auditCtl: null,
  auditKey: "",
  flowTimer: undefined,
  auditTimer: undefined,
  blobUrl: null,
};

/** A message for screen readers (the live region is emptied first so a repeat is announced). */
export function say(text: string): void {
  ui.status.textContent = "";
  ui.status.textContent = text;
}
