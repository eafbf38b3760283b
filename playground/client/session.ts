/**
 * Loading presets, the URL hash that reopens a view (`#preset=...` for an unedited preset, else
 * `#r=` + the request document in the API's own encoding, worker/codec.ts), and the copy buttons.
 */
import { decodeText, encodeText } from "../../worker/codec.ts";
import { scheduleAudit } from "./audit.ts";
import { setOptions } from "./dom.ts";
import { type Wrapped, unwrapDoc } from "./document.ts";
import { currentView, options, problemOf, scenario, scheduleFlow, setView, showErrors } from "./flow.ts";
import { applyTopology, describedElsewhere, leavePreset, localTopology, type Plain, printTopology, setExamples } from "./topology.ts";
import { $, DEFAULT_KIND, type PresetScenario, say, state, ui } from "./ui.ts";

interface Preset {
  id: string;
  title?: string;
  description?: string;
  topology: Plain;
  scenarios?: Record<string, PresetScenario>;
}

export function refresh(delay: number): void {
  scheduleFlow(delay);
  scheduleAudit(delay);
}

export async function loadPreset(id: string, scenarioFromHash?: Record<string, string | undefined> | null): Promise<void> {
  const r = await fetch(`/v1/presets/${encodeURIComponent(id)}`);
  if (!r.ok) {
    showErrors(await problemOf(r));
    return;
  }
  const preset = (await r.json()) as Preset;
  state.presetId = preset.id;
  state.presetTopology = preset.topology;
  state.presetText = printTopology(preset.topology, ui.format.value);
  state.known = null;
  ui.preset.value = preset.id;
  describedElsewhere(preset.description || preset.title || "");
  ui.topology.value = state.presetText;
  ui.topology.scrollTop = 0;
  state.left = null;
  const scenarios = preset.scenarios ?? {};
  const names = Object.keys(scenarios);
  setExamples(scenarios);
  applyTopology(preset.topology);
  const first = names.length ? scenarios[names[0] ?? ""]?.scenario : undefined;
  applyScenario(scenarioFromHash || first || {});
  if (!scenarioFromHash && first) ui.example.value = names[0] ?? "";
  refresh(0);
}

export function applyScenario(s: Record<string, string | null | undefined>, opts?: Record<string, string | null | undefined>): void {
  if (s.user && state.users.includes(s.user)) ui.user.value = s.user;
  if (s.protocol) ui.protocol.value = s.protocol;
  if (s.client) ui.client.value = s.client;
  ui.host.value = s.host || "";
  ui.kind.value = s.kind || DEFAULT_KIND;
  ui.target.value = s.target || "";
  ui.app.value = s.app || "";
  const o = opts ?? {};
  const profile = s.profile || o.profile;
  if (profile) ui.profile.value = profile;
  if (o.theme) ui.theme.value = o.theme;
  if (o.background !== undefined && o.background !== null) ui.background.value = o.background;
  if (opts) setView(o.view);
  for (const sel of ui.drawOptions) {
    const v = opts ? o[sel.dataset.option ?? ""] : undefined;
    if (opts) sel.value = v === undefined || v === null ? (sel.dataset.default ?? "") : String(v);
  }
}

export async function saveHash(doc: Wrapped): Promise<void> {
  let hash: string;
  if (doc.mode === "preset" && state.presetId) {
    const p = new URLSearchParams({ preset: state.presetId });
    for (const [k, v] of Object.entries(scenario())) p.set(k, v);
    for (const [k, v] of Object.entries(options(false))) p.set(k, String(v));
    if (ui.format.value !== "yaml") p.set("format", ui.format.value);
    hash = p.toString();
  } else {
    hash = `r=${await encodeText(doc.text)}`;
  }
  if (location.hash.slice(1) !== hash) history.replaceState(null, "", `#${hash}`);
}

export async function restore(): Promise<void> {
  const params = new URLSearchParams(location.hash.slice(1));
  if (params.get("format") === "json") ui.format.value = "json";
  try {
    const r = params.get("r");
    if (r) {
      const restored = unwrapDoc(await decodeText(r));
      const doc = restored.doc;
      if (doc.preset) {
        await loadPreset(doc.preset, doc.scenario);
        applyScenario(doc.scenario ?? {}, doc.options ?? {});
        refresh(0);
        return;
      }
      leavePreset();
      describedElsewhere("Restored from the link.");
      ui.topology.value = restored.text ?? (doc.topology ? printTopology(doc.topology, ui.format.value) : "");
      const topology = localTopology();
      if (topology) applyTopology(topology);
      const wanted = doc.scenario?.user;
      if (wanted && !state.users.includes(wanted)) setOptions(ui.user, [...state.users, wanted]);
      applyScenario(doc.scenario ?? {}, doc.options ?? {});
      if (wanted) ui.user.value = wanted;
      refresh(0);
      return;
    }
    const id = params.get("preset") || ui.preset.value || "o365info";
    const s = params.get("preset")
      ? {
          user: params.get("user") ?? "",
          protocol: params.get("protocol") ?? "",
          client: params.get("client") ?? "",
          host: params.get("host") ?? "",
          kind: params.get("kind") ?? "",
          target: params.get("target") ?? "",
          app: params.get("app") ?? "",
        }
      : null;
    await loadPreset(id, s);
    if (s) {
      const view = {
        profile: params.get("profile"),
        theme: params.get("theme"),
        background: params.get("background") ?? "",
        view: params.get("view"),
        ...Object.fromEntries(ui.drawOptions.map((sel) => [sel.dataset.option ?? "", params.get(sel.dataset.option ?? "")])),
      };
      applyScenario(s, view);
      refresh(0);
    }
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    showErrors([{ code: "LINK", message: `this link could not be opened (${why}); starting from a preset`, path: [] }]);
    await loadPreset("o365info");
  }
}

export async function copy(button: HTMLElement): Promise<void> {
  const field = $<HTMLInputElement | HTMLTextAreaElement>(button.getAttribute("data-copy") ?? "");
  const text = field.value;
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    field.focus();
    field.select();
    if (!document.execCommand("copy")) {
      say("Copy failed; the text is selected, press Ctrl+C");
      return;
    }
  }
  const stale = ui.shareSection.dataset.stale === "true";
  say(`Copied: ${button.getAttribute("data-what")}${stale ? " (from the last valid result, not the topology as it is now)" : ""}`);
  button.classList.add("done");
  setTimeout(() => button.classList.remove("done"), 1500);
}

/** The view's name, for the live region. */
export const viewName = (): string => (currentView() === "map" ? "Map" : "Sequence");
