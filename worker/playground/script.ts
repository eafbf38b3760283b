/**
 * The playground's browser script, served as /playground.js (CSP `script-src 'self'`). Plain
 * modern JavaScript kept as text: no framework, no npm package, no template literals or dollar-brace
 * inside (it sits in String.raw). The DOM is built with textContent only; the diagram is shown as
 * an <img> of a blob: URL, never inlined, so nothing from a response can run in the page.
 *
 * What it does: topology text (YAML or JSON) + scenario controls -> POST /v1/flow (json, svg, mmd
 * in parallel) and POST /v1/audit, debounced, stale requests aborted; the view is kept in the URL
 * hash (`#preset=...&user=...` for an unedited preset, else `#r=` + the request document deflated
 * and base64url-encoded, the same encoding as GET /v1/flow/{format}/{encoded}).
 */
import { YAML_JS } from "./yaml.ts";

const MAIN_JS = String.raw`
var $ = function (id) { return document.getElementById(id); };
var DEBOUNCE_MS = 300;
var OUTCOME_LETTER = { proxy: "P", redirect: "R", "silent-redirect": "S", "autodiscover-referral": "A", direct: "D", fail: "\u2717", "n/a": "\u2013" };

var ui = {
  preset: $("preset"), format: $("format"), presetInfo: $("preset-info"), topology: $("topology"), errors: $("error-list"),
  errorBox: $("errors"), example: $("example"), user: $("user"), protocol: $("protocol"), client: $("client"), host: $("host"),
  hosts: $("hosts"), profile: $("profile"), theme: $("theme"), background: $("background"), result: $("result"),
  outcome: $("outcome"), diagram: $("diagram"), caption: $("caption"), steps: $("steps-body"), participants: $("participant-list"),
  notes: $("note-list"), diagnostics: $("diagnostic-list"), audit: $("audit"), auditSummary: $("audit-summary"),
  auditDiagnostics: $("audit-diagnostic-list"), status: $("status"), live: $("link-live-open"),
  share: { svg: $("link-svg"), md: $("link-md"), curl: $("link-curl"), mmd: $("link-mmd"), live: $("link-live") }
};

var state = {
  presetId: null, presetTopology: null, presetText: "", known: null,
  users: [], examples: {}, flowCtl: null, auditCtl: null, auditKey: "", flowTimer: 0, auditTimer: 0, blobUrl: null, restoring: false
};

// ---- small helpers ------------------------------------------------------------------------

function el(tag, attrs, children) {
  var node = document.createElement(tag);
  Object.keys(attrs || {}).forEach(function (k) {
    var v = attrs[k];
    if (v === undefined || v === null || v === false) return;
    if (k === "text") node.textContent = String(v);
    else if (k === "class") node.className = v;
    else if (k === "onclick") node.addEventListener("click", v);
    else node.setAttribute(k, v === true ? "" : String(v));
  });
  (children || []).forEach(function (c) { node.append(c instanceof Node ? c : document.createTextNode(String(c))); });
  return node;
}

function say(text) { ui.status.textContent = ""; ui.status.textContent = text; }

function formatPath(path) {
  return (path || []).reduce(function (s, p) { return typeof p === "number" ? s + "[" + p + "]" : s ? s + "." + p : String(p); }, "");
}

function setOptions(select, values, labels) {
  var keep = select.value;
  select.replaceChildren.apply(select, values.map(function (v, i) { return el("option", { value: v, text: labels ? labels[i] : v }); }));
  if (values.indexOf(keep) >= 0) select.value = keep;
}

function printTopology(topology, format) {
  return format === "json" ? JSON.stringify(topology, null, 2) + "\n" : toYaml(topology);
}

function isJsonText(text) { return text.trimStart().charAt(0) === "{"; }

// ---- encoding (the API's: deflate + base64url) --------------------------------------------

async function deflate(text) {
  var stream = new Blob([text]).stream().pipeThrough(new CompressionStream("deflate"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

async function inflate(bytes) {
  var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate"));
  return new Response(stream).text();
}

function base64url(bytes) {
  var bin = "";
  for (var i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function unbase64url(text) {
  var s = text.replace(/-/g, "+").replace(/_/g, "/");
  var bin = atob(s + "=".repeat((4 - (s.length % 4)) % 4));
  return Uint8Array.from(bin, function (c) { return c.charCodeAt(0); });
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

function options(forAudit) {
  var o = { profile: ui.profile.value };
  if (forAudit) return o;
  o.theme = ui.theme.value;
  var bg = ui.background.value.trim();
  if (bg) o.background = bg;
  return o;
}

function requestDoc(forAudit) {
  var text = ui.topology.value;
  var extra = forAudit ? { options: options(true) } : { scenario: scenario(), options: options(false) };
  if (state.presetId && text === state.presetText) {
    return { type: "application/json", text: JSON.stringify(Object.assign({ preset: state.presetId }, extra)), mode: "preset" };
  }
  if (text.trim() === "") return null;
  if (isJsonText(text)) {
    return { type: "application/json", text: "{\"topology\":\n" + text.replace(/\s+$/, "") + "\n," + JSON.stringify(extra).slice(1), mode: "json" };
  }
  var lines = text.replace(/\s+$/, "").split("\n");
  if (/^---\s*$/.test(lines[0] || "")) lines[0] = "";
  var body = lines.map(function (l) { return l.trim() === "" ? "" : "  " + l; }).join("\n");
  var tail = Object.keys(extra).map(function (k) { return k + ": " + JSON.stringify(extra[k]); }).join("\n");
  return { type: "application/yaml", text: "topology:\n" + body + "\n" + tail + "\n", mode: "yaml" };
}

/** Inverse of requestDoc for a restored #r= hash: { text, doc } with the editor text as written. */
function unwrapDoc(text) {
  var lines = text.split("\n");
  if (lines[0] === "{\"topology\":" && lines.length >= 3) {
    var doc = JSON.parse(text);
    return { text: lines.slice(1, -1).join("\n") + "\n", doc: doc };
  }
  if (lines[0] === "topology:") {
    while (lines.length && lines[lines.length - 1] === "") lines.pop();
    var tail = {};
    while (lines.length > 1 && /^(scenario|options): \{/.test(lines[lines.length - 1])) {
      var line = lines.pop();
      var at = line.indexOf(": ");
      tail[line.slice(0, at)] = JSON.parse(line.slice(at + 2));
    }
    var body = lines.slice(1).map(function (l) { return l.slice(0, 2) === "  " ? l.slice(2) : l; }).join("\n") + "\n";
    return { text: body, doc: Object.assign({ topology: null }, tail) };
  }
  var parsed = JSON.parse(text);
  return { text: parsed.topology ? printTopology(parsed.topology, ui.format.value) : "", doc: parsed };
}

// ---- errors -------------------------------------------------------------------------------

/** "line N, column M" of the wrapped document -> the editor's line and column. */
function editorPosition(message, mode) {
  return message.replace(/line (\d+), column (\d+)/, function (_, line, col) {
    var count = ui.topology.value.split("\n").length;
    var l = Math.min(Math.max(Number(line) - 1, 1), count);
    var c = mode === "yaml" ? Math.max(Number(col) - 2, 1) : Number(col);
    return "line " + l + ", column " + c;
  });
}

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
    var message = editorPosition(String(issue.message || ""), mode);
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
  if (!doc) { showErrors([{ code: "REQUIRED", message: "the topology is empty; choose a preset or paste one", path: ["topology"] }]); return; }
  ui.result.setAttribute("aria-busy", "true");
  function post(format) {
    return fetch("/v1/flow?format=" + format, { method: "POST", headers: { "Content-Type": doc.type }, body: doc.text, signal: ctl.signal });
  }
  try {
    var responses = await Promise.all([post("json"), post("svg"), post("mmd")]);
    var failed = responses.find(function (r) { return !r.ok; });
    if (failed) {
      var issues = await problemOf(responses[0].ok ? failed : responses[0]);
      if (ctl !== state.flowCtl) return;
      showErrors(issues, doc.mode);
      return;
    }
    var body = await responses[0].json();
    var svg = await responses[1].blob();
    var mmd = await responses[2].text();
    if (ctl !== state.flowCtl) return;
    showErrors([], doc.mode);
    await render(body.flow, body.links || {}, svg, mmd, doc);
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

async function render(flow, links, svg, mmd, doc) {
  var url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
  var loaded = new Promise(function (resolve) { ui.diagram.onload = ui.diagram.onerror = resolve; });
  ui.diagram.src = url;
  await loaded;
  if (state.blobUrl) URL.revokeObjectURL(state.blobUrl);
  state.blobUrl = url;
  var s = flow.scenario;
  var title = s.user + ", " + s.protocol + ", " + s.client + (s.host ? " client at " + s.host : " client");
  ui.diagram.alt = "Sequence diagram: " + title + " (" + flow.outcome + ", " + flow.steps.filter(function (x) { return x.n !== null; }).length + " numbered steps; listed in the table below)";
  ui.caption.textContent = title + ", profile " + s.profile;
  ui.outcome.textContent = flow.outcome;
  ui.outcome.className = "badge outcome-" + flow.outcome;

  ui.steps.replaceChildren.apply(ui.steps, flow.steps.map(function (step) {
    return el("tr", { class: step.fails ? "fails" : step.n === null ? "annotation" : "" }, [
      el("td", { class: "num", text: step.n === null ? "\u2013" : step.n }),
      el("td", {}, [el("span", { title: participantLabel(flow, step.from), text: step.from }), " \u2192 ", el("span", { title: participantLabel(flow, step.to), text: step.to })]),
      el("td", { text: step.kind + (step.fails ? " (fails)" : "") }),
      el("td", { class: "url" }, [step.url ? el("code", { text: step.url }) : ""]),
      el("td", { text: step.text }),
      el("td", {}, [el("code", { text: step.rule })])
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
  markAuditCell();
}

function diagnosticItem(d) {
  return [el("span", { class: "tag severity-" + d.severity, text: d.severity }), " ", el("code", { text: d.code }), " ", d.message,
    d.path && d.path.length ? el("span", { class: "where" }, [" at ", el("code", { text: formatPath(d.path) })]) : ""];
}

function fillList(list, items, render, empty) {
  list.replaceChildren.apply(list, items.length ? items.map(function (x) { return el("li", {}, render(x)); }) : [el("li", { class: "none", text: empty })]);
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
    renderAudit(audit);
    var users = [];
    audit.rows.forEach(function (row) { if (users.indexOf(row.user) < 0) users.push(row.user); });
    if (setUsers(users)) scheduleFlow(0);
  } catch (e) {
    if (!(e && e.name === "AbortError") && ctl === state.auditCtl) ui.auditSummary.textContent = "The audit could not be loaded: " + (e && e.message);
  } finally {
    if (ctl === state.auditCtl) ui.audit.removeAttribute("aria-busy");
  }
}

function renderAudit(audit) {
  ui.audit.classList.remove("stale");
  var protocols = [];
  var users = [];
  var cells = {};
  audit.rows.forEach(function (row) {
    if (protocols.indexOf(row.protocol) < 0) protocols.push(row.protocol);
    if (!users.some(function (u) { return u.user === row.user; })) users.push(row);
    cells[row.user + "|" + row.protocol + "|" + row.client] = row;
  });
  var head1 = el("tr", {}, [el("th", { scope: "col", rowspan: 2, text: "User (mailbox)" })].concat(protocols.map(function (p) {
    return el("th", { scope: "colgroup", colspan: 2, text: p });
  })));
  var head2 = el("tr", {}, [].concat.apply([], protocols.map(function () {
    return [el("th", { scope: "col", class: "loc", title: "internal client", text: "int" }), el("th", { scope: "col", class: "loc", title: "external client", text: "ext" })];
  })));
  var body = users.map(function (u) {
    var who = el("th", { scope: "row" }, [u.user, el("span", { class: "sub", text: u.mailbox + (u.version ? " (" + u.version + ")" : "") })]);
    return el("tr", {}, [who].concat([].concat.apply([], protocols.map(function (p) {
      return ["internal", "external"].map(function (c) { return auditCell(cells[u.user + "|" + p + "|" + c]); });
    }))));
  });
  var table = el("table", { class: "matrix" }, [
    el("caption", { text: "Outcome per user, protocol and client location; choose a cell to open its flow." }),
    el("thead", {}, [head1, head2]), el("tbody", {}, body)
  ]);
  ui.audit.replaceChildren(table);
  var by = audit.summary.byOutcome;
  ui.auditSummary.textContent = audit.summary.flows + " flows for " + audit.summary.users + " users: " +
    Object.keys(by).filter(function (k) { return by[k] > 0; }).map(function (k) { return by[k] + " " + k; }).join(", ") + ".";
  fillList(ui.auditDiagnostics, audit.diagnostics, diagnosticItem, "No topology-wide diagnostics.");
  markAuditCell();
}

function auditCell(row) {
  if (!row) return el("td", { class: "cell-missing" });
  var label = row.user + ", " + row.protocol + ", " + row.client + ": " + row.outcome;
  var detail = row.note || (row.rules.join(", ") + (row.host ? " via " + row.host : "") + (row.diagnostics.length ? "; diagnostics " + row.diagnostics.join(", ") : ""));
  if (row.outcome === "n/a") return el("td", { class: "outcome-na", title: label + ": " + detail, text: OUTCOME_LETTER["n/a"] });
  var button = el("button", {
    type: "button", class: "cell outcome-" + row.outcome, "aria-label": label, title: label + (detail ? " (" + detail + ")" : ""),
    "data-user": row.user, "data-protocol": row.protocol, "data-client": row.client, text: OUTCOME_LETTER[row.outcome] || "?",
    onclick: function () { openCell(row); }
  });
  return el("td", { class: row.diagnostics.length ? "has-diagnostics" : "" }, [button]);
}

function openCell(row) {
  ui.user.value = row.user;
  ui.protocol.value = row.protocol;
  ui.client.value = row.client;
  ui.host.value = "";
  say("Opened " + row.user + ", " + row.protocol + ", " + row.client + " client");
  scheduleFlow(0);
  ui.result.scrollIntoView({ block: "start" });
}

function markAuditCell() {
  ui.audit.querySelectorAll("button.cell[aria-current]").forEach(function (b) { b.removeAttribute("aria-current"); });
  ui.audit.querySelectorAll("button.cell").forEach(function (b) {
    if (b.dataset.user === ui.user.value && b.dataset.protocol === ui.protocol.value && b.dataset.client === ui.client.value) b.setAttribute("aria-current", "true");
  });
}

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
  var names = Object.keys(preset.scenarios || {});
  ui.example.replaceChildren.apply(ui.example, [el("option", { value: "", text: "Choose an example\u2026" })].concat(names.map(function (n) {
    return el("option", { value: n, text: preset.scenarios[n].title || n });
  })));
  state.examples = preset.scenarios || {};
  applyTopology(preset.topology);
  var first = names.length ? preset.scenarios[names[0]].scenario : null;
  applyScenario(scenarioFromHash || first || {});
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
      state.presetId = doc.preset || null;
      if (doc.preset) return loadPreset(doc.preset, doc.scenario).then(function () { applyScenario(doc.scenario || {}, doc.options); refresh(0); });
      state.presetText = "";
      ui.preset.value = "";
      ui.presetInfo.textContent = "Restored from the link.";
      ui.topology.value = restored.text;
      applyTopology(doc.topology || localTopology());
      var wanted = doc.scenario && doc.scenario.user;
      if (wanted && state.users.indexOf(wanted) < 0) setOptions(ui.user, state.users.concat([wanted]));
      applyScenario(doc.scenario || {}, doc.options);
      if (wanted) ui.user.value = wanted;
      return refresh(0);
    }
    var id = params.get("preset") || ui.preset.value || "o365info";
    var s = params.get("preset") ? { user: params.get("user"), protocol: params.get("protocol"), client: params.get("client"), host: params.get("host") || "" } : null;
    await loadPreset(id, s);
    if (s) { applyScenario(s, { profile: params.get("profile"), theme: params.get("theme"), background: params.get("background") || "" }); refresh(0); }
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
ui.profile.addEventListener("change", function () { refresh(0); });
[ui.host, ui.background].forEach(function (c) { c.addEventListener("input", function () { scheduleFlow(DEBOUNCE_MS); }); });
$("scenario-form").addEventListener("submit", function (e) { e.preventDefault(); scheduleFlow(0); });
document.querySelectorAll("button[data-copy]").forEach(function (b) { b.addEventListener("click", function () { copy(b); }); });
window.addEventListener("hashchange", restore);

restore();
`;

/** The whole script: the YAML printer, then the page logic, in one strict-mode function scope. */
export const SCRIPT_JS = `(() => {\n"use strict";\n${YAML_JS}\n${MAIN_JS}\n})();\n`;
