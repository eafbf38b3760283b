/**
 * The playground's HTML, rendered at build time into the static index.html (playground/build.ts):
 * the form controls come from the core's own lists (protocols, client locations, profiles,
 * presets) and the renderer's themes and views, so the page never offers a value the API would
 * reject. Everything dynamic is filled in by the script (client/main.ts). Every interpolated
 * value passes `esc` (the diagrams' XML escaping).
 */
import {
  CLIENT_APPS,
  CLIENTS,
  NAMED_COLORS,
  type OptionName,
  OPTIONS,
  type OptionSpec,
  PROFILES,
  PROTOCOLS,
  presets,
  SCENARIO_KINDS,
  VIEW_NAMES,
} from "../core/index.ts";
import { escapeXml as esc, THEMES } from "../diagrams/index.ts";
import { IMPORT_HTML, OBSERVE_HTML, SAVED_HTML } from "./panels.ts";

const option = (value: string, label = value, selected = false): string =>
  `<option value="${esc(value)}"${selected ? " selected" : ""}>${esc(label)}</option>`;

const VIEW_LABELS: Record<string, string> = { sequence: "Sequence", map: "Map" };

const CLIENT_LABELS: Record<string, string> = { internal: "Internal (inside the network)", external: "External (Internet)" };

/**
 * A select for every option the core's option table marks `playground` (notes, label, scale ...),
 * its default preselected; the script sends what differs from `data-default` (client/flow.ts).
 */
function optionSelects(): string {
  return (Object.keys(OPTIONS) as OptionName[])
    .filter((n) => OPTIONS[n].playground)
    .map((n) => {
      const spec: OptionSpec = OPTIONS[n];
      const values = (spec.values ?? []).map((v) => option(String(v), String(v), v === spec.default)).join("");
      const numeric = typeof spec.values?.[0] === "number" ? " data-number" : "";
      const label = n.charAt(0).toUpperCase() + n.slice(1);
      return (
        `<div><label for="option-${esc(n)}">${esc(label)}</label><select id="option-${esc(n)}" data-option="${esc(n)}"` +
        ` data-default="${esc(String(spec.default ?? ""))}"${numeric} title="${esc(spec.help)}">${values}</select></div>`
      );
    })
    .join("");
}

const KIND_LABELS: Record<string, string> = {
  client: "Client request (the protocol above)",
  "free-busy": "Free/busy lookup of the target's calendar",
  "mailbox-move": "Mailbox move (hybrid MRS)",
  smtp: "SMTP message to the target",
};

const APP_LABELS: Record<string, string> = {
  outlook: "Outlook for Windows",
  "outlook-direct-connect": "Outlook with Direct Connect (Click-to-Run)",
  "outlook-mobile": "Outlook for iOS and Android",
  eas: "ActiveSync client that follows HTTP 451",
  "eas-no-451": "ActiveSync client that cannot follow HTTP 451",
};

export interface PageAssets {
  script: string;
  style: string;
}

function copyItem(id: string, label: string, what: string, multiline: boolean): string {
  const field = multiline
    ? `<textarea id="${id}" readonly rows="6" spellcheck="false"></textarea>`
    : `<input type="text" id="${id}" readonly spellcheck="false">`;
  return (
    `<div class="item"><div class="head"><label for="${id}">${esc(label)}</label>` +
    `<button type="button" data-copy="${id}" data-what="${esc(what)}" aria-label="Copy ${esc(what)}">Copy</button></div>${field}</div>`
  );
}

