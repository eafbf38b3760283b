/**
 * The HTML of the playground's two panels under the editor: Import (paste, choose or drop the JSON
 * file Collect-ExflowInventory.ps1 wrote; client/import-view.ts sends it to POST /v1/import) and
 * Save / Load of saved topologies (client/saved.ts); and Observed, which reads HttpProxy logs in the
 * page (client/observe.ts).
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

export const OBSERVE_HTML = `<details id="observe-panel">
<summary>Observed: read Exchange HttpProxy logs (in this browser)</summary>
<p class="hint">Choose or drop <code>HttpProxy_*.LOG</code> files from <code>Logging\\HttpProxy\\&lt;protocol&gt;</code> on a front end. They are read here, in the page: user names and client addresses never leave this machine. Only the designed flows of users the topology already names are asked from this server, to compare with.</p>
<div class="fields"><div><label for="observe-file">HttpProxy log files (choose, or drop them on this field)</label><input type="file" id="observe-file" multiple accept=".log,.LOG,text/plain"></div>
<div><label><input type="checkbox" id="observe-anonymize"> Anonymize users and client addresses</label></div></div>
<div id="observe-report" role="status" aria-live="polite"></div>
<figure id="observe-figure" hidden><img id="observe-diagram" alt=""><figcaption id="observe-caption"></figcaption><ul id="observe-steps"></ul></figure>
</details>`;
