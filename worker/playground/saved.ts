/**
 * The playground's Save / Load of saved topologies (issue 17), kept apart from the rest of the page:
 * the HTML of the controls (page.ts places it under the editor) and the browser script (script.ts
 * appends it after the main script, so it can use `ui`, `state` and the helpers).
 * Save: POST /v1/topologies with the editor text, or, with an id and its token filled in, PUT a new
 * version. The token comes back once and is shown in its field; it is kept only in the page (never
 * in storage or the URL). Load: GET /v1/topologies/{id[@version]} into the editor. After either, the
 * "Saved-topology SVG URL" field holds the embed URL of the current scenario, which follows new versions.
 */
export const SAVED_HTML = `<details id="saved" class="saved">
<summary>Save / load a saved topology</summary>
<div class="fields">
<div class="wide"><label for="saved-id">Saved topology id (<code>id</code> or <code>id@version</code>)</label><input type="text" id="saved-id" spellcheck="false" autocomplete="off"></div>
<div class="wide"><label for="saved-token">Write token (only to save a new version)</label><input type="text" id="saved-token" spellcheck="false" autocomplete="off" aria-describedby="saved-token-help"></div>
</div>
<p><button type="button" id="saved-save">Save</button> <button type="button" id="saved-load">Load</button></p>
<p id="saved-token-help" class="hint">Save without an id creates a new saved topology and shows its write token once: keep it to save new versions or delete. Anyone with the id can read the topology.</p>
<p id="saved-status" class="hint" role="status" aria-live="polite"></p>
<label for="saved-url">Saved-topology SVG URL (follows new versions)</label><input type="text" id="saved-url" readonly spellcheck="false">
</details>`;

export const SAVED_JS = String.raw`
// ---- saved topologies: Save / Load ----------------------------------------------------------

var saved = { id: $("saved-id"), token: $("saved-token"), status: $("saved-status"), url: $("saved-url") };

function savedSay(text) { saved.status.textContent = text; say(text); }

function savedEmbedUrl(ref) {
  var s = scenario();
  var path = "/v1/t/" + encodeURIComponent(ref) + "/flow/" + [s.user, s.protocol, s.client].map(encodeURIComponent).join("/") + ".svg";
  return location.origin + path + (s.host ? "?host=" + encodeURIComponent(s.host) : "");
}

async function savedProblem(r) {
  var issues = await problemOf(r);
  return issues.map(function (i) { return i.message; }).join("; ");
}

async function saveTopology() {
  var text = ui.topology.value;
  if (!text.trim()) { savedSay("Nothing to save: the topology is empty."); return; }
  var id = saved.id.value.trim().split("@")[0];
  var token = saved.token.value.trim();
  var update = id !== "" && token !== "";
  var headers = { "Content-Type": isJsonText(text) ? "application/json" : "application/yaml" };
  if (update) headers.Authorization = "Bearer " + token;
  try {
    var r = await fetch(update ? "/v1/topologies/" + encodeURIComponent(id) : "/v1/topologies", { method: update ? "PUT" : "POST", headers: headers, body: text });
    if (!r.ok) { savedSay("Not saved (" + r.status + "): " + await savedProblem(r)); return; }
    var body = await r.json();
    saved.id.value = body.id;
    if (body.token) saved.token.value = body.token;
    saved.url.value = savedEmbedUrl(body.id);
    savedSay(body.token ? "Saved as a new topology, version 1. The write token is in its field: copy it now, it is not shown again."
      : body.stored === false ? "Unchanged: identical to version " + body.version + "; nothing stored." : "Saved as version " + body.version + ".");
  } catch (e) {
    savedSay("Not saved: " + (e && e.message));
  }
}

async function loadTopology() {
  var ref = saved.id.value.trim();
  if (!ref) { savedSay("Enter the id of a saved topology to load it."); return; }
  try {
    var r = await fetch("/v1/topologies/" + encodeURIComponent(ref).replace("%40", "@"));
    if (!r.ok) { savedSay("Not loaded (" + r.status + "): " + await savedProblem(r)); return; }
    var body = await r.json();
    state.presetId = null;
    state.presetText = "";
    ui.preset.value = "";
    ui.presetInfo.textContent = "Saved topology " + body.id + ", version " + body.version + " of " + body.created + ".";
    ui.topology.value = printTopology(body.topology, ui.format.value);
    state.known = { text: ui.topology.value, topology: body.topology };
    applyTopology(body.topology);
    saved.url.value = savedEmbedUrl(ref);
    savedSay("Loaded version " + body.version + ".");
    refresh(0);
  } catch (e) {
    savedSay("Not loaded: " + (e && e.message));
  }
}

$("saved-save").addEventListener("click", saveTopology);
$("saved-load").addEventListener("click", loadTopology);
[ui.user, ui.protocol, ui.client, ui.host].forEach(function (c) {
  c.addEventListener("change", function () { var id = saved.id.value.trim(); if (id && saved.url.value) saved.url.value = savedEmbedUrl(id); });
});
`;