export function renderPage(assets: PageAssets): string {
  const presetOptions = Object.values(presets)
    .map((p, i) => option(p.id, p.id, i === 0))
    .join("");
  const protocolOptions = PROTOCOLS.map((p) => option(p)).join("");
  const clientOptions = CLIENTS.map((c) => option(c, CLIENT_LABELS[c] ?? c)).join("");
  const kindOptions = SCENARIO_KINDS.map((k, i) => option(k, KIND_LABELS[k] ?? k, i === 0)).join("");
  const appOptions =
    option("", "not set (the protocol's usual client)", true) + CLIENT_APPS.map((a) => option(a, APP_LABELS[a] ?? a)).join("");
  // Empty: the topology's own profile (a preset may name one), else microsoft, as the API decides.
  const profileOptions = option("", "topology's own (default microsoft)", true) + PROFILES.map((p) => option(p)).join("");
  const themeOptions = Object.keys(THEMES)
    .map((t) => option(t))
    .join("");
  // Native radios sharing a name: one tab stop, arrow keys move the choice; the first is the API's default.
  const viewRadios = VIEW_NAMES.map(
    (v, i) =>
      `<input type="radio" name="view" id="view-${esc(v)}" value="${esc(v)}"${i === 0 ? " checked" : ""}><label for="view-${esc(v)}">${esc(VIEW_LABELS[v] ?? v)}</label>`,
  ).join("");
  const colors = NAMED_COLORS.map((c) => `<option value="${esc(c)}"></option>`).join("");
  const outcomes = [
    ["P", "proxy"],
    ["R", "redirect"],
    ["S", "silent-redirect"],
    ["A", "autodiscover-referral"],
    ["D", "direct"],
    ["\u2717", "fail"],
  ]
    .map(([l, o]) => `<li><span class="badge outcome-${o}">${l}</span> ${o}</li>`)
    .join("");
  const legend = `${outcomes}<li><span class="badge">\u2013</span> not applicable</li><li><span class="badge">P*</span> with diagnostics</li>`;

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>exflow playground: Exchange client connectivity flows</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${esc(assets.style)}">
<script src="${esc(assets.script)}" defer></script>
</head>
<body>
<header>
<h1>exflow playground</h1>
<p class="hint">Describe an Exchange organisation, pick a user, protocol and client, and see which servers the request passes (proxy or redirect), numbered. Take the diagram to your wiki with the links below. Everything runs against this server's <a href="/openapi.json">API</a>; nothing is loaded from anywhere else.</p>
</header>
<main>
<div class="layout">
<section id="editor" aria-labelledby="h-topology">
<h2 id="h-topology">Topology</h2>
<div class="fields">
<div><label for="preset">Start from a preset</label><select id="preset"><option value="">Custom topology</option>${presetOptions}</select></div>
<div><label for="format">Editor format</label><select id="format"><option value="yaml" selected>YAML</option><option value="json">JSON</option></select></div>
</div>
<p id="preset-info" class="hint"></p>
${IMPORT_HTML}
<label for="topology">Topology (YAML or JSON)</label>
<textarea id="topology" rows="30" spellcheck="false" autocapitalize="off" autocomplete="off" aria-describedby="topology-help errors" aria-invalid="false"></textarea>
<p id="topology-help" class="hint">Sites, servers (version, roles, site, virtual-directory URLs), namespaces and users. The result updates as you type; problems are listed below with their path.</p>
<div id="errors" role="status" aria-live="polite" hidden><h3>Problems</h3><ul id="error-list"></ul></div>
${SAVED_HTML}
${OBSERVE_HTML}
</section>

<div>
<section id="scenario" aria-labelledby="h-scenario">
<h2 id="h-scenario">Scenario</h2>
<form id="scenario-form">
<div class="fields">
<div class="wide"><label for="example">Example scenarios of the preset</label><select id="example"><option value="">Choose an example\u2026</option></select></div>
<div><label for="user">User</label><select id="user"></select></div>
<div><label for="protocol">Protocol</label><select id="protocol">${protocolOptions}</select></div>
<div><label for="client">Client location</label><select id="client">${clientOptions}</select></div>
<div><label for="kind">What is traced</label><select id="kind" aria-describedby="kind-help">${kindOptions}</select></div>
<div><label for="target">Target user or address</label><input type="text" id="target" list="targets" placeholder="none" spellcheck="false" autocomplete="off" aria-describedby="kind-help"><datalist id="targets"></datalist></div>
<div><label for="app">Client application</label><select id="app">${appOptions}</select></div>
<div><label for="host">Host name used</label><input type="text" id="host" list="hosts" placeholder="default" spellcheck="false" autocomplete="off" aria-describedby="host-help"><datalist id="hosts"></datalist></div>
<div><label for="profile">Rule profile</label><select id="profile">${profileOptions}</select></div>
<fieldset class="view-toggle" id="view" aria-describedby="view-help"><legend>Diagram view</legend><div class="segmented">${viewRadios}</div></fieldset>
<div><label for="theme">Diagram theme</label><select id="theme">${themeOptions}</select></div>
<div><label for="background">Background</label><input type="text" id="background" list="colors" placeholder="theme's" spellcheck="false" autocomplete="off" aria-describedby="background-help"><datalist id="colors">${colors}</datalist></div>
${optionSelects()}
</div>
<p class="hint"><span id="view-help">View: Sequence numbers the messages over time; Map shows each site with its servers and numbers the arrows along the path.</span> <span id="kind-help">What is traced: a client request, or (with a hybrid block) a free/busy lookup or an SMTP message from the user to the target, or a mailbox move.</span> <span id="host-help">Host name: empty means the name namespaces and Autodiscover give that client.</span> <span id="background-help">Background: #rgb, #rrggbb, transparent or a colour name.</span></p>
</form>
</section>

<section id="result" aria-labelledby="h-flow">
<h2 id="h-flow">Flow <span id="outcome" class="badge"></span></h2>
<p id="result-stale" class="stale-banner" hidden>Showing the last valid result; fix the problems listed under the topology, and it updates.</p>
<figure><div class="diagram fit" id="diagram-box"><img id="diagram" alt="The diagram appears here"></div>
<figcaption><span id="caption" class="hint"></span>
<span class="actions"><button type="button" id="zoom" aria-pressed="false">Actual size</button> <a id="download-svg" href="#" download="exflow-flow.svg">Download SVG</a> <a id="download-png" href="#" download="exflow-flow.png">Download PNG</a></span></figcaption></figure>
<div class="flow-details">
<h3>Steps</h3>
<div class="table-scroll"><table class="steps"><thead><tr><th scope="col">#</th><th scope="col">From \u2192 to</th><th scope="col">Kind</th><th scope="col">URL</th><th scope="col">What happens</th><th scope="col">Rule</th></tr></thead><tbody id="steps-body"></tbody></table></div>
<details><summary>Participants</summary><ul id="participant-list" class="plain"></ul></details>
<h3>Notes</h3><ul id="note-list" class="plain"></ul>
<h3>Diagnostics</h3><ul id="diagnostic-list" class="plain"></ul>
</div>
</section>
</div>
</div>

<section id="share-section" aria-labelledby="h-share">
<h2 id="h-share">Take it to your wiki</h2>
<p id="share-stale" class="stale-banner" hidden>These links are from the last valid result, not from the topology as it is now; fix the problems listed under the topology first.</p>
<div class="share">
${copyItem("link-svg", "Embeddable SVG URL", "SVG URL", false)}
${copyItem("link-png", "PNG URL (chat, tickets, Office)", "PNG URL", false)}
${copyItem("link-live", "Mermaid Live Editor link", "Mermaid Live link", false)}
${copyItem("link-md", "Markdown snippet (image and Mermaid)", "Markdown snippet", true)}
${copyItem("link-mmd", "Mermaid text", "Mermaid text", true)}
${copyItem("link-curl", "curl command", "curl command", true)}
</div>
<p><a id="link-live-open" href="#" target="_blank" rel="noopener noreferrer">Open in the Mermaid Live Editor</a> (mermaid.live, an external site).</p>
</section>

<section id="audit-section" aria-labelledby="h-audit">
<h2 id="h-audit">Audit: every user, protocol and location</h2>
<p id="audit-summary" class="hint"></p>
<ul class="legend" aria-label="Legend">${legend}</ul>
<div id="audit" class="table-scroll"></div>
<details><summary>Topology-wide diagnostics</summary><ul id="audit-diagnostic-list" class="plain"></ul></details>
</section>
</main>
<div id="status" class="visually-hidden" role="status" aria-live="polite"></div>
</body>
</html>
`;
}
