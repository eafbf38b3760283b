/**
 * The Observed panel: HttpProxy log files chosen (or dropped on the file field) are streamed
 * through the core's reader in this page (nothing of them is sent anywhere); the paths are judged against the
 * editor's topology with the designed flows asked from POST /v1/flow, one per user, protocol and
 * client location the logs show for users the topology already names. The table lists differing
 * paths first; a row shows its designed flow with the observed count of each hop under it.
 */
import {
  anonymizeReport,
  createObserverWith,
  type DesignRequest,
  type Flow,
  type FlowSource,
  type ObservedPath,
  type ObservedReport,
  overlayFor,
} from "../../core/browser.ts";
import type { Topology } from "../../core/browser.ts";
import { wrapDoc } from "./document.ts";
import { el } from "./dom.ts";
import { localTopology } from "./topology.ts";
import { $, state, ui } from "./ui.ts";

const obs = {
  file: $<HTMLInputElement>("observe-file"),
  anonymize: $<HTMLInputElement>("observe-anonymize"),
  report: $("observe-report"),
  figure: $("observe-figure"),
  diagram: $<HTMLImageElement>("observe-diagram"),
  caption: $("observe-caption"),
  steps: $("observe-steps"),
};

const keyOf = (w: DesignRequest) => [w.user, w.protocol, w.client, w.host ?? ""].join("\u001f");
let lastFiles: File[] = [];
let diagramUrl: string | null = null;

function post(w: DesignRequest, format: "json" | "svg"): Promise<Response> | null {
  const text = ui.topology.value;
  const scenario: Record<string, string> = { user: w.user, protocol: w.protocol, client: w.client };
  if (w.host) scenario.host = w.host;
  const doc = wrapDoc(text, { scenario, options: {} }, state.presetId && text === state.presetText ? state.presetId : null);
  if (!doc) return null;
  return fetch(`/v1/flow?format=${format}`, { method: "POST", headers: { "Content-Type": doc.type }, body: doc.text });
}

async function read(files: File[]): Promise<void> {
  lastFiles = files;
  const topology = localTopology() as Topology | null;
  if (!topology) {
    obs.report.replaceChildren(el("p", { text: "The topology cannot be read yet; fix the problems listed, then read the logs again." }));
    return;
  }
  obs.report.replaceChildren(el("p", { text: `Reading ${files.length} file(s) in this page…` }));
  // First pass: which designed flows the comparison needs; then ask for them; then judge.
  const wanted = new Map<string, DesignRequest>();
  const flows = new Map<string, Flow | undefined>();
  const source: FlowSource = (_m, _n, w) => {
    const k = keyOf(w);
    if (!flows.has(k)) wanted.set(k, w);
    return flows.get(k);
  };
  const observer = createObserverWith(source);
  for (const f of files) {
    const reader = observer.file(f.webkitRelativePath || f.name);
    const stream = f.stream().getReader();
    for (;;) {
      const { done, value } = await stream.read();
      if (done) break;
      reader.feed(value);
    }
    reader.end();
  }
  observer.report(topology);
  await Promise.all(
    [...wanted].map(async ([k, w]) => {
      const r = await post(w, "json")?.catch(() => null);
      flows.set(k, r?.ok ? ((await r.json()) as { flow: Flow }).flow : undefined);
    }),
  );
  const report = observer.report(topology);
  show(obs.anonymize.checked ? anonymizeReport(report) : report, report, flows);
}

function statuses(p: ObservedPath): string {
  return Object.entries(p.statuses)
    .map(([k, n]) => `${k} \u00d7${n}`)
    .join(", ");
}

