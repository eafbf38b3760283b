/**
 * The playground's browser script, served as /playground.js (CSP `script-src 'self'`). Plain
 * modern JavaScript kept as text: no framework, no npm package, no template literals or dollar-brace
 * inside (it sits in String.raw). The DOM is built with textContent only; the diagram is shown as
 * an <img> of a blob: URL, never inlined, so nothing from a response can run in the page.
 *
 * What it does: topology text (YAML or JSON) + scenario controls + the Sequence / Map view (sent as
 * `options.view`) -> POST /v1/flow (json, svg, mmd in parallel) and POST /v1/audit, debounced,
 * stale requests aborted; the view is kept in the URL hash (`#preset=...&user=...&view=map` for an
 * unedited preset, else `#r=` + the request document deflated and base64url-encoded, the same
 * encoding as GET /v1/flow/{format}/{encoded}).
 */
import { AUDIT_JS } from "./audit-view.ts";
import { DOCUMENT_JS } from "./document.ts";
import { DOM_JS } from "./dom.ts";
import { SAVED_JS } from "./saved.ts";
import { SESSION_JS } from "./session.ts";
import { YAML_JS } from "./yaml.ts";

const MAIN_JS = String.raw`
var DEBOUNCE_MS = 300;

var ui = {
  preset: $("preset"), format: $("format"), presetInfo: $("preset-info"), topology: $("topology"), errors: $("error-list"),
  errorBox: $("errors"), example: $("example"), user: $("user"), protocol: $("protocol"), client: $("client"), host: $("host"),
  hosts: $("hosts"), profile: $("profile"), theme: $("theme"), background: $("background"), result: $("result"),
  outcome: $("outcome"), diagram: $("diagram"), caption: $("caption"), steps: $("steps-body"), participants: $("participant-list"),
  notes: $("note-list"), diagnostics: $("diagnostic-list"), audit: $("audit"), auditSummary: $("audit-summary"),
  auditDiagnostics: $("audit-diagnostic-list"), status: $("status"), live: $("link-live-open"),
  download: $("download-svg"), zoom: $("zoom"), diagramBox: $("diagram-box"),
  views: Array.from(document.querySelectorAll("input[name=view]")),
  share: { svg: $("link-svg"), md: $("link-md"), curl: $("link-curl"), mmd: $("link-mmd"), live: $("link-live") }
};

var state = {
  presetId: null, presetTopology: null, presetText: "", known: null,
  users: [], examples: {}, flowCtl: null, auditCtl: null, auditKey: "", flowTimer: 0, auditTimer: 0, blobUrl: null
};

function say(text) { ui.status.textContent = ""; ui.status.textContent = text; }

function printTopology(topology, format) {
  return format === "json" ? JSON.stringify(topology, null, 2) + "\n" : toYaml(topology);
}

// ---- the request document -----------------------------------------------------------------
// An unedited preset is sent as { preset }. Edited text is sent as written, wrapped textually so
// the core's line numbers still point into the editor: the topology always starts on line 2.

function scenario() {
  var s = { user: ui.user.value, protocol: ui.protocol.value, client: ui.client.value };
  var host = ui.host.value.trim();
  if (host) s.host = host;
  return s;
}

function currentView() {
  var checked = ui.views.find(function (r) { return r.checked; });
  return checked ? checked.value : "sequence";
}

function setView(view) {
  var wanted = ui.views.some(function (r) { return r.value === view; }) ? view : "sequence";
  ui.views.forEach(function (r) { r.checked = r.value === wanted; });
}

// The view goes into the request's options only when it is not the default, so sequence links
// stay what they were; with view "map" every answer (image, Mermaid, links) is the map.
function options(forAudit) {
  var o = { profile: ui.profile.value };
  if (forAudit) return o;
  o.theme = ui.theme.value;
  var bg = ui.background.value.trim();
  if (bg) o.background = bg;
  if (currentView() !== "sequence") o.view = currentView();
  return o;
}

function requestDoc(forAudit) {
  var text = ui.topology.value;
  var extra = forAudit ? { options: options(true) } : { scenario: scenario(), options: options(false) };
  return wrapDoc(text, extra, state.presetId && text === state.presetText ? state.presetId : null);
}

// ---- errors -------------------------------------------------------------------------------

function selectLine(line) {
  var lines = ui.topology.value.split("\n");
  var start = 0;
  for (var i = 0; i < line - 1 && i < lines.length; i++) start += lines[i].length + 1;
  ui.topology.focus();
  ui.topology.setSelectionRange(start, start + (lines[line - 1] || "").length);
}

function showErrors(issues, mode) {
  ui.errors.replaceChildren();
  ui.errorBox.hidden = issues.length === 0;
  ui.topology.setAttribute("aria-invalid", issues.some(function (i) { return (i.path || [])[0] !== "scenario" && (i.path || [])[0] !== "options"; }) ? "true" : "false");
  ui.result.classList.toggle("stale", issues.length > 0);
  issues.forEach(function (issue) {
    var path = formatPath(issue.path);
    var message = editorPosition(String(issue.message || ""), mode, ui.topology.value.split("\n").length);
    if (path && message.indexOf(path + ": ") === 0) message = message.slice(path.length + 2);
    var item = el("li", { "data-code": issue.code || "" }, [
      el("code", { class: "path", text: path || "(document)" }), " ", message
    ]);
    var m = /^line (\d+)/.exec(message);
    if (m) item.append(" ", el("button", { type: "button", class: "link", text: "Go to line " + m[1], onclick: function () { selectLine(Number(m[1])); } }));
    ui.errors.append(item);
  });
}

async function problemOf(response) {
  try {
    var p = await response.json();
    if (p && Array.isArray(p.errors) && p.errors.length) return p.errors;
    return [{ code: "HTTP", message: (p && (p.detail || p.title)) || response.statusText, path: [] }];
  } catch (e) {
    return [{ code: "HTTP", message: "HTTP " + response.status + " " + response.statusText, path: [] }];
  }
}

// ---- the flow -----------------------------------------------------------------------------

function scheduleFlow(delay) {
  clearTimeout(state.flowTimer);
  state.flowTimer = setTimeout(updateFlow, delay);
}

async function updateFlow() {
  if (state.flowCtl) state.flowCtl.abort();
  var ctl = state.flowCtl = new AbortController();
  var doc = requestDoc(false);
  var view = currentView();
  if (!doc) { showErrors([{ code: "REQUIRED", message: "the topology is empty; choose a preset or paste one", path: ["topology"] }]); return; }
  ui.result.setAttribute("aria-busy", "true");
  function post(format) {
    return fetch("/v1/flow?format=" + format, { method: "POST", headers: { "Content-Type": doc.type }, body: doc.text, signal: ctl.signal });
  }
  try {
    var pending = [post("json"), post("svg"), post("mmd")];
    pending.forEach(function (p) { p.catch(function () { /* aborted or failed: handled where awaited */ }); });
    var first = await pending[0];
    if (!first.ok) {
      // The JSON answer carries the problems; the image and text requests have nothing to add
      // (abort them only once this body is read: the same signal would cancel it).
      var issues = await problemOf(first);
      ctl.abort();
      if (ctl === state.flowCtl) showErrors(issues, doc.mode);
      return;
    }
    var rest = await Promise.all(pending.slice(1));
    var failed = rest.find(function (r) { return !r.ok; });
    if (failed) {
      var more = await problemOf(failed);
      if (ctl === state.flowCtl) showErrors(more, doc.mode);
      return;
    }
    var body = await first.json();
    var svg = await rest[0].blob();
    var mmd = await rest[1].text();
    if (ctl !== state.flowCtl) return;
    showErrors([], doc.mode);
    await render(body.flow, body.links || {}, svg, mmd, doc, view);
    if (ctl !== state.flowCtl) return;
    await saveHash(doc);
    learnTopology(doc, body.links || {});
  } catch (e) {
    if (e && e.name === "AbortError") return;
    if (ctl === state.flowCtl) showErrors([{ code: "NETWORK", message: "request failed: " + (e && e.message), path: [] }]);
  } finally {
    if (ctl === state.flowCtl) ui.result.removeAttribute("aria-busy");
  }
}

function participantLabel(flow, id) {
  var p = flow.participants.find(function (x) { return x.id === id; });
  return p ? p.label : id;
}

async function render(flow, links, svg, mmd, doc, view) {
  var url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
  var loaded = new Promise(function (resolve) { ui.diagram.onload = ui.diagram.onerror = resolve; });
  ui.diagram.src = url;
  await loaded;
  if (state.blobUrl) URL.revokeObjectURL(state.blobUrl);
  state.blobUrl = url;
  var s = flow.scenario;
  var title = s.user + ", " + s.protocol + ", " + s.client + (s.host ? " client at " + s.host : " client");
  var map = view === "map";
  ui.diagram.alt = (map ? "Site map: " : "Sequence diagram: ") + title + " (" + flow.outcome + ", " + flow.steps.filter(function (x) { return x.n !== null; }).length + " numbered steps; listed in the table below)";
  ui.caption.textContent = title + ", profile " + s.profile;
  ui.download.href = url;
  ui.download.download = "exflow-" + [s.user, s.protocol, s.client].join("-").replace(/[^\w.-]+/g, "_") + (map ? ".map" : "") + ".svg";
  ui.outcome.textContent = flow.outcome;
  ui.outcome.className = "badge outcome-" + flow.outcome;

  ui.steps.replaceChildren.apply(ui.steps, flow.steps.map(function (step) {
    return el("tr", { class: step.fails ? "fails" : step.n === null ? "annotation" : "" }, [
      el("td", { class: "num", text: step.n === null ? "\u2013" : step.n }),
      el("td", { class: "hop" }, [el("span", { title: participantLabel(flow, step.from), text: step.from }), " \u2192 ", el("span", { title: participantLabel(flow, step.to), text: step.to })]),
      el("td", { text: step.kind + (step.fails ? " (fails)" : "") }),
      el("td", { class: "url" }, [step.url ? el("code", { text: step.url }) : ""]),
      el("td", { text: step.text }),
      el("td", { class: "rule" }, [el("code", { text: step.rule })])
    ]);
  }));
  ui.participants.replaceChildren.apply(ui.participants, flow.participants.map(function (p) {
    return el("li", {}, [el("code", { text: p.id }), " ", p.label]);
  }));
  fillList(ui.notes, flow.notes, function (n) { return [el("span", { class: "tag", text: n.kind }), " ", n.rule ? el("code", { text: n.rule }) : "", n.rule ? " " : "", n.text]; }, "No notes.");
  fillList(ui.diagnostics, flow.diagnostics, diagnosticItem, "No diagnostics for this flow.");

  var svgUrl = links.svg || "";
  var origin = location.origin;
  var alt = ("exflow: " + title + " (" + flow.outcome + ")").replace(/[\[\]\\]/g, "");
  var markdown = (svgUrl ? "![" + alt + "](" + svgUrl + ")\n\n" : "") + "\u0060\u0060\u0060mermaid\n" + mmd.replace(/\s+$/, "") + "\n\u0060\u0060\u0060\n";
  var curl = "curl -sS '" + origin + "/v1/flow?format=svg' -H 'Content-Type: " + doc.type + "' --data-binary @- -o flow.svg <<'EXFLOW_REQUEST'\n" + doc.text.replace(/\s+$/, "") + "\nEXFLOW_REQUEST\n";
  ui.share.svg.value = svgUrl || "(the request is too long for a GET URL; use the curl command)";
  ui.share.md.value = markdown;
  ui.share.curl.value = curl;
  ui.share.mmd.value = mmd;
  ui.share.live.value = links.mermaidLive || "";
  ui.live.href = links.mermaidLive || "#";
  markAuditCell(ui.audit, ui.user.value, ui.protocol.value, ui.client.value);
}

// ---- the topology's users and host names ----------------------------------------------------
// Known at once for presets and JSON text; for YAML the server parses it and the JSON link of a
// successful answer (the same request, deflated) or the audit's rows bring the users back.

function applyTopology(topology) {
  if (!topology || !Array.isArray(topology.users)) return;
  setUsers(topology.users.map(function (u) { return u && u.name; }).filter(Boolean));
  var hosts = (topology.namespaces || []).map(function (n) { return n && n.host; }).filter(Boolean);
  ui.hosts.replaceChildren.apply(ui.hosts, hosts.map(function (h) { return el("option", { value: h }); }));
}

function setUsers(users) {
  var same = users.length === state.users.length && users.every(function (u, i) { return u === state.users[i]; });
  if (same && ui.user.value) return false;
  state.users = users;
  var before = ui.user.value;
  setOptions(ui.user, users);
  if (users.indexOf(before) < 0 && users.length) ui.user.value = users[0];
  return ui.user.value !== before;
}

function localTopology() {
  var text = ui.topology.value;
  if (state.presetId && text === state.presetText) return state.presetTopology;
  if (state.known && state.known.text === text) return state.known.topology;
  if (isJsonText(text)) { try { return JSON.parse(text); } catch (e) { return null; } }
  return null;
}

async function learnTopology(doc, links) {
  if (doc.mode !== "yaml" || !links.json) return;
  var text = ui.topology.value;
  try {
    var sent = JSON.parse(await inflate(unbase64url(links.json.slice(links.json.lastIndexOf("/") + 1))));
    if (ui.topology.value !== text) return;
    state.known = { text: text, topology: sent.topology };
    applyTopology(sent.topology);
  } catch (e) { /* the links are a convenience; the audit brings the users too */ }
}

// ---- the audit matrix ---------------------------------------------------------------------

function scheduleAudit(delay) {
  clearTimeout(state.auditTimer);
  state.auditTimer = setTimeout(updateAudit, delay);
}

async function updateAudit() {
  var doc = requestDoc(true);
  if (!doc || doc.text === state.auditKey) return;
  if (state.auditCtl) state.auditCtl.abort();
  var ctl = state.auditCtl = new AbortController();
  ui.audit.setAttribute("aria-busy", "true");
  try {
    var r = await fetch("/v1/audit?format=json", { method: "POST", headers: { "Content-Type": doc.type }, body: doc.text, signal: ctl.signal });
    if (!r.ok) {
      if (ctl === state.auditCtl) { ui.audit.classList.add("stale"); ui.auditSummary.textContent = "The audit needs a valid topology; see the problems listed under the editor."; }
      return;
    }
    var audit = await r.json();
    if (ctl !== state.auditCtl) return;
    state.auditKey = doc.text;
    renderAudit(ui.audit, audit, openCell);
    markAuditCell(ui.audit, ui.user.value, ui.protocol.value, ui.client.value);
    var by = audit.summary.byOutcome;
    ui.auditSummary.textContent = audit.summary.flows + " flows for " + audit.summary.users + " users: " +
      Object.keys(by).filter(function (k) { return by[k] > 0; }).map(function (k) { return by[k] + " " + k; }).join(", ") + ".";
    fillList(ui.auditDiagnostics, audit.diagnostics, diagnosticItem, "No topology-wide diagnostics.");
    var users = [];
    audit.rows.forEach(function (row) { if (users.indexOf(row.user) < 0) users.push(row.user); });
    if (setUsers(users)) scheduleFlow(0);
  } catch (e) {
    if (!(e && e.name === "AbortError") && ctl === state.auditCtl) ui.auditSummary.textContent = "The audit could not be loaded: " + (e && e.message);
  } finally {
    if (ctl === state.auditCtl) ui.audit.removeAttribute("aria-busy");
  }
}

function openCell(row) {
  ui.example.value = "";
  ui.user.value = row.user;
  ui.protocol.value = row.protocol;
  ui.client.value = row.client;
  ui.host.value = "";
  say("Opened " + row.user + ", " + row.protocol + ", " + row.client + " client");
  scheduleFlow(0);
  ui.result.scrollIntoView({ block: "start" });
}

// ---- wiring ---------------------------------------------------------------------------------

ui.topology.addEventListener("input", function () {
  var topology = localTopology();
  if (topology) applyTopology(topology);
  refresh(DEBOUNCE_MS);
});
ui.preset.addEventListener("change", function () { if (ui.preset.value) loadPreset(ui.preset.value); });
ui.format.addEventListener("change", function () {
  var text = ui.topology.value;
  var topology = localTopology();
  if (!topology) {
    ui.format.value = isJsonText(text) ? "json" : "yaml";
    say("The topology has errors or is still being checked; it can be converted once it is valid.");
    return;
  }
  var printed = printTopology(topology, ui.format.value);
  if (state.presetId && text === state.presetText) state.presetText = printed;
  state.known = { text: printed, topology: topology };
  ui.topology.value = printed;
  refresh(0);
});
ui.example.addEventListener("change", function () {
  var entry = state.examples[ui.example.value];
  if (entry) { applyScenario(entry.scenario); scheduleFlow(0); }
});
[ui.user, ui.protocol, ui.client, ui.theme].forEach(function (c) { c.addEventListener("change", function () { scheduleFlow(0); }); });
[ui.user, ui.protocol, ui.client, ui.host].forEach(function (c) { c.addEventListener("input", function () { ui.example.value = ""; }); });
ui.profile.addEventListener("change", function () { refresh(0); });
[ui.host, ui.background].forEach(function (c) { c.addEventListener("input", function () { scheduleFlow(DEBOUNCE_MS); }); });
ui.views.forEach(function (r) { r.addEventListener("change", function () { if (r.checked) { say((r.value === "map" ? "Map" : "Sequence") + " view"); scheduleFlow(0); } }); });
$("scenario-form").addEventListener("submit", function (e) { e.preventDefault(); scheduleFlow(0); });
document.querySelectorAll("button[data-copy]").forEach(function (b) { b.addEventListener("click", function () { copy(b); }); });
ui.zoom.addEventListener("click", function () {
  var actual = ui.zoom.getAttribute("aria-pressed") !== "true";
  ui.zoom.setAttribute("aria-pressed", String(actual));
  ui.diagramBox.classList.toggle("fit", !actual);
});
window.addEventListener("hashchange", restore);

restore();
`;

/** The whole script: printer, documents, DOM helpers, audit view, then the page logic, in one strict-mode scope. */
export const SCRIPT_JS = `(() => {\n"use strict";\n${[YAML_JS, DOCUMENT_JS, DOM_JS, AUDIT_JS, SESSION_JS, MAIN_JS, SAVED_JS].join("\n")}\n})();\n`;
