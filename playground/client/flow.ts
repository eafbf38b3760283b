/**
 * The flow of the current scenario: topology text + scenario controls + the Sequence / Map view
 * (sent as `options.view`) -> POST /v1/flow (json, svg, mmd in parallel), debounced, an older
 * request aborted by a newer one. Problems are listed under the editor with the core's path; while
 * there are any, the result and the share links are marked stale (they still show the last valid
 * answer, said so in a banner).
 */
import { formatPath } from "../../lib/suggest.ts";
import { type Child, diagnosticItem, el, fillList } from "./dom.ts";
import { editorPosition, type Extra, type Mode, type Wrapped, wrapDoc } from "./document.ts";
import { DEFAULT_KIND, OPTIONAL_FIELDS, state, ui } from "./ui.ts";

export const DEBOUNCE_MS = 300;

export interface Problem {
  code?: string;
  message?: string;
  path?: (string | number)[];
}

export function scenario(): Record<string, string> {
  const s: Record<string, string> = { user: ui.user.value, protocol: ui.protocol.value, client: ui.client.value };
  for (const field of OPTIONAL_FIELDS) {
    const value = ui[field].value.trim();
    if (value && !(field === "kind" && value === DEFAULT_KIND)) s[field] = value;
  }
  return s;
}

export function currentView(): string {
  return ui.views.find((r) => r.checked)?.value ?? "sequence";
}

export function setView(view: string | null | undefined): void {
  const wanted = ui.views.some((r) => r.value === view) ? view : "sequence";
  for (const r of ui.views) r.checked = r.value === wanted;
}

/**
 * The view goes into the request's options only when it is not the default, so sequence links
 * stay what they were; with view "map" every answer (image, Mermaid, links) is the map.
 */
/**
 * What happens once a flow is drawn, wired by main.ts: the audit marks the flow's cell and the
 * session saves the URL hash. Hooks instead of imports keep flow.ts below audit.ts and session.ts
 * (no import cycle).
 */
export const afterFlow = {
  drawn: (): void => {},
  saved: async (_doc: Wrapped): Promise<void> => {},
};

export function options(forAudit: boolean): Record<string, string | number> {
  const o: Record<string, string | number> = {};
  if (ui.profile.value) o.profile = ui.profile.value;
  if (forAudit) return o;
  o.theme = ui.theme.value;
  const bg = ui.background.value.trim();
  if (bg) o.background = bg;
  if (currentView() !== "sequence") o.view = currentView();
  // Only what differs from the API's default, so default links stay what they were.
  for (const s of ui.drawOptions) {
    const name = s.dataset.option;
    if (name && s.value !== s.dataset.default) o[name] = s.dataset.number === undefined ? s.value : Number(s.value);
  }
  return o;
}

export function requestDoc(forAudit: boolean): Wrapped | null {
  const text = ui.topology.value;
  const extra: Extra = forAudit ? { options: options(true) } : { scenario: scenario(), options: options(false) };
  return wrapDoc(text, extra, state.presetId && text === state.presetText ? state.presetId : null);
}

// ---- problems and staleness -------------------------------------------------------------------

function selectLine(line: number): void {
  const lines = ui.topology.value.split("\n");
  let start = 0;
  for (let i = 0; i < line - 1 && i < lines.length; i++) start += (lines[i]?.length ?? 0) + 1;
  ui.topology.focus();
  ui.topology.setSelectionRange(start, start + (lines[line - 1] ?? "").length);
}

/** Marks (or clears) the result and the share links as the last valid answer, not the current input. */
export function markStale(stale: boolean): void {
  for (const section of [ui.result, ui.shareSection]) {
    if (stale) section.dataset.stale = "true";
    else delete section.dataset.stale;
    section.classList.toggle("stale", stale);
  }
  ui.resultStale.hidden = !stale;
  ui.shareStale.hidden = !stale;
}

export function showErrors(issues: Problem[], mode: Mode = "preset"): void {
  ui.errors.replaceChildren();
  ui.errorBox.hidden = issues.length === 0;
  const inTopology = issues.some((i) => i.path?.[0] !== "scenario" && i.path?.[0] !== "options");
  ui.topology.setAttribute("aria-invalid", inTopology ? "true" : "false");
  markStale(issues.length > 0);
  const lineCount = ui.topology.value.split("\n").length;
  for (const issue of issues) {
    const path = issue.path?.length ? formatPath(issue.path) : "";
    let message = editorPosition(String(issue.message ?? ""), mode, lineCount);
    if (path && message.startsWith(`${path}: `)) message = message.slice(path.length + 2);
    const item = el("li", { "data-code": issue.code ?? "" }, [el("code", { class: "path", text: path || "(document)" }), " ", message]);
    const m = /^line (\d+)/.exec(message);
    if (m) {
      const line = Number(m[1]);
      item.append(" ", el("button", { type: "button", class: "link", text: `Go to line ${line}`, onclick: () => selectLine(line) }));
    }
    ui.errors.append(item);
  }
}