function show(r: ObservedReport, real: ObservedReport, flows: Map<string, Flow | undefined>): void {
  const head = el(
    "tr",
    {},
    ["Verdict", "Protocol", "User", "Client", "Requests", "HTTP status", "Observed", "Designed", "Why"].map((h) => el("th", { text: h })),
  );
  const rows = r.paths.map((p, i) => {
    const truth = real.paths[i]!;
    const designed = p.expected?.frontEnd ? `${p.expected.frontEnd} \u2192 ${p.expected.target ?? "?"}` : "\u2013";
    const row = el("tr", { class: `verdict-${p.verdict}` }, [
      el("td", { text: p.verdict }),
      el("td", { text: p.protocol }),
      el("td", { text: p.user }),
      el("td", { text: `${p.client}${p.host ? ` (${p.host})` : ""}` }),
      el("td", { text: p.count }),
      el("td", { text: statuses(p) }),
      el("td", { text: `${p.frontEnd} \u2192 ${p.target ?? "(answered itself)"}` }),
      el("td", { text: designed }),
      el("td", { text: p.reason }),
    ]);
    if (p.verdict !== "unknown")
      row.append(
        el("td", {}, [el("button", { type: "button", text: "Diagram", onclick: () => void diagram(truth, p.user, real, flows) })]),
      );
    return row;
  });
  const summary =
    `${r.requests} requests from ${r.files.length} file(s); ${r.skippedTotal} line(s) skipped. ` +
    `Requests: ${r.summary.differs} differ from the design, ${r.summary.unknown} unknown, ${r.summary.matches} match.`;
  const skipped = r.skipped.slice(0, 20).map((s) => el("li", { text: `${s.file}, line ${s.line}: ${s.reason}` }));
  obs.report.replaceChildren(
    el("p", { text: summary }),
    el("table", { class: "observed" }, [el("thead", {}, [head]), el("tbody", {}, rows)]),
    ...(r.unsupported.length
      ? [el("p", { text: `Services exflow does not route: ${r.unsupported.map((u) => `${u.protocol} (${u.requests})`).join(", ")}` })]
      : []),
    ...(skipped.length ? [el("ul", {}, skipped)] : []),
  );
}

/** The designed flow of this path's user, protocol and client, with each visible hop's observed count. */
async function diagram(p: ObservedPath, shownUser: string, r: ObservedReport, flows: Map<string, Flow | undefined>): Promise<void> {
  const w: DesignRequest = { user: p.user, protocol: p.protocol as DesignRequest["protocol"], client: p.client, host: p.host };
  const flow = [...flows.entries()].find(([k]) => k.startsWith(`${p.user}\u001f${p.protocol}\u001f${p.client}\u001f`))?.[1];
  if (!flow) return;
  const same = r.paths.filter((x) => x.user === p.user && x.protocol === p.protocol && x.client === p.client);
  const overlay = overlayFor(flow, same);
  const svg = await post({ ...w, host: flow.scenario.host }, "svg")?.catch(() => null);
  if (!svg?.ok) return;
  if (diagramUrl) URL.revokeObjectURL(diagramUrl);
  diagramUrl = URL.createObjectURL(await svg.blob());
  obs.diagram.src = diagramUrl;
  obs.diagram.alt = `Designed ${p.protocol} flow for ${shownUser}, ${p.client} client`;
  obs.caption.textContent = `Designed flow for ${shownUser} (${p.protocol}, ${p.client}). ${overlay.lines.join(". ")}`;
  obs.steps.replaceChildren(
    ...flow.steps.flatMap((s, i) => {
      const o = overlay.steps[i];
      if (!o) return [];
      const text = `${s.n ?? ""}. ${s.from} \u2192 ${s.to}: observed \u00d7${o.count}${o.instead ? `; instead: ${o.instead}` : ""}`;
      return [el("li", { class: o.instead ? "differs" : "", text })];
    }),
  );
  obs.figure.hidden = false;
}

export function wireObserve(): void {
  obs.file.addEventListener("change", () => void read([...(obs.file.files ?? [])]));
  obs.anonymize.addEventListener("change", () => {
    if (lastFiles.length) void read(lastFiles);
  });
}
