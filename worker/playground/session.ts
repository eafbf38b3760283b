/**
 * The playground script's session part, joined into /playground.js by script.ts: loading presets,
 * the URL hash that reopens a view (`#preset=...` or `#r=` + the deflated request), and the copy
 * buttons. Function declarations only (hoisted), so where the chunk sits in the script is free.
 */
export const SESSION_JS = String.raw`
// ---- presets, the URL hash and restoring a view ---------------------------------------------

async function loadPreset(id, scenarioFromHash) {
  var r = await fetch("/v1/presets/" + encodeURIComponent(id));
  if (!r.ok) { showErrors(await problemOf(r)); return; }
  var preset = await r.json();
  state.presetId = preset.id;
  state.presetTopology = preset.topology;
  state.presetText = printTopology(preset.topology, ui.format.value);
  state.known = null;
  ui.preset.value = preset.id;
  ui.presetInfo.textContent = preset.description || preset.title || "";
  ui.topology.value = state.presetText;
  ui.topology.scrollTop = 0;
  var names = Object.keys(preset.scenarios || {});
  ui.example.replaceChildren.apply(ui.example, [el("option", { value: "", text: "Choose an example\u2026" })].concat(names.map(function (n) {
    return el("option", { value: n, text: preset.scenarios[n].title || n });
  })));
  state.examples = preset.scenarios || {};
  applyTopology(preset.topology);
  var first = names.length ? preset.scenarios[names[0]].scenario : null;
  applyScenario(scenarioFromHash || first || {});
  if (!scenarioFromHash && first) ui.example.value = names[0];
  refresh(0);
}

function applyScenario(s, opts) {
  if (s.user && state.users.indexOf(s.user) >= 0) ui.user.value = s.user;
  if (s.protocol) ui.protocol.value = s.protocol;
  if (s.client) ui.client.value = s.client;
  ui.host.value = s.host || "";
  var o = opts || {};
  if (s.profile || o.profile) ui.profile.value = s.profile || o.profile;
  if (o.theme) ui.theme.value = o.theme;
  if (o.background !== undefined) ui.background.value = o.background;
  if (opts) setView(o.view);
}

async function saveHash(doc) {
  var hash;
  if (doc.mode === "preset") {
    var p = new URLSearchParams({ preset: state.presetId });
    var s = scenario();
    Object.keys(s).forEach(function (k) { p.set(k, s[k]); });
    var o = options(false);
    Object.keys(o).forEach(function (k) { p.set(k, o[k]); });
    if (ui.format.value !== "yaml") p.set("format", ui.format.value);
    hash = p.toString();
  } else {
    hash = "r=" + base64url(await deflate(doc.text));
  }
  if (location.hash.slice(1) !== hash) history.replaceState(null, "", "#" + hash);
}

async function restore() {
  var params = new URLSearchParams(location.hash.slice(1));
  if (params.get("format") === "json") ui.format.value = "json";
  try {
    if (params.get("r")) {
      var restored = unwrapDoc(await inflate(unbase64url(params.get("r"))));
      var doc = restored.doc;
      if (restored.text === null) restored.text = doc.topology ? printTopology(doc.topology, ui.format.value) : "";
      state.presetId = doc.preset || null;
      if (doc.preset) return loadPreset(doc.preset, doc.scenario).then(function () { applyScenario(doc.scenario || {}, doc.options || {}); refresh(0); });
      state.presetText = "";
      ui.preset.value = "";
      ui.presetInfo.textContent = "Restored from the link.";
      ui.topology.value = restored.text;
      applyTopology(doc.topology || localTopology());
      var wanted = doc.scenario && doc.scenario.user;
      if (wanted && state.users.indexOf(wanted) < 0) setOptions(ui.user, state.users.concat([wanted]));
      applyScenario(doc.scenario || {}, doc.options || {});
      if (wanted) ui.user.value = wanted;
      return refresh(0);
    }
    var id = params.get("preset") || ui.preset.value || "o365info";
    var s = params.get("preset") ? { user: params.get("user"), protocol: params.get("protocol"), client: params.get("client"), host: params.get("host") || "" } : null;
    await loadPreset(id, s);
    if (s) { applyScenario(s, { profile: params.get("profile"), theme: params.get("theme"), background: params.get("background") || "", view: params.get("view") }); refresh(0); }
  } catch (e) {
    showErrors([{ code: "LINK", message: "this link could not be opened (" + (e && e.message) + "); starting from a preset", path: [] }]);
    await loadPreset("o365info");
  }
}

function refresh(delay) {
  scheduleFlow(delay);
  scheduleAudit(delay);
}

// ---- copy buttons ---------------------------------------------------------------------------

async function copy(button) {
  var field = $(button.getAttribute("data-copy"));
  var text = field.value;
  try {
    await navigator.clipboard.writeText(text);
  } catch (e) {
    field.focus();
    field.select();
    if (!document.execCommand("copy")) { say("Copy failed; the text is selected, press Ctrl+C"); return; }
  }
  say("Copied: " + button.getAttribute("data-what"));
  button.classList.add("done");
  setTimeout(function () { button.classList.remove("done"); }, 1500);
}
`;