export async function problemOf(response: Response): Promise<Problem[]> {
  try {
    const p = (await response.json()) as { errors?: Problem[]; detail?: string; title?: string } | null;
    if (p && Array.isArray(p.errors) && p.errors.length) return p.errors;
    return [{ code: "HTTP", message: p?.detail || p?.title || response.statusText, path: [] }];
  } catch {
    return [{ code: "HTTP", message: `HTTP ${response.status} ${response.statusText}`, path: [] }];
  }
}

// ---- the flow -----------------------------------------------------------------------------------

export function scheduleFlow(delay: number): void {
  clearTimeout(state.flowTimer);
  state.flowTimer = setTimeout(updateFlow, delay);
}

const errorMessage = (e: unknown): string => (e instanceof Error ? e.message : String(e));

async function updateFlow(): Promise<void> {
  state.flowCtl?.abort();
  const ctl = new AbortController();
  state.flowCtl = ctl;
  const doc = requestDoc(false);
  const view = currentView();
  if (!doc) {
    showErrors([{ code: "REQUIRED", message: "the topology is empty; choose a preset or paste one", path: ["topology"] }]);
    return;
  }
  ui.result.setAttribute("aria-busy", "true");
  const post = (format: string) =>
    fetch(`/v1/flow?format=${format}`, { method: "POST", headers: { "Content-Type": doc.type }, body: doc.text, signal: ctl.signal });
  try {
    const pending = [post("json"), post("svg"), post("mmd")] as const;
    for (const p of pending) p.catch(() => undefined); // aborted or failed: handled where awaited
    const first = await pending[0];
    if (!first.ok) {
      // The JSON answer carries the problems; the image and text requests have nothing to add
      // (abort them only once this body is read: the same signal would cancel it).
      const issues = await problemOf(first);
      ctl.abort();
      if (ctl === state.flowCtl) showErrors(issues, doc.mode);
      return;
    }
    const [svgResponse, mmdResponse] = await Promise.all([pending[1], pending[2]]);
    const failed = [svgResponse, mmdResponse].find((r) => !r.ok);
    if (failed) {
      const more = await problemOf(failed);
      if (ctl === state.flowCtl) showErrors(more, doc.mode);
      return;
    }
    const body = (await first.json()) as { flow: Flow; links?: Links };
    const svg = await svgResponse.blob();
    const mmd = await mmdResponse.text();
    if (ctl !== state.flowCtl) return;
    showErrors([], doc.mode);
    await render(body.flow, body.links ?? {}, svg, mmd, doc, view);
    if (ctl !== state.flowCtl) return;
    await afterFlow.saved(doc);
  } catch (e) {
    if (e instanceof Error && e.name === "AbortError") return;
    if (ctl === state.flowCtl) showErrors([{ code: "NETWORK", message: `request failed: ${errorMessage(e)}`, path: [] }]);
  } finally {
    if (ctl === state.flowCtl) ui.result.removeAttribute("aria-busy");
  }
}

interface Step {
  n: number | null;
  from: string;
  to: string;
  kind: string;
  url?: string;
  text: string;
  rule: string;
  fails?: boolean;
}
interface Flow {
  scenario: {
    user: string;
    protocol: string;
    client: string;
    host?: string;
    profile: string;
    kind?: string;
    target?: string;
    app?: string;
  };
  outcome: string;
  steps: Step[];
  participants: { id: string; label: string }[];
  notes: { kind: string; rule?: string; text: string }[];
  diagnostics: Parameters<typeof diagnosticItem>[0][];
}
interface Links {
  svg?: string;
  png?: string;
  mermaidLive?: string;
}

function participantLabel(flow: Flow, id: string): string {
  return flow.participants.find((x) => x.id === id)?.label ?? id;
}

