/**
 * The playground's browser script (bundled by playground/build.ts into one content-hashed file,
 * CSP `script-src 'self'`): no framework; the DOM is built with textContent only (dom.ts) and the
 * diagram is shown as an <img> of a blob: URL, never inlined, so nothing from a response runs here.
 *
 * Topology text (YAML or JSON) + scenario controls + the view -> POST /v1/flow (flow.ts) and
 * POST /v1/audit (audit.ts), debounced; what the editor holds is read locally with the core's
 * parser (topology.ts); the view is kept in the URL hash (session.ts).
 */
import { isJsonText } from "./document.ts";
import { markAuditCell } from "./audit.ts";
import { afterFlow, DEBOUNCE_MS, scheduleFlow } from "./flow.ts";
import { wireImport } from "./import-view.ts";
import { wireObserve } from "./observe.ts";
import { wireSaved } from "./saved.ts";
import { applyScenario, copy, loadPreset, refresh, restore, saveHash, viewName } from "./session.ts";
import { localTopology, printTopology, startCustom, topologyEdited } from "./topology.ts";
import { $, say, state, ui } from "./ui.ts";

let editTimer: ReturnType<typeof setTimeout> | undefined;

// Typing: read the topology and ask the API once the typing pauses.
afterFlow.drawn = () => markAuditCell(ui.audit, ui.user.value, ui.protocol.value, ui.client.value);
afterFlow.saved = saveHash;

ui.topology.addEventListener("input", () => {
  clearTimeout(editTimer);
  editTimer = setTimeout(() => {
    topologyEdited();
    refresh(0);
  }, DEBOUNCE_MS);
});

ui.preset.addEventListener("change", () => {
  if (ui.preset.value) {
    loadPreset(ui.preset.value);
    return;
  }
  startCustom();
  say("Custom topology: a minimal start with one site, one server and one user");
  refresh(0);
});

ui.format.addEventListener("change", () => {
  const text = ui.topology.value;
  const topology = localTopology();
  if (!topology) {
    ui.format.value = isJsonText(text) ? "json" : "yaml";
    say("The topology cannot be read yet; it can be converted once the problems listed are fixed.");
    return;
  }
  const printed = printTopology(topology, ui.format.value);
  if (state.presetId && text === state.presetText) state.presetText = printed;
  state.known = { text: printed, topology };
  ui.topology.value = printed;
  refresh(0);
});

ui.example.addEventListener("change", () => {
  const entry = state.examples[ui.example.value];
  if (!entry) return;
  applyScenario(entry.scenario);
  scheduleFlow(0);
});

for (const c of [ui.user, ui.protocol, ui.client, ui.kind, ui.app, ui.theme, ...ui.drawOptions])
  c.addEventListener("change", () => scheduleFlow(0));
for (const c of [ui.user, ui.protocol, ui.client, ui.host, ui.kind, ui.target, ui.app]) {
  c.addEventListener("input", () => {
    ui.example.value = "";
  });
}
ui.profile.addEventListener("change", () => refresh(0));
for (const c of [ui.host, ui.target, ui.background]) c.addEventListener("input", () => scheduleFlow(DEBOUNCE_MS));
for (const r of ui.views) {
  r.addEventListener("change", () => {
    if (!r.checked) return;
    say(`${viewName()} view`);
    scheduleFlow(0);
  });
}
$("scenario-form").addEventListener("submit", (e) => {
  e.preventDefault();
  scheduleFlow(0);
});
for (const b of document.querySelectorAll<HTMLButtonElement>("button[data-copy]")) b.addEventListener("click", () => copy(b));
ui.zoom.addEventListener("click", () => {
  const actual = ui.zoom.getAttribute("aria-pressed") !== "true";
  ui.zoom.setAttribute("aria-pressed", String(actual));
  ui.diagramBox.classList.toggle("fit", !actual);
});
window.addEventListener("hashchange", restore);
wireSaved();
wireImport();
wireObserve();

restore();
