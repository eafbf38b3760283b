/**
 * The playground's Import panel: paste, choose or drop the JSON file Collect-ExflowInventory.ps1
 * wrote; the page sends it to POST /v1/import on this origin (the only request that leaves the
 * browser; a file is read locally, UTF-16 included, and sent as bytes), puts the imported topology
 * in the editor as YAML and lists the import report (guesses, drops, problems, namespaces).
 * HTML and browser JavaScript as text, like the other playground pieces; built with `el` only.
 */
export const IMPORT_HTML = `<details id="import-panel">
<summary>Import your organisation (Collect-ExflowInventory.ps1)</summary>
<p class="hint">Run <code>collect/Collect-ExflowInventory.ps1</code> in the Exchange Management Shell (read-only), then paste the JSON it wrote, or choose or drop the file here. It is sent to this server's <code>POST /v1/import</code> and nowhere else; the topology replaces the editor's.</p>
<label for="import-text">Inventory JSON</label>
<textarea id="import-text" rows="6" spellcheck="false" autocapitalize="off" autocomplete="off" placeholder="Paste the inventory, or drop the file here"></textarea>
<div class="fields"><div><label for="import-file">Or choose the file</label><input type="file" id="import-file" accept=".json,application/json"></div>
<div><button type="button" id="import-run">Import</button></div></div>
<div id="import-report" role="status" aria-live="polite"></div>
</details>`;

export const IMPORT_JS = String.raw`
var importUi = { text: $("import-text"), file: $("import-file"), run: $("import-run"), report: $("import-report") };
var importBytes = null;

function importReport(result) {
  var r = result.report;
  var s = r.summary;
  var lines = [el("p", { text: "Imported " + s.servers + " servers in " + s.sites + " sites, " + s.namespaces + " namespaces, " + s.users + " users" +
    (r.collectedAt ? " (collected " + r.collectedAt + ")" : "") + ": " + s.guessed + " guessed, " + s.dropped + " dropped, " + s.problems + " problems, " +
    s.notCollected + " not collected." + (result.valid ? "" : " The topology does not validate; see the problems.") })];
  [["Guessed (check these)", r.guessed], ["Dropped", r.dropped], ["Problems (left out; what to do)", r.problems], ["Not collected", r.notCollected]].forEach(function (pair) {
    if (!pair[1].length) return;
    var list = el("ul", { class: "plain" });
    fillList(list, pair[1], function (e) { return [el("code", { text: e.code }), " ", e.message]; }, "");
    lines.push(el("h3", { text: pair[0] }), list);
  });
  var ns = el("ul", { class: "plain" });
  fillList(ns, r.namespaces, function (n) {
    return [el("code", { text: n.host }), " \u2192 " + n.servers.join(", ") + "; " + (n.internal ? "internal" : "not internal") + ", " + (n.external ? "external" : "not external") +
      ", certificate " + (n.certificate === undefined ? "unknown" : n.certificate ? "yes" : "no") + (n.olderServers ? "; also named by " + n.olderServers.join(", ") : "")];
  }, "No namespaces.");
  lines.push(el("h3", { text: "Namespaces to review" }), ns);
  importUi.report.replaceChildren.apply(importUi.report, lines);
}

async function runImport() {
  var body = importBytes || importUi.text.value;
  if (!body || (typeof body === "string" && !body.trim())) { say("Paste an inventory or choose its file first."); return; }
  importUi.run.disabled = true;
  try {
    var r = await fetch("/v1/import", { method: "POST", headers: { "Content-Type": "application/json" }, body: body });
    if (!r.ok) {
      var problem = await problemOf(r);
      importUi.report.replaceChildren(el("p", { class: "error", text: problem.map(function (i) { return i.message; }).join(" ") }));
      return;
    }
    var result = await r.json();
    importReport(result);
    state.presetId = null; state.presetTopology = null; state.presetText = ""; state.known = null;
    ui.preset.value = "";
    ui.presetInfo.textContent = "Imported from an inventory; review the namespaces and guesses listed above.";
    ui.format.value = "yaml";
    ui.topology.value = printTopology(result.topology, "yaml");
    ui.topology.dispatchEvent(new Event("input"));
    say("Inventory imported: " + result.report.summary.servers + " servers, " + result.report.summary.users + " users.");
  } finally {
    importUi.run.disabled = false;
  }
}

function takeFile(file) {
  if (!file) return;
  file.arrayBuffer().then(function (buf) {
    importBytes = new Uint8Array(buf);
    importUi.text.value = "";
    importUi.text.placeholder = file.name + " (" + buf.byteLength + " bytes) is ready; press Import.";
  });
}

importUi.run.addEventListener("click", runImport);
importUi.text.addEventListener("input", function () { importBytes = null; });
importUi.file.addEventListener("change", function () { takeFile(importUi.file.files[0]); });
importUi.text.addEventListener("dragover", function (e) { e.preventDefault(); });
importUi.text.addEventListener("drop", function (e) { e.preventDefault(); takeFile(e.dataTransfer && e.dataTransfer.files[0]); });
`;
