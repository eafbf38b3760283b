/**
 * The topology in the editor, on the page: the user list, the host names, and whether the text
 * still is the preset that was chosen (read.ts reads it). An edit that changes what the preset says
 * turns the page to "Custom topology"; choosing "Custom topology" starts from the core's skeleton.
 */
import { SKELETON_TOPOLOGY } from "../../core/browser.ts";
import { isObject } from "../../lib/plain.ts";
import { el, setOptions } from "./dom.ts";
import { describeTopology, hostNames, offeredScenario, type Plain, printTopology, readTopology, sameValue, userNames } from "./read.ts";
import { type PresetScenario, say, state, ui } from "./ui.ts";

export { type Plain, printTopology };

/** The editor's topology: the preset's or the last one read for this exact text, else parsed now. */
export function localTopology(): Plain | null {
  const text = ui.topology.value;
  if (state.presetId && text === state.presetText && isObject(state.presetTopology)) return state.presetTopology;
  if (state.known && state.known.text === text) return state.known.topology;
  const t = readTopology(text);
  if (t) state.known = { text, topology: t };
  return t;
}

/** Users (also the target list), the host list, and the host field: a host the topology does not name is cleared. */
export function applyTopology(t: Plain): void {
  setUsers(userNames(t));
  ui.targets.replaceChildren(...userNames(t).map((u) => el("option", { value: u })));
  const hosts = hostNames(t);
  ui.hosts.replaceChildren(...hosts.namespaces.map((h) => el("option", { value: h })));
  const host = ui.host.value.trim().toLowerCase();
  if (host && !hosts.all.includes(host)) ui.host.value = "";
}

/** -> whether the chosen user changed. */
export function setUsers(users: string[]): boolean {
  const same = users.length === state.users.length && users.every((u, i) => u === state.users[i]);
  if (same && ui.user.value) return false;
  state.users = users;
  const before = ui.user.value;
  setOptions(ui.user, users);
  if (!users.includes(before) && users.length) ui.user.value = users[0] ?? "";
  return ui.user.value !== before;
}

/** A new topology (custom, imported, loaded): move the scenario to one it offers (read.ts, offeredScenario). */
export function fitScenario(t: Plain): void {
  const protocols = Array.from(ui.protocol.options, (o) => o.value);
  const current = { user: ui.user.value, protocol: ui.protocol.value, client: ui.client.value };
  const next = offeredScenario(t, { ...current, kind: ui.kind.value, target: ui.target.value, app: ui.app.value }, protocols);
  ui.protocol.value = next.protocol;
  ui.client.value = next.client;
  ui.kind.value = next.kind;
  ui.target.value = next.target;
  ui.app.value = next.app;
  ui.example.value = "";
}

/** The example list of a preset (none: a custom topology, which has no named scenarios). */
export function setExamples(examples: Record<string, PresetScenario> | null): void {
  state.examples = examples ?? {};
  const names = Object.keys(state.examples);
  const placeholder = examples ? "Choose an example\u2026" : "No example scenarios for a custom topology";
  ui.example.replaceChildren(
    el("option", { value: "", text: placeholder }),
    ...names.map((n) => el("option", { value: n, text: state.examples[n]?.title || n })),
  );
  ui.example.disabled = examples === null;
}

/** The editor no longer holds a preset (an edit, a saved topology, an import, a link). */
export function leavePreset(): void {
  state.presetId = null;
  state.presetTopology = null;
  state.presetText = "";
  state.left = null;
  ui.preset.value = "";
  setExamples(null);
}

/**
 * After an edit (debounced): while the text still says what the chosen preset says (a comment or
 * a reordered key changes nothing) the preset stays chosen; otherwise the page turns to Custom,
 * with the description, users and host names of the new topology. Undoing the edit (the text
 * says what that preset says again) chooses the preset again.
 */
export function topologyEdited(): void {
  const t = localTopology();
  if (!t) return;
  const left = state.left;
  if (state.presetId !== null && !sameValue(t, state.presetTopology)) {
    const id = state.presetId;
    const remembered = {
      id,
      topology: state.presetTopology,
      text: state.presetText,
      info: ui.presetInfo.textContent ?? "",
      examples: state.examples,
    };
    leavePreset();
    state.left = remembered;
    ui.presetInfo.dataset.custom = "true";
    say(`Custom topology: the editor no longer says what preset ${id} says`);
  } else if (state.presetId === null && left && sameValue(t, left.topology)) {
    state.presetId = left.id;
    state.presetTopology = left.topology;
    state.presetText = left.text;
    state.left = null;
    ui.preset.value = left.id;
    setExamples(left.examples);
    describedElsewhere(left.info);
    say(`Preset ${left.id} again`);
  }
  if (ui.presetInfo.dataset.custom === "true") ui.presetInfo.textContent = describeTopology(t);
  applyTopology(t);
}

/** "Custom topology" chosen in the selector: the editor starts from the core's skeleton. */
export function startCustom(): void {
  leavePreset();
  const text = printTopology(SKELETON_TOPOLOGY, ui.format.value);
  ui.topology.value = text;
  ui.topology.scrollTop = 0;
  const skeleton = structuredClone(SKELETON_TOPOLOGY) as unknown as Plain;
  state.known = { text, topology: skeleton };
  ui.presetInfo.dataset.custom = "true";
  ui.presetInfo.textContent = `${describeTopology(skeleton)} A minimal start: add your sites, servers, namespaces and users.`;
  ui.host.value = "";
  applyTopology(skeleton);
  fitScenario(skeleton);
}

/** A preset, a saved topology, an import or a link now fills the editor: its own description wins. */
export function describedElsewhere(text: string): void {
  delete ui.presetInfo.dataset.custom;
  ui.presetInfo.textContent = text;
}