function stepRow(flow: Flow, step: Step): HTMLTableRowElement {
  return el("tr", { class: step.fails ? "fails" : step.n === null ? "annotation" : "" }, [
    el("td", { class: "num", text: step.n === null ? "\u2013" : step.n }),
    el("td", { class: "hop" }, [
      el("span", { title: participantLabel(flow, step.from), text: step.from }),
      " \u2192 ",
      el("span", { title: participantLabel(flow, step.to), text: step.to }),
    ]),
    el("td", { text: step.kind + (step.fails ? " (fails)" : "") }),
    el("td", { class: "url" }, [step.url ? el("code", { text: step.url }) : ""]),
    el("td", { text: step.text }),
    el("td", { class: "rule" }, [el("code", { text: step.rule })]),
  ]);
}

const FENCE = "```";

async function render(flow: Flow, links: Links, svg: Blob, mmd: string, doc: Wrapped, view: string): Promise<void> {
  const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
  const loaded = new Promise((resolve) => {
    ui.diagram.onload = resolve;
    ui.diagram.onerror = resolve;
  });
  ui.diagram.src = url;
  await loaded;
  if (state.blobUrl) URL.revokeObjectURL(state.blobUrl);
  state.blobUrl = url;
  const s = flow.scenario;
  // What the flow is (the SVG's own title says the same): a hybrid kind first, then the client request.
  const title =
    s.kind === "free-busy"
      ? `Free/busy: ${s.user} looks up ${s.target ?? "?"}'s calendar`
      : s.kind === "smtp"
        ? `SMTP: a message from ${s.user} to ${s.target ?? "?"}`
        : s.kind === "mailbox-move"
          ? `Mailbox move: ${s.user}'s mailbox`
          : `${s.user}, ${s.protocol}, ${s.client}${s.app ? ` ${s.app}` : ""}${s.host ? ` client at ${s.host}` : " client"}`;
  const map = view === "map";
  const numbered = flow.steps.filter((x) => x.n !== null).length;
  ui.diagram.alt = `${map ? "Site map: " : "Sequence diagram: "}${title} (${flow.outcome}, ${numbered} numbered steps; listed in the table below)`;
  ui.caption.textContent = `${title}, profile ${s.profile}`;
  ui.download.href = url;
  ui.download.download = `exflow-${[s.user, s.protocol, s.client].join("-").replace(/[^\w.-]+/g, "_")}${map ? ".map" : ""}.svg`;
  ui.outcome.textContent = flow.outcome;
  ui.outcome.className = `badge outcome-${flow.outcome}`;

  ui.steps.replaceChildren(...flow.steps.map((step) => stepRow(flow, step)));
  ui.participants.replaceChildren(...flow.participants.map((p) => el("li", {}, [el("code", { text: p.id }), " ", p.label])));
  const note = (n: Flow["notes"][number]): Child[] => [
    el("span", { class: "tag", text: n.kind }),
    " ",
    n.rule ? el("code", { text: n.rule }) : "",
    n.rule ? " " : "",
    n.text,
  ];
  fillList(ui.notes, flow.notes, note, "No notes.");
  fillList(ui.diagnostics, flow.diagnostics, diagnosticItem, "No diagnostics for this flow.");

  const svgUrl = links.svg ?? "";
  const alt = `exflow: ${title} (${flow.outcome})`.replace(/[[\]\\]/g, "");
  const markdown = `${svgUrl ? `![${alt}](${svgUrl})\n\n` : ""}${FENCE}mermaid\n${mmd.trimEnd()}\n${FENCE}\n`;
  const curl =
    `curl -sS '${location.origin}/v1/flow?format=svg' -H 'Content-Type: ${doc.type}' --data-binary @- -o flow.svg <<'EXFLOW_REQUEST'\n` +
    `${doc.text.trimEnd()}\nEXFLOW_REQUEST\n`;
  ui.share.svg.value = svgUrl || "(the request is too long for a GET URL; use the curl command)";
  // PNG: the same request's encoded GET URL (rendered on demand by the worker, not here).
  ui.share.png.value = links.png ?? "(the request is too long for a GET URL; use the curl command with ?format=png)";
  ui.downloadPng.href = links.png ?? "#";
  ui.downloadPng.hidden = !links.png;
  ui.downloadPng.download = ui.download.download.replace(/\.svg$/, ".png");
  ui.share.md.value = markdown;
  ui.share.curl.value = curl;
  ui.share.mmd.value = mmd;
  ui.share.live.value = links.mermaidLive ?? "";
  ui.live.href = links.mermaidLive ?? "#";
  afterFlow.drawn();
}
